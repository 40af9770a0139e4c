package it.pa.monitor.intake.check;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.MonitoringColumn;
import it.pa.monitor.intake.sheet.MonitoringRow;
import it.pa.monitor.intake.sheet.MonitoringSheet;
import it.pa.monitor.intake.sheet.SheetCell;
import it.pa.monitor.intake.store.ProcessedFile;
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
 * One validator checks every sheet of a run, and texts the sheets repeat (a typed target, the period) are
 * worked out once: each sheet still gets exactly the problems its own cells call for. Plan: Pistoia-Prato
 * 2024 (seed 002), "Desk" (01_01_OS04) with target "&gt;= 1".
 */
class SheetValidatorRepeatedTextsTest {

    private static final Plan PLAN = TranscribedPlans.plan("pistoia-prato-2024");
    private static final String TARGET_WARNING = "target diverso dal piano («>= 1»): vale quello del piano";

    private final SheetValidator validator = new SheetValidator(List.of(PLAN), Period.parse("2024-S1"));

    @Test
    void theSameTargetTextIsReadWithTheOperatorOfItsOwnSheet() {
        // "1" under the operator ">=" is the plan's target; under "<=", or with no operator ("= 1"), it is not.
        assertThat(warnings(sheet("2024-S1", "1", ">="))).isEmpty();
        assertThat(warnings(sheet("2024-S1", "1", "<="))).containsExactly(TARGET_WARNING);
        assertThat(warnings(sheet("2024-S1", "1", null))).containsExactly(TARGET_WARNING);
        assertThat(warnings(sheet("2024-S1", "1", ">="))).isEmpty();
        assertThat(warnings(sheet("2024-S1", ">= 2", null))).containsExactly(TARGET_WARNING);
        assertThat(warnings(sheet("2024-S1", ">= 2", null))).containsExactly(TARGET_WARNING);
    }

    @Test
    void aSheetOfAnotherPeriodIsRejectedBetweenSheetsOfTheRightOne() {
        assertThat(validate(sheet("2024-S1", "1", ">=")).outcome()).isEqualTo(FileOutcome.ACCEPTED);

        ProcessedFile other = validate(sheet("2024-S2", "1", ">="));
        assertThat(other.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(other.problems()).extracting(Problem::message)
                .containsExactly("il file è per il periodo 2024-S2, l'elaborazione è per il periodo 2024-S1");

        assertThat(validate(sheet("2024-S1", "1", ">=")).outcome()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(validate(sheet("2024-S2", "1", ">=")).problems()).extracting(Problem::message)
                .containsExactly("il file è per il periodo 2024-S2, l'elaborazione è per il periodo 2024-S1");
    }

    private List<String> warnings(MonitoringSheet sheet) {
        ProcessedFile file = validate(sheet);
        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        return file.problems().stream().map(Problem::message).toList();
    }

    private ProcessedFile validate(MonitoringSheet sheet) {
        InboxFile file = new InboxFile(Path.of("scheda.xlsx").toString(), "scheda.xlsx", "0".repeat(64),
                WorkbookKind.MONITORING_SHEET, 100, Instant.now());
        return validator.validate(file, sheet);
    }

    /** One row for "Desk", Consuntivo 1, the target (and operator) as typed. */
    private static MonitoringSheet sheet(String period, String target, String operator) {
        Map<MonitoringColumn, SheetCell> cells = new EnumMap<>(MonitoringColumn.class);
        cells.put(MonitoringColumn.OBJECTIVE_CODE, SheetCell.at(2, 0, CellValue.text("01_01_OS04")));
        cells.put(MonitoringColumn.INDICATOR_CODE, SheetCell.at(2, 1, CellValue.text("Desk")));
        cells.put(MonitoringColumn.TARGET, SheetCell.at(2, 2, CellValue.text(target)));
        if (operator != null) {
            cells.put(MonitoringColumn.OPERATOR, SheetCell.at(2, 3, CellValue.text(operator)));
        }
        cells.put(MonitoringColumn.ACTUAL, SheetCell.at(2, 4, CellValue.text("1")));
        return new MonitoringSheet("scheda.xlsx", "Rilevazione", Map.of("periodo", period), Map.of(), 1, Map.of(),
                List.of(new MonitoringRow(2, false, cells)));
    }
}
