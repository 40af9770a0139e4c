package it.pa.monitor.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a problem says where it is: in the run summary (describe) and in a workbook's place column (position). */
class ProblemTest {

    @Test
    void aPlanProblemIsPlacedByRowAndColumnAsTheRunSummaryHasAlwaysPrintedIt() {
        Problem problem = Problem.error("Indicatori", 12, "Target", "target non leggibile");

        assertThat(problem.describe()).isEqualTo("ERRORE - foglio Indicatori, riga 12, colonna Target: target non leggibile");
        assertThat(problem.position()).isEqualTo("riga 12, colonna Target");
        assertThat(Problem.warning("Storico", 3, null, "x").position()).isEqualTo("riga 3");
        assertThat(Problem.warning("Ambiti", null, "Peso", "x").describe()).isEqualTo("AVVISO - foglio Ambiti, colonna Peso: x");
    }

    @Test
    void aSheetProblemIsPlacedByItsCellAndKeepsTheValue() {
        Problem problem = Problem.cellWarning("Rilevazione", "D12", "0,58", "valore letto come 0,58 %");

        assertThat(problem.isError()).isFalse();
        assertThat(problem.position()).isEqualTo("D12");
        assertThat(problem.raw()).isEqualTo("0,58");
        assertThat(problem.describe()).isEqualTo("AVVISO - foglio Rilevazione, cella D12: valore letto come 0,58 %");
    }

    @Test
    void aWholeFileProblemHasNoPlace() {
        Problem problem = Problem.fileError("il file non è una cartella di lavoro").inFile("scheda.pdf");

        assertThat(problem.isError()).isTrue();
        assertThat(problem.file()).isEqualTo("scheda.pdf");
        assertThat(problem.position()).isNull();
        assertThat(problem.describe()).isEqualTo("ERRORE: il file non è una cartella di lavoro");
    }
}
