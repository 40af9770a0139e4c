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
import it.pa.monitor.plan.tree.IndicatorKey;
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
 * Resolving rows against a real plan with repeated codes: the Pistoia-Prato 2024 PIRA uses the
 * same indicator title under several objectives, and twice under one (seed 002).
 */
public class SheetValidatorTest {

    private static final Plan PLAN = TranscribedPlans.plan("pistoia-prato-2024");
    private static final Period PERIOD = Period.parse("2024-S1");
    private static final String REPEATED = "Grado di utilizzo delle risorse";

    @Test
    void aCodeUsedByManyObjectivesNeedsTheObjectiveCode() {
        ProcessedFile file = validate(row(2, null, REPEATED, "7%"));
        assertThat(file.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.cell()).isEqualTo("B2");
            assertThat(p.message()).startsWith("il codice «" + REPEATED + "» è usato da più obiettivi (")
                    .endsWith("): indicare il Codice obiettivo nella riga");
        });
        ProcessedFile resolved = validate(row(2, "01_01_OS01", REPEATED, "7%"));
        assertThat(resolved.outcome()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(resolved.values()).singleElement().satisfies(v ->
                assertThat(v.key()).isEqualTo(new IndicatorKey("01_01_OS01", REPEATED, 1)));
    }

    @Test
    void rowsOfACodeRepeatedUnderOneObjectiveMapToItsOccurrencesInOrder() {
        IndicatorKey second = PLAN.indicators().stream().filter(i -> i.key().occurrence() == 2).findFirst()
                .orElseThrow().key();
        ProcessedFile file = validate(row(2, second.objectiveCode(), second.code(), "1"),
                row(3, second.objectiveCode(), second.code(), "2"));
        assertThat(file.outcome()).as("%s", file.problems()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.values()).extracting(ProcessedFile.Value::key).containsExactly(
                new IndicatorKey(second.objectiveCode(), second.code(), 1), second);
    }

    @Test
    void aCompletionDateAfterTheReferenceDateIsAWarningOnItsCell() {
        // 2024-S1 ends on 30/06/2024; an office typed the planned December date (METHOD.md "Interim periods").
        String code = "Sistema di Misurazione e Valutazione della Performance";
        ProcessedFile file = validate(row(2, "03_01_OS01", code, "15/12/2024"));
        assertThat(file.outcome()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(file.problems()).singleElement().satisfies(p -> {
            assertThat(p.isError()).isFalse();
            assertThat(p.cell()).isEqualTo("C2");
            assertThat(p.message()).isEqualTo("data di realizzazione 15/12/2024 successiva alla data di riferimento"
                    + " 30/06/2024: l'indicatore è considerato non ancora realizzato");
        });
        assertThat(validate(row(2, "03_01_OS01", code, "15/01/2024")).problems()).isEmpty();
    }

    @Test
    void metaOfATemplateSaysUnitAndPeriod() {
        Plan massa = TranscribedPlans.plan("massa-carrara-2022");
        Period year = Period.parse("2022");
        MonitoringRow os = row(10, "OS_1.1", "Studi_ISR", "10");
        // The ENTE template: no unit, so no "not this unit's indicator" warning.
        ProcessedFile ente = validate(massa, year, Map.of("periodo", "2022"), Map.of("unita", "ENTE", "periodo", "2022"),
                os);
        assertThat(ente.outcome()).isEqualTo(FileOutcome.ACCEPTED);
        assertThat(ente.problems()).isEmpty();
        assertThat(ente.unitCode()).isNull();
        // A unit the plan no longer has.
        ProcessedFile gone = validate(massa, year, Map.of(), Map.of("unita", "S_OLD"), os);
        assertThat(gone.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(gone.problems()).extracting(Problem::message).contains("la scheda è stata"
                + " preparata per l'unità «S_OLD», che non è nel piano 2022 in vigore: usare il modello aggiornato");
        // The header block names another unit than the template was made for.
        ProcessedFile other = validate(massa, year, Map.of("unitaorganizzativa", "S_PRO"), Map.of("unita", "S_RF"),
                row(10, "OO_2.1.2", "Sollecit_DA", "2"));
        assertThat(other.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(other.problems()).extracting(Problem::message).contains("l'unità organizzativa"
                + " «S_PRO» non è quella per cui è stata preparata la scheda (S_RF): usare la scheda dell'unità");
        // The header block says 2022 but the template was made for 2022-T2.
        ProcessedFile period = validate(massa, year, Map.of("periodo", "2022"), Map.of("periodo", "2022-T2"), os);
        assertThat(period.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(period.reason()).isEqualTo("il file è per il periodo 2022-T2, l'elaborazione è per il periodo 2022");
    }

    @Test
    void aSheetForAnotherPeriodIsRejectedButStillCountsAsTheUnitsOwn() {
        // The unit's own results workbook lists its rejected files: the sender is kept even when the
        // file is refused before its rows are read.
        Plan massa = TranscribedPlans.plan("massa-carrara-2022");
        ProcessedFile late = validate(massa, Period.parse("2022-Q4"),
                Map.of("unitaorganizzativa", "S_RF", "periodo", "2022-Q3"), Map.of(),
                row(10, "OO_2.1.2", "Sollecit_DA", "2"));
        assertThat(late.outcome()).isEqualTo(FileOutcome.REJECTED);
        assertThat(late.reason()).isEqualTo("il file è per il periodo 2022-Q3, l'elaborazione è per il periodo 2022-Q4");
        assertThat(late.unitCode()).isEqualTo("S_RF");
        assertThat(late.values()).isEmpty();
    }

    private static ProcessedFile validate(Plan plan, Period period, Map<String, String> header,
                                          Map<String, String> meta, MonitoringRow... rows) {
        MonitoringSheet sheet = new MonitoringSheet("modello.xlsx", "Rilevazione", header, meta, 1, Map.of(),
                List.of(rows));
        InboxFile file = new InboxFile(Path.of("modello.xlsx").toString(), "modello.xlsx", "0".repeat(64),
                WorkbookKind.MONITORING_SHEET, 100, Instant.now());
        return new SheetValidator(List.of(plan), period).validate(file, sheet);
    }

    private static ProcessedFile validate(MonitoringRow... rows) {
        MonitoringSheet sheet = new MonitoringSheet("scheda.xlsx", "Rilevazione", Map.of(), Map.of(), 1, Map.of(),
                List.of(rows));
        InboxFile file = new InboxFile(Path.of("scheda.xlsx").toString(), "scheda.xlsx", "0".repeat(64),
                WorkbookKind.MONITORING_SHEET, 100, Instant.now());
        return new SheetValidator(List.of(PLAN), PERIOD).validate(file, sheet);
    }

    private static MonitoringRow row(int r, String objective, String code, String actual) {
        Map<MonitoringColumn, SheetCell> cells = new EnumMap<>(MonitoringColumn.class);
        cells.put(MonitoringColumn.OBJECTIVE_CODE, SheetCell.at(r, 0, objective == null ? CellValue.EMPTY
                : CellValue.text(objective)));
        cells.put(MonitoringColumn.INDICATOR_CODE, SheetCell.at(r, 1, CellValue.text(code)));
        cells.put(MonitoringColumn.ACTUAL, SheetCell.at(r, 2, CellValue.text(actual)));
        return new MonitoringRow(r, false, cells);
    }
}
