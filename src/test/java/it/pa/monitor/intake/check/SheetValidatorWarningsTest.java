package it.pa.monitor.intake.check;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.MonitoringColumn;
import it.pa.monitor.intake.sheet.MonitoringRow;
import it.pa.monitor.intake.sheet.MonitoringSheet;
import it.pa.monitor.intake.sheet.SheetCell;
import it.pa.monitor.intake.store.ProcessedFile;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The eight warnings of the monitoring-sheet validator (README, Intake): each is raised by the
 * row that should raise it, and not by the same row with a value the plan agrees with; the file
 * stays accepted. Plan: Pistoia-Prato 2024 (seed 002); "Desk" (01_01_OS04, n., target >= 1,
 * weight 20, unit PID), "CUG" (03_01_OS05, a deadline <= 28/02/2024), "Grado di utilizzo delle
 * risorse" (01_01_OS01, %).
 */
public class SheetValidatorWarningsTest {

    private static final Plan PLAN = TranscribedPlans.plan("pistoia-prato-2024");
    private static final Period PERIOD = Period.parse("2024-S1");

    @Test
    void aSheetWithoutAnyConsuntivoIsAcceptedWithAWarning() {
        assertWarning(List.of(row(2).code("01_01_OS04", "Desk")), null, "nessun Consuntivo compilato: il file non porta valori");
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("1")), null, "nessun Consuntivo compilato");
    }

    @Test
    void aHiddenRowIsReadWithAWarning() {
        assertWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("1").hidden()), null,
                "la riga è nascosta: il valore è stato comunque acquisito");
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("1")), null, "la riga è nascosta");
    }

    @Test
    void aValueForAnotherUnitsIndicatorIsAcceptedWithAWarning() {
        assertWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("1")), "INT",
                "l'indicatore «01_01_OS04/Desk» non è di competenza dell'unità INT: il valore è acquisito");
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("1")), "PID", "non è di competenza");
    }

    @Test
    void aPercentageAboveOneThousandIsAcceptedWithAWarning() {
        assertWarning(List.of(row(2).code("01_01_OS01", "Grado di utilizzo delle risorse").actual("1500 %")), null,
                "percentuale fuori scala (1500 %): verificare il valore");
        assertNoWarning(List.of(row(2).code("01_01_OS01", "Grado di utilizzo delle risorse").actual("999 %")), null,
                "percentuale fuori scala");
    }

    @Test
    void aDateFarFromTheYearIsAcceptedWithAWarning() {
        assertWarning(List.of(row(2).code("03_01_OS05", "CUG").actual("15/02/2021")), null,
                "data lontana dall'anno 2024 (15/02/2021): verificare il valore");
        assertNoWarning(List.of(row(2).code("03_01_OS05", "CUG").actual("15/02/2023")), null, "data lontana");
    }

    @Test
    void aUnitOfMeasureOtherThanThePlansIsAcceptedWithAWarning() {
        ProcessedFile file = assertWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("5 gg")), null,
                "unità di misura «gg» diversa da quella del piano");
        assertThat(file.values()).singleElement().satisfies(v -> assertThat(v.value().number()).isEqualByComparingTo("5"));
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").actual("5 N.")), null, "unità di misura");
    }

    @Test
    void aTargetOtherThanThePlansIsAWarningAndThePlanWins() {
        assertWarning(List.of(row(2).code("01_01_OS04", "Desk").target(">= 2").actual("1")), null,
                "target diverso dal piano («>= 1»): vale quello del piano");
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").target(">= 1,00").actual("1")), null,
                "target diverso");
    }

    @Test
    void aWeightOtherThanThePlansIsAWarningAndThePlanWins() {
        assertWarning(List.of(row(2).code("01_01_OS04", "Desk").weight("30").actual("1")), null,
                "peso diverso dal piano (20): vale quello del piano");
        assertNoWarning(List.of(row(2).code("01_01_OS04", "Desk").weight("20,00%").actual("1")), null,
                "peso diverso");
    }

    private static ProcessedFile assertWarning(List<RowBuilder> rows, String unit, String message) {
        ProcessedFile file = validate(rows, unit);
        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.problems()).as("warnings").singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.message()).startsWith(message);
        });
        return file;
    }

    private static void assertNoWarning(List<RowBuilder> rows, String unit, String message) {
        ProcessedFile file = validate(rows, unit);
        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.problems()).extracting(Problem::message).noneMatch(m -> m.contains(message));
    }

    private static ProcessedFile validate(List<RowBuilder> rows, String unit) {
        Map<String, String> header = unit == null ? Map.of() : Map.of("unitaorganizzativa", unit);
        MonitoringSheet sheet = new MonitoringSheet("scheda.xlsx", "Rilevazione", header, Map.of(), 1, Map.of(),
                rows.stream().map(RowBuilder::build).toList());
        InboxFile file = new InboxFile(Path.of("scheda.xlsx").toString(), "scheda.xlsx", "0".repeat(64),
                WorkbookKind.MONITORING_SHEET, 100, Instant.now());
        return new SheetValidator(List.of(PLAN), PERIOD).validate(file, sheet);
    }

    private static RowBuilder row(int r) {
        return new RowBuilder(r);
    }

    /** A data row: objective code A, indicator code B, target C, weight D, Consuntivo E. */
    private static final class RowBuilder {
        private final int r;
        private final Map<MonitoringColumn, SheetCell> cells = new EnumMap<>(MonitoringColumn.class);
        private boolean hidden;

        RowBuilder(int r) {
            this.r = r;
            cell(MonitoringColumn.ACTUAL, 4, "");
        }

        RowBuilder code(String objective, String code) {
            return cell(MonitoringColumn.OBJECTIVE_CODE, 0, objective).cell(MonitoringColumn.INDICATOR_CODE, 1, code);
        }

        RowBuilder target(String target) {
            return cell(MonitoringColumn.TARGET, 2, target);
        }

        RowBuilder weight(String weight) {
            return cell(MonitoringColumn.WEIGHT, 3, weight);
        }

        RowBuilder actual(String actual) {
            return cell(MonitoringColumn.ACTUAL, 4, actual);
        }

        RowBuilder hidden() {
            hidden = true;
            return this;
        }

        private RowBuilder cell(MonitoringColumn column, int index, String text) {
            cells.put(column, SheetCell.at(r, index, CellValue.text(text)));
            return this;
        }

        MonitoringRow build() {
            return new MonitoringRow(r, hidden, cells);
        }
    }
}
