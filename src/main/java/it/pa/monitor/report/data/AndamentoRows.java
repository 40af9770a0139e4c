package it.pa.monitor.report.data;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.ItalianFormat;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The content of the Andamento sheet without POI: objective rows with their result at each period
 * of the year, indicator rows with the value and achievement at each period, the pro-rated target
 * and the year-end forecast, and the strategic objectives' series that the charts draw. Rows are
 * handed out one at a time ({@link #forEach}) so a sheet of 60,000 indicators is never held whole.
 */
public final class AndamentoRows {

    /** A row of the main table. */
    public sealed interface Line permits Objective, IndicatorLine {
    }

    /** A bold objective row; {@code results} per period (all null for a scorecard's own objectives). */
    public record Objective(String code, String description, List<BigDecimal> results) implements Line {
    }

    /** What an indicator shows at one period: the value as typed (or why there is none), its achievement. */
    public record PeriodValue(String value, BigDecimal achievement) {
    }

    /** An indicator row: the forecast columns are those of {@link AndamentoRows#forecastPeriod}. */
    public record IndicatorLine(String objectiveCode, String label, String target, List<PeriodValue> periods,
                         BigDecimal proRata, BigDecimal forecast, BigDecimal forecastAchievement, boolean atRisk)
            implements Line {
    }

    /** A strategic objective's result at each period: a row of the summary table and its chart. */
    public record Series(String code, String description, List<BigDecimal> results) {
    }

    private final ReportData data;
    private final List<PeriodResults> periods;
    private final Optional<PeriodResults> forecastAt;

    public AndamentoRows(ReportData data) {
        this.data = data;
        // Each period indexes its results already (a period holds one result per key, level and code).
        this.periods = data.history();
        this.forecastAt = forecastPeriod(data);
    }

    /**
     * The period whose forecast the last columns show: the current one at an interim period; at
     * year end, when the year's value is known, the last interim period (what was foreseen then).
     */
    public static Optional<PeriodResults> forecastPeriod(ReportData data) {
        List<PeriodResults> periods = data.history();
        if (!data.period().isYearEnd()) {
            return Optional.of(data.current());
        }
        for (int p = periods.size() - 1; p >= 0; p--) {
            if (!periods.get(p).period().isYearEnd()) {
                return Optional.of(periods.get(p));
            }
        }
        return Optional.empty();
    }

    /**
     * The rows top to bottom: each OS with its indicators, then its OO/PO with theirs; OO/PO whose
     * OS is missing; last the scorecards' own objectives, grouped under their cruscotto.
     */
    public void forEach(Consumer<Line> out) {
        Map<String, List<Indicator>> byObjective = new LinkedHashMap<>();
        data.plan().indicators().forEach(i -> byObjective.computeIfAbsent(i.objectiveCode(), k -> new ArrayList<>())
                .add(i));
        Map<String, List<OperationalObjective>> byStrategic = new HashMap<>();
        data.plan().operationalObjectives().forEach(oo -> byStrategic.computeIfAbsent(oo.strategicObjectiveCode(),
                k -> new ArrayList<>()).add(oo));
        for (StrategicObjective os : data.plan().strategicObjectives()) {
            objective(Level.OBIETTIVO_STRATEGICO, os.code(), os.description(), byObjective.remove(os.code()), out);
            for (OperationalObjective oo : byStrategic.getOrDefault(os.code(), List.of())) {
                objective(Level.OBIETTIVO_OPERATIVO, oo.code(), oo.description(), byObjective.remove(oo.code()), out);
            }
        }
        for (OperationalObjective oo : data.plan().operationalObjectives()) {
            if (byObjective.containsKey(oo.code())) {
                objective(Level.OBIETTIVO_OPERATIVO, oo.code(), oo.description(), byObjective.remove(oo.code()), out);
            }
        }
        Map<String, Scorecard> scorecards = new HashMap<>();
        data.plan().scorecards().forEach(s -> scorecards.putIfAbsent(s.code(), s));
        for (Map.Entry<String, List<Indicator>> rest : byObjective.entrySet()) {
            Scorecard scorecard = scorecards.get(rest.getKey());
            objective(null, rest.getKey(), scorecard == null ? rest.getKey() : scorecardCaption(scorecard),
                    rest.getValue(), out);
        }
    }

    /** The rows in a list: for tests and small plans. */
    List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        forEach(lines::add);
        return lines;
    }

    /** The strategic objectives' results per period, in plan order. */
    public List<Series> series() {
        List<Series> series = new ArrayList<>();
        for (StrategicObjective os : data.plan().strategicObjectives()) {
            series.add(new Series(os.code(), os.description(), results(Level.OBIETTIVO_STRATEGICO, os.code())));
        }
        return series;
    }

    private void objective(Level level, String code, String description, List<Indicator> own, Consumer<Line> out) {
        out.accept(new Objective(code, description, level == null ? nulls(periods.size()) : results(level, code)));
        if (own != null) {
            own.forEach(indicator -> out.accept(indicator(indicator)));
        }
    }

    private IndicatorLine indicator(Indicator indicator) {
        IndicatorKey key = indicator.key();
        List<PeriodValue> values = new ArrayList<>();
        for (int p = 0; p < periods.size(); p++) {
            IndicatorResult result = periods.get(p).indicator(key).orElse(null);
            // No value typed: say why the period has no result (non rilevato, in corso...).
            String value = data.rawValue(periods.get(p).period(), key).orElseGet(() -> result == null
                    || result.status().counts() ? null : result.status().label());
            String proRated = result == null ? null : proRatedLine(indicator, result);
            values.add(new PeriodValue(value == null || proRated == null ? value : value + "\n" + proRated,
                    result == null ? null : result.achievement()));
        }
        BigDecimal proRata = null;
        if (indicator.cumulative() && forecastAt.isPresent()) {
            IndicatorResult atForecast = forecastAt.get().indicator(key).orElse(null);
            proRata = atForecast == null ? null : atForecast.effectiveTarget();
        }
        Forecast.Projection projection = forecastAt.map(x -> x.projections().get(key)).orElse(null);
        String name = indicator.name() == null || indicator.name().isBlank() ? "" : " – " + indicator.name();
        return new IndicatorLine(key.objectiveCode(), key.reference() + name, indicator.target().raw(),
                List.copyOf(values), proRata, projection == null ? null : projection.value(),
                projection == null ? null : projection.achievement(), projection != null && projection.atRisk());
    }

    /** "target ≥ 2,00" under a cumulative indicator's value when its target was pro-rated for the period. */
    static String proRatedLine(Indicator indicator, IndicatorResult result) {
        if (!indicator.cumulative() || result.effectiveTarget() == null || indicator.target().value() == null
                || result.effectiveTarget().compareTo(indicator.target().value()) == 0) {
            return null;
        }
        String unit = indicator.target().unit() == null ? "" : " " + indicator.target().unit().label();
        return "target " + indicator.target().operator().symbol() + " "
                + ItalianFormat.number(result.effectiveTarget()) + unit;
    }

    private List<BigDecimal> results(Level level, String code) {
        BigDecimal[] results = new BigDecimal[periods.size()];
        for (int p = 0; p < periods.size(); p++) {
            ItemResult item = periods.get(p).item(level, code).orElse(null);
            results[p] = item == null ? null : item.achievement();
        }
        return Collections.unmodifiableList(Arrays.asList(results));
    }

    private static List<BigDecimal> nulls(int size) {
        return Collections.unmodifiableList(Arrays.asList(new BigDecimal[size]));
    }

    private static String scorecardCaption(Scorecard scorecard) {
        return "Obiettivi del cruscotto " + scorecard.code() + " – " + scorecard.dirigente()
                + (scorecard.role() == null || scorecard.role().isBlank() ? "" : ", " + scorecard.role());
    }
}
