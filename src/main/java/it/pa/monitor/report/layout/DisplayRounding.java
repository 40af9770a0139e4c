package it.pa.monitor.report.layout;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A body that truncates ({@code arrotondamento = TRONCA}) publishes 99,68 where the full figure is
 * 99,689; a percent format would round it to 99,69. So for such a body the workbook holds the
 * results already truncated to two decimals; with HALF_UP the cells keep full precision and the
 * format's own rounding shows the same figure.
 */
public final class DisplayRounding {

    private DisplayRounding() {
    }

    public static ReportData apply(ReportData data) {
        if (data.methodology().rounding() != Methodology.Rounding.TRONCA) {
            return data;
        }
        Methodology m = data.methodology();
        List<PeriodResults> history = data.history().stream().map(p -> truncate(p, m)).toList();
        PeriodResults current = history.get(history.size() - 1);
        return new ReportData(data.plan(), m, data.period(), current, history, data.values(), data.quality(),
                data.sources(), data.valueHistory(), data.earlierYears());
    }

    private static PeriodResults truncate(PeriodResults period, Methodology m) {
        List<IndicatorResult> indicators = period.indicators().stream().map(r -> new IndicatorResult(r.key(),
                r.weight(), r.status(), m.display(r.achievement()), r.effectiveTarget(), r.rule(), r.deviation(),
                r.note())).toList();
        List<ItemResult> items = period.items().stream().map(i -> new ItemResult(i.level(), i.code(), i.parentCode(),
                i.weight(), m.display(i.achievement()), i.rule())).toList();
        Map<IndicatorKey, Forecast.Projection> projections = new LinkedHashMap<>();
        period.projections().forEach((key, p) -> projections.put(key, new Forecast.Projection(p.value(),
                m.display(p.achievement()), p.atRisk(), p.rule())));
        return new PeriodResults(period.period(), indicators, items, projections);
    }
}
