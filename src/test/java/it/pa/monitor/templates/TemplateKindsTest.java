package it.pa.monitor.templates;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.CommandRun;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFDataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Templates of a plan with deadlines and yes/no targets (Pistoia-Prato 2024, half-yearly), over
 * two periods: validation by target kind, the first half's values shown read-only in the second
 * half's templates, the interim rule end to end, and a template made from an older plan.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TemplateKindsTest {

    private static final String OBJECTIVE = "03_01_OS01";
    private static final IndicatorKey YES_NO = new IndicatorKey(OBJECTIVE, "Intranet", 1);
    private static final IndicatorKey DEADLINE = new IndicatorKey(OBJECTIVE,
            "Sistema di Misurazione e Valutazione della Performance", 1);
    private static final IndicatorKey LATER_DEADLINE = new IndicatorKey(OBJECTIVE,
            "Piano integrato di attività e organizzazione", 1);
    private static final IndicatorKey NUMBER = new IndicatorKey(OBJECTIVE, "Comunicazione interna", 1);

    @TempDir
    static Path work;
    private static Path inbox;

    @BeforeAll
    static void loadThePlan() throws IOException {
        inbox = Files.createDirectories(work.resolve("inbox"));
        TranscribedPlans.writeWorkbook("pistoia-prato-2024", inbox.resolve("piano-2024.xlsx"));
        assertThat(run("2024-S1").exitCode()).isZero();
        CommandRun templates = CommandRun.of("templates", "--period", "2024-S1", "--output", work.resolve("s1").toString(),
                "--db", db());
        assertThat(templates.exitCode()).as(templates.errors()).isZero();
    }

    @Test
    @Order(1)
    void deadlinesTakeADateAndYesNoTargetsADropDown() throws IOException {
        Path file = holding(work.resolve("s1"), YES_NO);
        try (XSSFWorkbook workbook = TemplateSheet.open(file)) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            int actual = TemplateSheet.columns(sheet).get("Consuntivo");
            // Half-yearly plan, first half: no earlier period, so no read-only column.
            assertThat(TemplateSheet.columns(sheet).keySet()).doesNotContain("Consuntivo 30/06/2024")
                    .containsSequence("Target", "Consuntivo", "Note");
            XSSFDataValidation yesNo = validation(sheet, rowOf(sheet, YES_NO), actual);
            assertThat(yesNo.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(yesNo.getValidationConstraint().getExplicitListValues())
                    .containsExactly("Realizzato", "Non realizzato", "N.C.");
            assertThat(yesNo.getPromptBoxText()).startsWith("Target: = si.");
            assertThat(yesNo.getErrorBoxText()).isEqualTo("Scegliere dall'elenco: Realizzato, Non realizzato oppure N.C.");

            int deadlineRow = rowOf(sheet, DEADLINE);
            XSSFDataValidation deadline = validation(sheet, deadlineRow, actual);
            String cell = new org.apache.poi.ss.util.CellReference(deadlineRow, actual).formatAsString(false);
            assertThat(deadline.getValidationConstraint().getValidationType())
                    .isEqualTo(DataValidationConstraint.ValidationType.FORMULA);
            // a date of the year (± 1) or the words intake accepts for a deadline, N.C. included
            assertThat(deadline.getValidationConstraint().getFormula1()).isEqualTo("OR(AND(ISNUMBER(" + cell + "),"
                    + cell + ">=DATE(2023,1,1)," + cell + "<=DATE(2025,12,31)),UPPER(TRIM(" + cell
                    + "))=\"NON REALIZZATO\",UPPER(TRIM(" + cell + "))=\"REALIZZATO\",UPPER(TRIM(" + cell
                    + "))=\"N.C.\",UPPER(TRIM(" + cell + "))=\"N.D.\")");
            assertThat(deadline.getPromptBoxTitle()).isEqualTo("Consuntivo al 30/06/2024");
            assertThat(deadline.getPromptBoxText()).startsWith("Target: = 31/01/2024. Scrivere la data di"
                    + " realizzazione (gg/mm/aaaa), solo se entro il 30/06/2024");
            assertThat(deadline.getErrorBoxText()).startsWith("Il target è una scadenza (= 31/01/2024)");
            assertThat(sheet.getRow(deadlineRow).getCell(actual).getCellStyle().getDataFormatString())
                    .isEqualTo("dd/mm/yyyy");
        }
    }

    @Test
    @Order(2)
    void firstHalfValuesShowInTheSecondHalfAndAPlannedDateIsNotYetDone() throws Exception {
        Path file = Files.copy(holding(work.resolve("s1"), YES_NO), inbox.resolve("scheda-s1.xlsx"));
        fill(file, Map.of(YES_NO, "Realizzato", NUMBER, 16.0, DEADLINE, LocalDate.of(2024, 1, 20),
                LATER_DEADLINE, LocalDate.of(2024, 12, 15)));
        CommandRun s1 = run("2024-S1");
        assertThat(s1.output()).contains("File: 1 accettato, 0 scartati");
        // METHOD.md "Interim periods": 15/12/2024 at 30/06/2024 is a warning on its cell, and not done.
        assertThat(problems("AVVISO")).anySatisfy(m -> assertThat(m).isEqualTo("data di realizzazione 15/12/2024"
                + " successiva alla data di riferimento 30/06/2024: l'indicatore è considerato non ancora realizzato"));
        assertThat(indicatorStatus("2024-S1", LATER_DEADLINE)).isEqualTo("SCORED 0");
        assertThat(indicatorStatus("2024-S1", DEADLINE)).isEqualTo("SCORED 100");

        CommandRun s2 = CommandRun.of("templates", "--period", "2024-S2", "--output", work.resolve("s2").toString(),
                "--db", db());
        assertThat(s2.exitCode()).isZero();
        try (XSSFWorkbook workbook = TemplateSheet.open(holding(work.resolve("s2"), YES_NO))) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            Map<String, Integer> columns = TemplateSheet.columns(sheet);
            int earlier = columns.get("Consuntivo 30/06/2024");
            assertThat(columns.get("Consuntivo")).isEqualTo(earlier + 1);
            assertThat(text(sheet, rowOf(sheet, NUMBER), earlier)).isEqualTo("16");
            assertThat(text(sheet, rowOf(sheet, YES_NO), earlier)).isEqualTo("Realizzato");
            assertThat(text(sheet, rowOf(sheet, DEADLINE), earlier)).isEqualTo("20/01/2024");
            Cell readOnly = sheet.getRow(rowOf(sheet, NUMBER)).getCell(earlier);
            assertThat(readOnly.getCellStyle().getLocked()).isTrue();
            assertThat(TemplateSheet.headerBlock(sheet)).containsEntry("Periodo", "2024-S2")
                    .containsEntry("Data di riferimento", "31/12/2024");
        }
    }

    @Test
    @Order(3)
    void aTemplateOfAnOlderPlanIsAcceptedWithAWarningNamingThePlanChange() throws Exception {
        // The planning office reloads the plan with one indicator renamed: a new workbook, a new sha256.
        Path v2 = inbox.resolve("piano-2024-v2.xlsx");
        TranscribedPlans.writeWorkbook("pistoia-prato-2024", v2);
        try (XSSFWorkbook plan = TemplateSheet.open(v2)) {
            Sheet indicators = plan.getSheet("Indicatori");
            Cell name = indicators.getRow(1).getCell(2);
            name.setCellValue(name.getStringCellValue() + " (rev.)");
            try (OutputStream out = Files.newOutputStream(v2)) {
                plan.write(out);
            }
        }
        // An office returns the first-half template it received before the change.
        Path file = Files.copy(holding(work.resolve("s1"), new IndicatorKey("01_02_OS01",
                "Ampiezza delle azioni di preparazione e accompagnamento", 1)), inbox.resolve("scheda-int.xlsx"));
        fill(file, Map.of(new IndicatorKey("01_02_OS01", "Ampiezza delle azioni di preparazione e accompagnamento",
                1), 12.0));
        CommandRun run = run("2024-S1");
        assertThat(run.output()).contains("Piano piano-2024-v2.xlsx: CARICATO").contains("File: 1 accettato, 0 scartati");
        assertThat(problems("AVVISO")).anySatisfy(m -> assertThat(m)
                .startsWith("la scheda è stata preparata su una versione precedente del piano 2024 («piano-2024.xlsx»"
                        + " sha256 ")
                .contains("sostituita da «piano-2024-v2.xlsx» caricato il ")
                .endsWith(": i codici degli indicatori della scheda sono ancora nel piano in vigore e i valori sono"
                        + " stati acquisiti"));
    }

    private static CommandRun run(String period) {
        return CommandRun.of("run", "--period", period, "--inbox", inbox.toString(), "--output",
                work.resolve("output").toString(), "--db", db());
    }

    private static String db() {
        return CommandRun.fileDb(work.resolve("db"));
    }

    /** The template that asks for the indicator. */
    private static Path holding(Path folder, IndicatorKey key) {
        for (Path file : TemplateSheet.list(folder)) {
            try (XSSFWorkbook workbook = TemplateSheet.open(file)) {
                if (TemplateSheet.rows(workbook.getSheet("Rilevazione")).containsValue(key)) {
                    return file;
                }
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("no template asks for " + key);
    }

    private static int rowOf(XSSFSheet sheet, IndicatorKey key) {
        return TemplateSheet.rows(sheet).entrySet().stream().filter(e -> e.getValue().equals(key)).findFirst()
                .orElseThrow().getKey();
    }

    private static XSSFDataValidation validation(XSSFSheet sheet, int row, int column) {
        return sheet.getDataValidations().stream().filter(v -> v.getRegions().getCellRangeAddress(0)
                .isInRange(row, column)).findFirst().orElseThrow();
    }

    private static String text(XSSFSheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        return r.getCell(column).getStringCellValue();
    }

    /** Types values as Excel stores them: numbers and dates as numeric cells, words as text. */
    private static void fill(Path file, Map<IndicatorKey, Object> values) throws IOException {
        try (XSSFWorkbook workbook = TemplateSheet.open(file)) {
            XSSFSheet sheet = workbook.getSheet("Rilevazione");
            int actual = TemplateSheet.columns(sheet).get("Consuntivo");
            for (Map.Entry<IndicatorKey, Object> value : values.entrySet()) {
                Cell cell = sheet.getRow(rowOf(sheet, value.getKey())).getCell(actual);
                if (value.getValue() instanceof Double number) {
                    cell.setCellValue(number);
                } else if (value.getValue() instanceof LocalDate date) {
                    cell.setCellValue(date); // the cell's own dd/mm/yyyy format makes it a date cell
                } else {
                    cell.setCellValue((String) value.getValue());
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                workbook.write(out);
            }
        }
    }

    private static List<String> problems(String severity) throws Exception {
        List<String> messages = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db(), "sa", "");
             var statement = c.prepareStatement("SELECT message FROM file_problem WHERE severity = ?")) {
            statement.setString(1, severity);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    messages.add(rs.getString(1));
                }
            }
        }
        return messages;
    }

    private static String indicatorStatus(String period, IndicatorKey key) throws Exception {
        try (Connection c = DriverManager.getConnection(db(), "sa", "");
             var statement = c.prepareStatement("SELECT i.status, i.achievement FROM indicator_score i JOIN score_run r"
                     + " ON r.id = i.run_id WHERE r.period = ? AND i.objective_code = ? AND i.indicator_code = ?")) {
            statement.setString(1, period);
            statement.setString(2, key.objectiveCode());
            statement.setString(3, key.code());
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1) + " " + rs.getBigDecimal(2).stripTrailingZeros().toPlainString();
            }
        }
    }
}
