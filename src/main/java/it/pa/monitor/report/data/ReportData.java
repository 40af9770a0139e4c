package it.pa.monitor.report.data;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.results.DataQuality;
import it.pa.monitor.results.EarlierYears;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the consolidated workbook shows for one ente and period: the plan, its methodology,
 * the period's results, the earlier periods of the year, the values in force and the data
 * quality. The provenance of every value ({@code sources}) is given in the Fonti sheet's order.
 *
 * @param history      the periods of the year up to this one, oldest first, this one included
 * @param valueHistory the values reported per indicator at each period of the year (Andamento), oldest first
 * @param earlierYears the results of the years before the plan's (Confronto anni)
 */
public record ReportData(Plan plan, Methodology methodology, Period period, PeriodResults current,
                         List<PeriodResults> history, Map<IndicatorKey, ReportedValue> values, DataQuality quality,
                         Sources sources, Map<IndicatorKey, List<ReportedValues.Reported>> valueHistory,
                         EarlierYears earlierYears) {

    /** Streams the provenance rows of the values in force (one per indicator with a value). */
    @FunctionalInterface
    public interface Sources {
        void forEach(Consumer<ReportedValue> row);
    }

    public ReportData {
        history = List.copyOf(history);
        values = lookupCopy(values);
        valueHistory = Map.copyOf(valueHistory);
        earlierYears = earlierYears == null ? EarlierYears.NONE : earlierYears;
    }

    /**
     * An unmodifiable copy looked up by hashing: {@link Map#copyOf} probes linearly from the bare hash, and the
     * hashes of a plan's keys (consecutive codes) fall in runs, so that a workbook's lookups of the values in
     * force cost many comparisons each with some of the JVM's seeds. Nulls are refused, as by {@link Map#copyOf}.
     */
    private static <K, V> Map<K, V> lookupCopy(Map<K, V> map) {
        Map<K, V> copy = new HashMap<>(Math.max(16, (int) (map.size() / 0.75f) + 1));
        map.forEach((key, value) -> copy.put(Objects.requireNonNull(key), Objects.requireNonNull(value)));
        return Collections.unmodifiableMap(copy);
    }

    /** Report data without earlier years. */
    public ReportData(Plan plan, Methodology methodology, Period period, PeriodResults current,
                      List<PeriodResults> history, Map<IndicatorKey, ReportedValue> values, DataQuality quality,
                      Sources sources, Map<IndicatorKey, List<ReportedValues.Reported>> valueHistory) {
        this(plan, methodology, period, current, history, values, quality, sources, valueHistory,
                EarlierYears.NONE);
    }

    /** The same data with the earlier years known. */
    public ReportData withEarlierYears(EarlierYears years) {
        return new ReportData(plan, methodology, period, current, history, values, quality, sources, valueHistory,
                years);
    }

    /** Report data without the values of the earlier periods (they only feed the Andamento sheet). */
    public ReportData(Plan plan, Methodology methodology, Period period, PeriodResults current,
                      List<PeriodResults> history, Map<IndicatorKey, ReportedValue> values, DataQuality quality,
                      Sources sources) {
        this(plan, methodology, period, current, history, values, quality, sources, Map.of());
    }

    /** The period's aggregate of this level and code (constant time: the period indexes its results). */
    public Optional<ItemResult> item(Level level, String code) {
        return current.item(level, code);
    }

    public List<ItemResult> items(Level level) {
        return current.items(level);
    }

    /** The period's result of an indicator (constant time). */
    public Optional<IndicatorResult> indicator(IndicatorKey key) {
        return current.indicator(key);
    }

    /**
     * The value of an indicator as typed at a period of the year: the one in force for the report's
     * period, the latest one received for an earlier period; empty when none was reported.
     */
    public Optional<String> rawValue(Period at, IndicatorKey key) {
        if (at.equals(period)) {
            return Optional.ofNullable(values.get(key)).map(ReportedValue::raw);
        }
        return valueHistory.getOrDefault(key, List.of()).stream().filter(r -> r.period().equals(at))
                .reduce((first, second) -> second).map(r -> r.value().raw());
    }

    /** The ente's own result. */
    public Optional<ItemResult> ente() {
        return item(Level.ENTE, plan.ente());
    }

    /** A result in percentage points (91.58) as the fraction a percent-formatted cell holds (0.9158). */
    public static Double fraction(BigDecimal percent) {
        if (percent == null) {
            return null;
        }
        // Within DECIMAL64's sixteen digits the division by 100 is exact: the same number, moved two places
        // without a division (and the same double, the nearest to that number).
        return (percent.precision() <= 16 ? percent.movePointLeft(2)
                : percent.divide(BigDecimal.valueOf(100), MathContext.DECIMAL64)).doubleValue();
    }
}
