package it.pa.monitor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.MonitorApplication;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo} on a fresh folder: the plan, then four quarterly runs on the bundled sheets, whose
 * mistakes (a number typed as {@code 12,3,4}, a sheet for the wrong period, a late sheet, a file sent
 * twice) end in {@code scarti} or are skipped, each with its reason; the year end gives the published
 * ente result.
 */
class DemoCommandTest {

    @TempDir
    private Path temp;

    @Test
    void aYearOfQuarterlyRunsEndsWithThePublishedEnteResult() throws IOException {
        Path dir = temp.resolve("demo");
        Result result = monitor("demo", "--dir", dir.toString());

        assertThat(result.exitCode()).as(result.out()).isZero();
        Path output = dir.resolve("output");
        try (Stream<Path> periods = Files.list(output)) {
            assertThat(periods.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4");
        }
        for (String period : List.of("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4")) {
            assertThat(output.resolve(period).resolve("Relazione-" + period + ".xlsx")).isRegularFile();
        }
        // Each quarter's templates: the 6 units answering for indicators (the 3 areas answer for none),
        // CR01 and CR02 for their own indicators (CR03 only points at tree indicators), ENTE for the rest.
        for (String period : List.of("2022-Q1", "2022-Q2", "2022-Q3", "2022-Q4")) {
            assertThat(names(dir.resolve("input-templates").resolve(period))).containsExactlyInAnyOrder(
                    Stream.of("CR01", "CR02", "ENTE", "ISR", "S_AG", "S_PRO", "S_RF", "S_RI", "S_RM")
                            .map(u -> "scheda_" + u + "_" + period + ".xlsx").toArray(String[]::new));
        }
        // Its own database in the folder, as the README says.
        assertThat(dir.resolve("data/monitor.mv.db")).isRegularFile();

        // Seed 000, line 1982: "una ottima performance di Ente pari al 99,89%";
        // EXPECTED.md: 0,25·100 + 0,25·100 + 0,5·99,7778 = 99,8889.
        assertThat(result.out()).contains("Risultati Camera di Commercio di Massa-Carrara 2022-Q4: ente 99,89 %,"
                + " 50 indicatori misurati su 50");
        assertThat(enteResult(output.resolve("2022-Q4/Relazione-2022-Q4.xlsx"))).isCloseTo(0.998889,
                within(0.000001));

        // The mistakes: rejected with their reason, moved to scarti, with an error report. Rows: a header block
        // of 6 lines, a blank line, the table header on row 8; S_RM lists Statistiche_Sito, PC_Port, ... (plan order).
        assertThat(result.out())
                .contains("SCARTATO scheda_S_RM_2022-Q1.xlsx: 1 errore da correggere: cella G10 «70,3,7 %»")
                .contains("SCARTATO scheda_ISR_2022-Q1.xlsx: il file è per il periodo 2022-Q1, l'elaborazione è"
                        + " per il periodo 2022-Q2")
                .contains("SCARTATO scheda_S_RF_2022-Q2.xlsx: il file è per il periodo 2022-Q3")
                .contains("SCARTATO scheda_S_PRO_2022-Q2.xlsx: 1 errore da correggere: cella G9 «41,2,3 %»")
                .contains("SCARTATO scheda_ENTE_2022-Q3.xlsx: 1 errore da correggere: cella G22 «12,3,4 %»")
                .contains("SCARTATO scheda_S_RM_2022-Q4.xlsx: 1 errore da correggere: cella G16 «12,3,4»")
                .contains("SALTATO scheda_S_AG_2022-Q1 - Copia.xlsx: contenuto identico a «scheda_S_AG_2022-Q1.xlsx»")
                .contains("SALTATO scheda_ISR_2022-Q4 (inviata di nuovo).xlsx: contenuto identico");
        Path scarti = dir.resolve("inbox/scarti");
        assertThat(names(scarti.resolve("2022-Q1"))).containsExactly("scheda_S_RM_2022-Q1.xlsx");
        assertThat(names(scarti.resolve("2022-Q2"))).containsExactly("scheda_ISR_2022-Q1.xlsx",
                "scheda_S_PRO_2022-Q2.xlsx", "scheda_S_RF_2022-Q2.xlsx");
        assertThat(names(scarti.resolve("2022-Q3"))).containsExactly("scheda_ENTE_2022-Q3.xlsx",
                "scheda_S_PRO_2022-Q2 (corretta).xlsx");
        assertThat(names(scarti.resolve("2022-Q4"))).containsExactly("scheda_S_PRO_2022-Q4.xlsx",
                "scheda_S_RF_2022-Q3.xlsx", "scheda_S_RM_2022-Q4.xlsx");
        assertThat(cells(output.resolve("2022-Q4/scarti/scheda_S_RM_2022-Q4-errori.xlsx"), "Errori"))
                .anyMatch(c -> c.contains("12,3,4"));
        // Nothing is left behind in the inbox: every file is archived or rejected.
        assertThat(names(dir.resolve("inbox"))).doesNotContain("rettifiche-2022.xlsx")
                .allMatch(n -> n.equals("archivio") || n.equals("scarti") || n.startsWith("."));
        // The OIV's override is applied and listed with its motivation.
        assertThat(cells(output.resolve("2022-Q4/Relazione-2022-Q4.xlsx"), "Qualità dati"))
                .anyMatch(c -> c.contains("Valore misurato 91 %"));
        // The year-end Andamento reads as a controller reads it: each quarter's value with the pro-rated
        // target it was measured against, and what was foreseen at 30/09. OC_TD_01 (>= 40 N., cumulative):
        // 6, 15, 24 at 3, 6, 9 months; regression 3 a month from -3 -> 33 at 12 months, 33/40 = 82,5 % < 90.
        // N_ControlApparPagam (>= 12): 1, 3, 6 -> 10/3 + 5/6 x 6 = 8,33 -> 69,44 %: both "a rischio".
        Path q4 = output.resolve("2022-Q4/Relazione-2022-Q4.xlsx");
        assertThat(cells(q4, "Andamento")).contains("Previsione fine anno al 30/09/2022", "A rischio al 30/09/2022",
                "6\ntarget ≥ 10,00 N.", "15\ntarget ≥ 20,00 N.", "24\ntarget ≥ 30,00 N.", "40,00 N.");
        List<List<String>> andamento = rows(q4, "Andamento");
        List<String> header = andamento.stream().filter(r -> r.contains("% prevista")).findFirst().orElseThrow();
        for (String[] risky : new String[][] {{"OS_2.2/OC_TD_01", "82,50%"}, {"OO_3.2.2/N_ControlApparPagam",
            "69,44%"}}) {
            List<String> row = andamento.stream().filter(r -> r.size() > 1 && r.get(1).startsWith(risky[0]))
                    .findFirst().orElseThrow();
            assertThat(row.get(header.indexOf("% prevista"))).isEqualTo(risky[1]);
            assertThat(row.get(header.indexOf("A rischio al 30/09/2022"))).isEqualTo("Sì");
        }
        // Interim quarters: units that have not sent a valid sheet are named.
        assertThat(result.out()).contains("Unità senza una scheda accettata per 2022-Q1: ISR - ISR")
                .contains("Unità senza una scheda accettata per 2022-Q2: S_PRO - Servizio Promozione")
                // The quarters after the plan's run have no plan file in their inbox, and need none.
                .doesNotContain("Nessun piano caricato");
    }

    @Test
    void aFolderWithOtherContentIsRefused() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("documenti"));
        Files.writeString(dir.resolve("relazione.txt"), "non toccare");
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = MonitorApplication.run("demo", "--dir", dir.toString());
        } finally {
            System.setErr(original);
        }
        assertThat(exitCode).isEqualTo(1);
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("non è vuota e non è stata creata da demo");
        assertThat(dir.resolve("relazione.txt")).hasContent("non toccare");
    }

    private static double enteResult(Path relazione) throws IOException {
        try (Workbook workbook = WorkbookFactory.create(relazione.toFile(), null, true)) {
            Sheet sheet = workbook.getSheet("Risultati");
            for (Row row : sheet) {
                if (row.getCell(1) != null && "Ente".equals(row.getCell(1).toString())) {
                    return row.getCell(6).getNumericCellValue();
                }
            }
        }
        throw new AssertionError("no Ente row in Risultati");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> cells(Path file, String sheetName) throws IOException {
        List<String> cells = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Row row : workbook.getSheet(sheetName)) {
                row.forEach(c -> cells.add(formatter.formatCellValue(c)));
            }
        }
        return cells;
    }

    /** Each row's cells as displayed, empty strings for missing cells. */
    private static List<List<String>> rows(Path file, String sheetName) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter(java.util.Locale.ITALY);
        try (Workbook workbook = WorkbookFactory.create(file.toFile(), null, true)) {
            for (Row row : workbook.getSheet(sheetName)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private record Result(int exitCode, String out) {
    }

    private static Result monitor(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int exitCode;
        try {
            exitCode = MonitorApplication.run(args);
        } finally {
            System.setOut(original);
        }
        return new Result(exitCode, captured.toString(StandardCharsets.UTF_8));
    }
}
