package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.TargetParser;
import it.pa.monitor.workbook.XlsxSheets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Indicatori rows assembled while they are read ({@link PlanAssembler#indicatorsAhead}, what the plan step does)
 * give the plan and the problems, in the same order, that assembling the kept rows afterwards gives.
 */
class IndicatorsAssembledAheadTest {

    private final TargetParser targetParser = new TargetParser();
    private final PlanWorkbookReader reader = new PlanWorkbookReader();

    @TempDir
    Path folder;

    /** A plan's assembly, with the problems reported while reading and assembling it. */
    private record Assembled(PlanWorkbook workbook, Optional<Plan> plan, List<Problem> problems) {
    }

    private Assembled ahead(Path file) {
        List<Problem> problems = new ArrayList<>();
        PlanWorkbook workbook = reader.read(file, problems::add,
                sheetsBefore -> PlanAssembler.indicatorsAhead(targetParser, sheetsBefore));
        return new Assembled(workbook, new PlanAssembler(targetParser, problems::add).assemble(workbook), problems);
    }

    private Assembled kept(Path file) {
        List<Problem> problems = new ArrayList<>();
        PlanWorkbook workbook = reader.read(file, problems::add);
        return new Assembled(workbook, new PlanAssembler(targetParser, problems::add).assemble(workbook), problems);
    }

    @Test
    void aPlanWithProblemsInIndicatoriAndOtherSheetsGetsTheSamePlanAndProblemsInTheSameOrder() {
        Path file = PlanFixture.load("tno-2022")
                .set("Struttura", 0, "Tipo", "Dipartimento")
                .set("Indicatori", 0, "Target", "Miglioramento rispetto al 2021")
                .set("Indicatori", 1, "Responsabile", "UFF_X")
                .set("Indicatori", 2, "Unita di misura", "pezzi")
                .set("Indicatori", 3, "Peso", "molto")
                .set("Indicatori", 4, "Codice", "")
                .set("Ambiti", 0, "Peso", "tanto")
                .writeTo(folder, "piano.xlsx");

        Assembled ahead = ahead(file);
        Assembled kept = kept(file);

        assertThat(ahead.workbook().indicatorsAhead()).as("assembled while read").isPresent();
        assertThat(ahead.workbook().table(PlanSheet.INDICATORI).orElseThrow().rows()).as("rows not kept").isEmpty();
        assertThat(kept.workbook().indicatorsAhead()).isEmpty();
        // Rows 2 to 6 of the sheet (row 1 is the header): one problem each, as the assembler words them.
        assertThat(kept.problems()).filteredOn(p -> p.sheet().equals("Indicatori"))
                .extracting(Problem::row, Problem::column)
                .contains(org.assertj.core.groups.Tuple.tuple(2, "Target"),
                        org.assertj.core.groups.Tuple.tuple(3, "Responsabile"),
                        org.assertj.core.groups.Tuple.tuple(4, "Unita di misura"),
                        org.assertj.core.groups.Tuple.tuple(5, "Peso"),
                        org.assertj.core.groups.Tuple.tuple(6, "Codice"));
        assertThat(kept.problems()).anyMatch(p -> p.sheet().equals("Struttura") && "Tipo".equals(p.column()));
        assertThat(kept.problems()).anyMatch(p -> p.sheet().equals("Ambiti") && "Peso".equals(p.column()));
        assertThat(ahead.problems()).containsExactlyElementsOf(kept.problems());
        assertThat(ahead.plan()).isPresent().isEqualTo(kept.plan());
        assertThat(ahead.plan().orElseThrow().indicators()).hasSize(kept.plan().orElseThrow().indicators().size())
                .isNotEmpty();
    }

    @Test
    void aPlanTheStreamingReaderReadsIsAssembledWhileReadAsWellWithTheSamePlanAndProblems() throws IOException {
        Path file = withIsoDateCell(PlanFixture.load("tno-2022")
                .set("Indicatori", 0, "Target", "Miglioramento rispetto al 2021")
                .set("Indicatori", 3, "Peso", "molto")
                .writeTo(folder, "piano.xlsx"));

        Assembled ahead = ahead(file);
        Assembled kept = kept(file);

        assertThat(ahead.workbook().indicatorsAhead()).as("assembled while read").isPresent();
        assertThat(ahead.workbook().table(PlanSheet.INDICATORI).orElseThrow().rows()).as("rows not kept").isEmpty();
        assertThat(kept.workbook().table(PlanSheet.INDICATORI).orElseThrow().rows()).isNotEmpty();
        assertThat(kept.problems()).filteredOn(p -> p.sheet().equals("Indicatori"))
                .extracting(Problem::row, Problem::column)
                .contains(org.assertj.core.groups.Tuple.tuple(2, "Target"),
                        org.assertj.core.groups.Tuple.tuple(5, "Peso"));
        assertThat(ahead.problems()).containsExactlyElementsOf(kept.problems());
        assertThat(ahead.plan()).isPresent().isEqualTo(kept.plan());
    }

    @Test
    void aPlanWithoutItsYearKeepsItsRowsAndGetsTheSameProblems() {
        Path file = PlanFixture.load("tno-2022").set("Ente", 1, "Valore", "")
                .set("Indicatori", 0, "Target", "Miglioramento rispetto al 2021").writeTo(folder, "piano.xlsx");

        Assembled ahead = ahead(file);
        Assembled kept = kept(file);

        assertThat(ahead.workbook().indicatorsAhead()).isEmpty();
        assertThat(ahead.workbook().table(PlanSheet.INDICATORI).orElseThrow().rows()).isNotEmpty();
        assertThat(ahead.plan()).isEmpty();
        assertThat(kept.problems()).anyMatch(p -> p.sheet().equals("Ente"));
        assertThat(ahead.problems()).containsExactlyElementsOf(kept.problems());
    }

    @Test
    void aSheetOverTheRowLimitIsRejectedAsBeforeAndNothingAssembledAheadIsKept() {
        Path file = PlanFixture.load("tno-2022").writeTo(folder, "piano.xlsx");
        PlanWorkbookReader small = new PlanWorkbookReader(3);
        List<Problem> aheadProblems = new ArrayList<>();
        PlanWorkbook ahead = small.read(file, aheadProblems::add,
                sheetsBefore -> PlanAssembler.indicatorsAhead(targetParser, sheetsBefore));
        List<Problem> keptProblems = new ArrayList<>();
        PlanWorkbook kept = small.read(file, keptProblems::add);

        assertThat(ahead.table(PlanSheet.INDICATORI)).isEmpty();
        assertThat(ahead.indicatorsAhead()).isEmpty();
        assertThat(keptProblems).anyMatch(p -> p.sheet().equals("Indicatori") && p.message().contains("più di 3 righe"));
        assertThat(aheadProblems).containsExactlyElementsOf(keptProblems);
        assertThat(ahead.tables().keySet()).isEqualTo(kept.tables().keySet());
    }

    @ParameterizedTest(name = "read by the {0} reader")
    @ValueSource(strings = {"fast", "streaming"})
    void aFailureOfTheAssemblyAheadIsThrownAsItIsOnce(String reading) throws IOException {
        Path written = PlanFixture.load("tno-2022").writeTo(folder, "piano.xlsx");
        // The streaming reader's file: an ISO-date cell in the first sheet stops the fast one before Indicatori.
        Path file = reading.equals("fast") ? written : withIsoDateCell(written);
        IllegalStateException failure = new IllegalStateException("assemblaggio fallito");
        int[] calls = {0};

        // Not read again by the streaming reader after the fast one failed (it would read it again, to no end).
        assertThatThrownBy(() -> reader.read(file, problem -> { }, sheetsBefore -> {
            calls[0]++;
            throw failure;
        })).isSameAs(failure);
        assertThat(calls[0]).isEqualTo(1);
    }

    /**
     * {@code file} with an ISO-date cell in row 2 of its first sheet (Ente): the fast reader leaves it to the streaming
     * reader before it reaches Indicatori.
     */
    private Path withIsoDateCell(Path file) throws IOException {
        Path copy = PlanStoreFixtures.withIsoDateCell(file, 2, folder.resolve("iso-" + file.getFileName()));
        assertThat(XlsxSheets.readOrEmpty(copy, sheets -> sheets.rows(sheets.sheetNames().get(0)).hasNext()))
                .as("left to the streaming reader").isEmpty();
        return copy;
    }
}
