package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.util.List;
import java.util.Map;

/** The stored results of one period: indicators with their projections, and the aggregates. */
public record PeriodResults(Period period, List<IndicatorResult> indicators, List<ItemResult> items,
                            Map<IndicatorKey, Forecast.Projection> projections) {

    public PeriodResults {
        indicators = List.copyOf(indicators);
        items = List.copyOf(items);
        projections = Map.copyOf(projections);
    }
}
