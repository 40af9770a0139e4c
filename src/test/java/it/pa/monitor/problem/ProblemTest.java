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

    /**
     * A cell may hold 32 767 characters: the value kept is its first 200 and "…", a value quoted in the message
     * («...» or "...") its first 100 and "…", the rest of the message as it is; shortening twice changes nothing.
     */
    @Test
    void aLongValueIsKeptShortenedInTheProblemAndInItsMessage() {
        String page = "abcdefghij".repeat(3_000); // 30 000 characters
        Problem problem = Problem.cellError("Rilevazione", "H21", page, "cella H21 «" + page + "»: Valore non"
                + " riconosciuto: \"" + page + "\". Scrivere un numero (es. 1.635,50)");

        String value100 = page.substring(0, 100) + "…";
        assertThat(problem.raw()).hasSize(201).isEqualTo(page.substring(0, 200) + "…");
        assertThat(problem.message()).isEqualTo("cella H21 «" + value100 + "»: Valore non riconosciuto: \""
                + value100 + "\". Scrivere un numero (es. 1.635,50)");
        assertThat(problem.inFile("scheda.xlsx")).isEqualTo(new Problem(Severity.ERRORE, "scheda.xlsx", "Rilevazione",
                "H21", null, null, problem.raw(), problem.message()));

        // Short values, and a value of 101 characters (its "…" would make it no shorter), stay as they are.
        String short101 = page.substring(0, 101);
        Problem kept = Problem.cellWarning("Rilevazione", "D12", short101, "valore «" + short101 + "» letto");
        assertThat(kept.raw()).isEqualTo(short101);
        assertThat(kept.message()).isEqualTo("valore «" + short101 + "» letto");
    }

    /** A message quoting nothing is cut at 2 000 characters; a character outside the BMP is never split. */
    @Test
    void aMessageIsCutAtItsLimitAndNeverHalfACharacter() {
        String text = "a".repeat(1_999) + "😀" + "b".repeat(500); // the emoji's two halves at 1 999 and 2 000
        Problem problem = Problem.fileError(text);
        assertThat(problem.message()).isEqualTo("a".repeat(1_999) + "…");
        Problem raw = Problem.cellError("S", "A1", "a".repeat(199) + "😀" + "c", "m");
        assertThat(raw.raw()).isEqualTo("a".repeat(199) + "…");
    }
}
