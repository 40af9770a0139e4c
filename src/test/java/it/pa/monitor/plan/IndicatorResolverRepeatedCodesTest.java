package it.pa.monitor.plan;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.IndicatorResolver.Status;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.Target;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A plan whose indicator codes repeat under every objective (IND_01 … IND_30 under OO_01.01.01 … OO_01.01.09,
 * as generated plans and many real ones have them): (OO_01.01.01, IND_11) and (OO_01.01.02, IND_01) had one hash
 * as a record, and so had dozens of other pairs here. Each (objective, code) still finds its own indicator.
 */
class IndicatorResolverRepeatedCodesTest {

    @Test
    void everyObjectiveAndCodeFindsItsOwnIndicator() {
        List<Indicator> indicators = new ArrayList<>();
        for (int o = 1; o <= 9; o++) {
            for (int c = 1; c <= 30; c++) {
                indicators.add(indicator("OO_01.01.0" + o, String.format("IND_%02d", c)));
            }
        }
        IndicatorResolver resolver = new IndicatorResolver(indicators);
        for (Indicator expected : indicators) {
            IndicatorResolver.Resolution found = resolver.resolve(expected.key().objectiveCode(), expected.key().code(), 1);
            assertThat(found.status()).isEqualTo(Status.FOUND);
            assertThat(found.indicator()).isSameAs(expected);
        }
        assertThat(resolver.resolve("OO_01.01.02", "IND_01", 1).indicator().name())
                .isEqualTo("OO_01.01.02 IND_01");
        assertThat(resolver.resolve("OO_01.01.01", "IND_11", 1).indicator().name())
                .isEqualTo("OO_01.01.01 IND_11");
        assertThat(resolver.resolve("OO_01.01.01", "IND_31", 1).status()).isEqualTo(Status.UNKNOWN_CODE);
        assertThat(resolver.resolve("OO_01.01.10", "IND_01", 1).status()).isEqualTo(Status.NOT_UNDER_OBJECTIVE);
        // Without the objective, a code nine objectives use is ambiguous, naming them in plan order.
        assertThat(resolver.resolve(null, "IND_01", 1).objectives()).hasSize(9).startsWith("OO_01.01.01", "OO_01.01.02");
    }

    private static Indicator indicator(String objective, String code) {
        return new Indicator(new IndicatorKey(objective, code, 1), objective + " " + code, null, null, null, null,
                Target.notAvailable("monitoraggio"), null, null, BigDecimal.ONE, false, null, null, 1);
    }
}
