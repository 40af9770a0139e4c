package it.pa.monitor.results;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.values.Period;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Gathers the earlier years of an ente: for each year scored in this database, the results of its
 * last period (the year end when it was run), then the plan's Storico rows for what is missing.
 */
@Repository
public class EarlierYearsRepository {

    private final NamedParameterJdbcTemplate named;
    private final ScoreRepository scores;
    private final ReportedValues values;

    public EarlierYearsRepository(JdbcTemplate jdbc, ScoreRepository scores, ReportedValues values) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.scores = scores;
        this.values = values;
    }

    public EarlierYears load(Plan plan) {
        Map<EarlierYears.Key, EarlierYears.Entry> entries = new LinkedHashMap<>();
        List<Integer> scored = named.queryForList("SELECT DISTINCT r.plan_year FROM score_run r JOIN ente e"
                + " ON e.id = r.ente_id WHERE e.name = :ente AND r.plan_year < :year ORDER BY r.plan_year",
                new MapSqlParameterSource("ente", plan.ente()).addValue("year", plan.year()), Integer.class);
        for (int year : scored) {
            List<Period> periods = scores.periods(plan.ente(), year);
            if (periods.isEmpty()) {
                continue;
            }
            Period last = periods.get(periods.size() - 1);
            for (ItemResult item : scores.items(plan.ente(), year, last)) {
                entries.put(new EarlierYears.Key(year, item.level(), item.code()),
                        new EarlierYears.Entry(null, item.achievement(), false));
            }
            Map<it.pa.monitor.plan.tree.IndicatorKey, ReportedValue> raw = values.inForce(plan.ente(), year, last);
            for (IndicatorResult indicator : scores.indicators(plan.ente(), year, last)) {
                ReportedValue value = raw.get(indicator.key());
                entries.put(new EarlierYears.Key(year, Level.INDICATORE, indicator.key().reference()),
                        new EarlierYears.Entry(value == null ? null : value.raw(), indicator.achievement(), false));
            }
        }
        return EarlierYears.of(entries, plan);
    }
}
