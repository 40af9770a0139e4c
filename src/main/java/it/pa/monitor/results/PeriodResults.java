package it.pa.monitor.results;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The stored results of one period: indicators with their projections, and the aggregates. A
 * class rather than a record because it indexes its results once, so the report finds each by
 * key or by level and code in constant time instead of scanning the period per row.
 */
public final class PeriodResults {

    private final Period period;
    private final List<IndicatorResult> indicators;
    private final List<ItemResult> items;
    private final Map<IndicatorKey, Forecast.Projection> projections;
    private final Map<IndicatorKey, IndicatorResult> byKey = new HashMap<>();
    private final Map<Level, Map<String, ItemResult>> byLevelAndCode = new EnumMap<>(Level.class);
    private final Map<Level, List<ItemResult>> byLevel = new EnumMap<>(Level.class);

    public PeriodResults(Period period, List<IndicatorResult> indicators, List<ItemResult> items,
                         Map<IndicatorKey, Forecast.Projection> projections) {
        this.period = period;
        this.indicators = List.copyOf(indicators);
        this.items = List.copyOf(items);
        this.projections = Map.copyOf(projections);
        this.indicators.forEach(r -> byKey.putIfAbsent(r.key(), r));
        for (ItemResult item : this.items) {
            byLevelAndCode.computeIfAbsent(item.level(), l -> new HashMap<>()).putIfAbsent(item.code(), item);
            byLevel.computeIfAbsent(item.level(), l -> new ArrayList<>()).add(item);
        }
        byLevel.replaceAll((level, list) -> List.copyOf(list));
    }

    public Period period() {
        return period;
    }

    public List<IndicatorResult> indicators() {
        return indicators;
    }

    public List<ItemResult> items() {
        return items;
    }

    public Map<IndicatorKey, Forecast.Projection> projections() {
        return projections;
    }

    /** The result of the indicator with this key. */
    public Optional<IndicatorResult> indicator(IndicatorKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /** The aggregate of this level and code (the first, should the period hold two). */
    public Optional<ItemResult> item(Level level, String code) {
        return Optional.ofNullable(byLevelAndCode.getOrDefault(level, Map.of()).get(code));
    }

    /** The aggregates of a level, in stored order. */
    public List<ItemResult> items(Level level) {
        return byLevel.getOrDefault(level, List.of());
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof PeriodResults r && Objects.equals(period, r.period)
                && indicators.equals(r.indicators) && items.equals(r.items) && projections.equals(r.projections);
    }

    @Override
    public int hashCode() {
        return Objects.hash(period, indicators, items, projections);
    }

    @Override
    public String toString() {
        return "PeriodResults[" + period + ", " + indicators.size() + " indicators, " + items.size() + " items]";
    }
}
