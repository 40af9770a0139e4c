package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.CommandRun;
import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.plan.TranscribedPlans;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one problem type from check to workbook: a plan warning (placed by row and column) and an
 * intake error (placed by cell, with the value) go through the ledger and reach the run summary and
 * Qualità dati (and the unit's own workbook) with their file, sheet and place; a rejected plan's error workbook shows the row and
 * column of each problem.
 */
public class ProblemsRunTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";
    /** OS_2.3 has four indicators at 25 (PlanValidationTest): the first raised to 30 sums to 105. */
    private static final String WEIGHTS = "i pesi degli indicatori di OS_2.3 sommano a 105,00 invece di 100: i"
            + " risultati saranno calcolati in proporzione ai pesi indicati";

    @TempDir
    private Path work;

    @Test
    void aPlanWarningAndAnIntakeErrorReachQualitaDatiWithFileSheetAndPlace() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        PlanFixture.load("tno-2022").set("Indicatori", 0, "Peso", "30").writeTo(inbox, "piano-2022.xlsx");
        SheetFixture accepted = SheetFixture.forUnit(ENTE, "SG", "2022");
        for (TranscribedPlans.Published v : TranscribedPlans.published("tno-2022")) {
            accepted.row(v.key().objectiveCode(), v.key().code(), null, v.actual());
        }
        accepted.writeTo(inbox, "scheda_SG_2022.xlsx");
        TranscribedPlans.Published first = TranscribedPlans.published("tno-2022").get(0);
        // The sheet's header block has 5 rows, a blank, the table header: the first data row is row 8.
        SheetFixture.forUnit(ENTE, "SG", "2022").row(first.key().objectiveCode(), first.key().code(), null,
                "circa 1300").writeTo(inbox, "scheda_errata.xlsx");

        String out = run(inbox);

        // Read back from the ledger: the place is the plan reader's row and column, not text in the value.
        assertThat(out).contains("AVVISO - foglio Indicatori, riga 2, colonna Peso: " + WEIGHTS);
        try (XSSFWorkbook workbook = new XSSFWorkbook(work.resolve("output/2022/Relazione-2022.xlsx").toFile())) {
            List<String> quality = rows(workbook.getSheet("Qualità dati"));
            List<String> rejected = section(quality, "File scartati");
            assertThat(rejected).singleElement().satisfies(r -> assertThat(r)
                    .startsWith("scheda_errata.xlsx | Rilevazione | D8 | circa 1300 | "));
            assertThat(section(quality, "Incongruenze del piano"))
                    .containsExactly("piano-2022.xlsx | Indicatori | riga 2, colonna Peso | " + WEIGHTS);
        }
        // The unit's own workbook reads the problems of its files when it is written: the error, and no other.
        try (XSSFWorkbook unit = new XSSFWorkbook(work.resolve("output/2022/unita/Esiti-SG-2022.xlsx").toFile())) {
            List<String> warnings = rows(unit.getSheet("Avvisi"));
            assertThat(warnings.subList(3, warnings.size())).singleElement().satisfies(r -> assertThat(r)
                    .startsWith("scheda_errata.xlsx | Rilevazione | D8 | circa 1300 | "));
        }
    }

    @Test
    void aRejectedPlansErrorWorkbookShowsTheRowAndColumnOfEachProblem() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        PlanFixture.load("tno-2022").set("Indicatori", 0, "Peso", "trenta").writeTo(inbox, "piano-2022.xlsx");

        String out = run(inbox);

        assertThat(out).contains("Piano piano-2022.xlsx: SCARTATO");
        String error = out.lines().filter(l -> l.contains("ERRORE - foglio Indicatori, riga 2, colonna Peso: "))
                .findFirst().orElseThrow(() -> new AssertionError(out)).strip();
        String message = error.substring(error.indexOf(": ") + 2);
        Path report = work.resolve("output/2022/scarti/piano-2022-errori.xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(report.toFile())) {
            // Foglio | Cella | Valore (none: a plan problem names its place, not a value) | Problema.
            // Messages start upper case on their own in the Errori sheet.
            assertThat(rows(workbook.getSheet("Errori"))).contains("Indicatori | riga 2, colonna Peso | "
                    + message.substring(0, 1).toUpperCase(Locale.ITALIAN) + message.substring(1));
        }
    }

    /** The rows of a captioned section of Qualità dati, without its header. */
    private static List<String> section(List<String> rows, String caption) {
        int start = rows.indexOf(caption);
        assertThat(start).as("section %s in %s", caption, rows).isNotNegative();
        List<String> section = new ArrayList<>();
        for (int i = start + 2; i < rows.size() && !rows.get(i).isEmpty(); i++) {
            section.add(rows.get(i));
        }
        return section;
    }

    /** Each row as its non-blank cells joined by " | ", as displayed; a row never written is blank. */
    private static List<String> rows(Sheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.ITALY);
        List<String> rows = new ArrayList<>();
        for (Row row : sheet) {
            while (rows.size() < row.getRowNum()) {
                rows.add("");
            }
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
        return run.output();
    }
}
