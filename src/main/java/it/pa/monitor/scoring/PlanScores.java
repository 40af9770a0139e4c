package it.pa.monitor.scoring;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import java.util.List;
import java.util.Optional;

/** Every result of a plan for one period: indicators, then aggregates from objectives up to the ente. */
public record PlanScores(ScoringContext context, List<IndicatorResult> indicators, List<ItemResult> items) {

    public PlanScores {
        indicators = List.copyOf(indicators);
        items = List.copyOf(items);
    }

    public Optional<IndicatorResult> indicator(IndicatorKey key) {
        return indicators.stream().filter(r -> r.key().equals(key)).findFirst();
    }

    public Optional<ItemResult> item(Level level, String code) {
        return items.stream().filter(r -> r.level() == level && r.code().equals(code)).findFirst();
    }

    public List<ItemResult> items(Level level) {
        return items.stream().filter(r -> r.level() == level).toList();
    }
}
