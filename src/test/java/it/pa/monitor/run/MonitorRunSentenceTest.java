package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

/** A failed run is told by its innermost message, first line only, never by Java's class names. */
class MonitorRunSentenceTest {

    @Test
    void theInnermostMessageItsFirstLineAndWhereTheRestIs() {
        Throwable failure = new IllegalStateException("Step failed", new UncheckedIOException(
                "impossibile scrivere il rapporto degli errori /x/scarti/a-errori.xlsx",
                new IOException("/x/scarti: spazio esaurito\nriga di dettaglio")));
        assertThat(MonitorRun.sentence(failure)).isEqualTo("/x/scarti: spazio esaurito (dettagli nel log)");
        // A bug with no message of its own: what Java wrote around it (a programming error; the log has the rest).
        assertThat(MonitorRun.sentence(new IllegalStateException(new NullPointerException())))
                .isEqualTo("java.lang.NullPointerException (dettagli nel log)");
    }
}
