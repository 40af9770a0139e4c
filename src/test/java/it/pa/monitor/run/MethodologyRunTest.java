package it.pa.monitor.run;

import it.pa.monitor.intake.sheet.SheetFixture;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.CommandRun;
import it.pa.monitor.plan.PlanFixtures;
import it.pa.monitor.plan.TranscribedPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of the TNO 2022 plan with a monitoring-only indicator, a ratio typed against a percentage
 * target (default COME_SCRITTI) and the {@code giudizi} parameter: the warning sits on its cell in
 * Qualità dati and in the run summary, the monitoring value is on the card and in Fonti and never
 * missing, and the ente's judgement is beside its result on Sintesi.
 */
public class MethodologyRunTest {

    @TempDir
    private Path work;

    @Test
    void percentWarningMonitoringOnlyAndJudgement() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        PlanFixtures.writeWithRows("tno-2022", inbox, "piano-2022.xlsx",
                new String[] {"Metodologia", "giudizi", "91 Eccellente; 81 Più che adeguato; 71 Pienamente adeguato;"
                        + " 60 Non pienamente adeguato; 0 Non adeguato"},
                new String[] {"Indicatori", "OS_2.3", "MON_1", "Presenze turistiche anno X / anno X-1", "", "", "",
                        "", "monitoraggio", "", "", "0", "", "", ""},
                new String[] {"Indicatori", "OS_2.3", "PCT_1", "Quota di imprese digitalizzate", "", "", "", "",
                        ">= 50 %", "", "", "0", "", "", ""});
        SheetFixture sheet = SheetFixture.forUnit("CCIAA di Toscana Nord Ovest", "SG", "2022");
        for (TranscribedPlans.Published v : TranscribedPlans.published("tno-2022")) {
            sheet.row(v.key().objectiveCode(), v.key().code(), null, v.actual());
        }
        sheet.row("OS_2.3", "MON_1", null, "1,34").row("OS_2.3", "PCT_1", null, "0,58");
        sheet.writeTo(inbox, "scheda_ENTE_2022.xlsx");

        String out = run(inbox);

        String warning = "valore «0,58» letto come 0,58 %: se si intende 58 % scrivere «58 %», oppure impostare"
                + " «valori_percentuali = RAPPORTI» nella Metodologia";
        // The sheet's header block has 5 rows, a blank, the table header: the 12th data row is row 19.
        assertThat(out).contains("ente 99,30 %").contains("giudizio: Eccellente")
                .contains("AVVISO - scheda_ENTE_2022.xlsx, foglio Rilevazione, cella D19 (OS_2.3/PCT_1): " + warning);
        try (XSSFWorkbook workbook = new XSSFWorkbook(work.resolve("output/2022/Relazione-2022.xlsx").toFile())) {
            List<String> quality = rows(workbook.getSheet("Qualità dati"));
            assertThat(quality).anyMatch(r -> r.contains("scheda_ENTE_2022.xlsx | Rilevazione | D19 | 0,58 | "
                    + warning));
            int notScored = indexOf(quality, "Indicatori non calcolati");
            assertThat(quality.subList(notScored, quality.size())).noneMatch(r -> r.contains("MON_1"));
            assertThat(rows(workbook.getSheet("Fonti"))).anyMatch(r -> r.contains("MON_1") && r.contains("1,34"));
            assertThat(rows(workbook.getSheet("Obiettivi strategici")))
                    .anyMatch(r -> r.contains("Presenze turistiche") && r.contains("1,34"));
            assertThat(rows(workbook.getSheet("Sintesi")))
                    .anyMatch(r -> r.contains("Giudizio"))
                    .anyMatch(r -> r.contains("CCIAA di Toscana Nord Ovest") && r.endsWith("Eccellente"));
        }
    }

    private static int indexOf(List<String> rows, String text) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).contains(text)) {
                return i;
            }
        }
        throw new AssertionError(text + " not found in " + rows);
    }

    /** Each row as its non-blank cells joined by " | ", as displayed. */
    private static List<String> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ITALY);
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            row.forEach(c -> {
                String text = formatter.formatCellValue(c);
                if (!text.isBlank()) {
                    cells.add(text);
                }
            });
            rows.add(String.join(" | ", cells));
        }
        return rows;
    }

    /** The {@code run} command on the inbox, in-process ({@link CommandRun}); what it printed. */
    private static String run(Path inbox) {
        CommandRun run = CommandRun.of("run", "--period", "2022", "--inbox", inbox.toString(), "--output",
                inbox.getParent().resolve("output").toString(),
                "--db", CommandRun.fileDb(inbox.getParent().resolve("db")));
        assertThat(run.exitCode()).isZero();
        return run.output();
    }
}
