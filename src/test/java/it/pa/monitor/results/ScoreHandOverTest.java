package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Scores computed on a second thread are stored on the calling one, all of them, in the order they were computed. */
class ScoreHandOverTest {

    private static IndicatorResult result(int i) {
        return new IndicatorResult(new IndicatorKey("OO" + (i / 60), "I" + i, 1), BigDecimal.ONE, IndicatorStatus.SCORED,
                BigDecimal.valueOf(i), null, "regola " + i, null, null);
    }

    private static Forecast.Projection projection(int i) {
        return i % 3 == 0 ? null : new Forecast.Projection(BigDecimal.valueOf(i), BigDecimal.ONE, i % 2 == 0, "p" + i);
    }

    @Test
    void everyResultIsStoredOnTheCallingThreadInComputingOrderAndTheComputedValueReturned() {
        // Two and a half blocks: the last, partial one is handed over too.
        int count = ScoreHandOver.BLOCK * 5 / 2;
        List<String> stored = new ArrayList<>();
        Set<Thread> storingThreads = new HashSet<>();
        Set<Thread> computingThreads = new HashSet<>();

        String computed = ScoreHandOver.computeWhileStoring(listener -> {
            computingThreads.add(Thread.currentThread());
            for (int i = 0; i < count; i++) {
                listener.scored(result(i), projection(i));
            }
            return "aggregati";
        }, (result, projection) -> {
            storingThreads.add(Thread.currentThread());
            stored.add(result.key().code() + "/" + (projection == null ? "-" : projection.rule()));
        });

        assertThat(computed).isEqualTo("aggregati");
        assertThat(storingThreads).containsExactly(Thread.currentThread());
        assertThat(computingThreads).hasSize(1).doesNotContain(Thread.currentThread());
        assertThat(stored).hasSize(count);
        for (int i = 0; i < count; i++) {
            assertThat(stored.get(i)).isEqualTo("I" + i + "/" + (i % 3 == 0 ? "-" : "p" + i));
        }
    }

    @Test
    void aFailureWhileComputingIsThrownToTheCallerAfterTheBlocksHandedOverBeforeIt() {
        IllegalStateException failure = new IllegalStateException("piano incoerente");
        List<String> stored = new ArrayList<>();

        assertThatThrownBy(() -> ScoreHandOver.computeWhileStoring(listener -> {
            for (int i = 0; i < ScoreHandOver.BLOCK + 10; i++) {
                listener.scored(result(i), null);
            }
            throw failure;
        }, (result, projection) -> stored.add(result.key().code()))).isSameAs(failure);
        // The first full block was handed over before the failure; nothing after it, nothing out of order.
        assertThat(stored).hasSize(ScoreHandOver.BLOCK);
        for (int i = 0; i < stored.size(); i++) {
            assertThat(stored.get(i)).isEqualTo("I" + i);
        }
    }

    @Test
    void aFailureWhileStoringIsThrownAsIs() {
        RuntimeException failure = new RuntimeException("database non disponibile");

        assertThatThrownBy(() -> ScoreHandOver.computeWhileStoring(listener -> {
            for (int i = 0; i < ScoreHandOver.BLOCK * 2; i++) {
                listener.scored(result(i), null);
            }
            return "aggregati";
        }, (result, projection) -> {
            throw failure;
        })).isSameAs(failure);
    }
}
