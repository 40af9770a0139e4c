package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.inbox.FileLedger;
import org.junit.jupiter.api.Test;

/**
 * A plan's problems are kept by the ledger with their row and column as text (riga 12, colonna
 * Target); read back for the summary they print as they did when the plan was loaded.
 */
class RunOutcomesTest {

    @Test
    void rowAndColumnComeBackFromTheLedgersText() {
        assertThat(RunOutcomes.planProblem(new FileLedger.RecordedProblem(true, "Indicatori", null,
                "riga 12, colonna Target", "target non riconosciuto")).describe())
                .isEqualTo("ERRORE - foglio Indicatori, riga 12, colonna Target: target non riconosciuto");
        assertThat(RunOutcomes.planProblem(new FileLedger.RecordedProblem(false, "Obiettivi operativi", null,
                "riga 7", "peso mancante")).describe())
                .isEqualTo("AVVISO - foglio Obiettivi operativi, riga 7: peso mancante");
        assertThat(RunOutcomes.planProblem(new FileLedger.RecordedProblem(true, "Indicatori", null,
                "colonna Peso, in %", "colonna mancante")).describe())
                .isEqualTo("ERRORE - foglio Indicatori, colonna Peso, in %: colonna mancante");
        assertThat(RunOutcomes.planProblem(new FileLedger.RecordedProblem(true, null, null, null,
                "il file non è un piano")).describe()).isEqualTo("ERRORE: il file non è un piano");
    }
}
