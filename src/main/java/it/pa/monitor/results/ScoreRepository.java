package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.Level;
import it.pa.monitor.values.Period;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores the results of a period in H2, replacing an earlier run of the same period. */
@Repository
public class ScoreRepository {

    private final JdbcTemplate jdbc;

    public ScoreRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void replace(String ente, int year, Period period, List<IndicatorResult> indicators, List<ItemResult> items,
                        Map<IndicatorKey, Forecast.Projection> projections) {
        long enteId = jdbc.queryForObject("SELECT id FROM ente WHERE name = ?", Long.class, ente);
        jdbc.update("DELETE FROM score_run WHERE ente_id = ? AND plan_year = ? AND period = ?", enteId, year,
                period.code());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO score_run (ente_id, plan_year, period, ref_date,"
                    + " computed_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, enteId);
            ps.setInt(2, year);
            ps.setString(3, period.code());
            ps.setDate(4, Date.valueOf(period.referenceDate()));
            ps.setTimestamp(5, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        long runId = key.getKey().longValue();
        List<Object[]> indicatorRows = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorResult r = indicators.get(i);
            Forecast.Projection p = projections.get(r.key());
            indicatorRows.add(new Object[] {runId, r.key().objectiveCode(), r.key().code(), r.key().occurrence(), i,
                            r.weight(), r.status().name(), r.achievement(), r.effectiveTarget(), r.rule(),
                            r.deviation(), r.note(), p == null ? null : p.value(), p == null ? null : p.achievement(),
                            p == null ? null : p.atRisk(), p == null ? null : p.rule()});
        }
        jdbc.batchUpdate("INSERT INTO indicator_score (run_id, objective_code, indicator_code, occurrence, seq, weight,"
                + " status, achievement, effective_target, rule, deviation, note, projected_value,"
                + " projected_achievement, at_risk, projection_rule)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", indicatorRows);
        List<Object[]> itemRows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemResult item = items.get(i);
            itemRows.add(new Object[] {runId, item.level().name(), item.code(), item.parentCode(), i, item.weight(),
                    item.achievement(), item.rule()});
        }
        jdbc.batchUpdate("INSERT INTO item_score (run_id, item_level, code, parent_code, seq, weight, achievement,"
                + " rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", itemRows);
    }

    /** The stored aggregate results of a period, in the order they were computed. */
    public List<ItemResult> items(String ente, int year, Period period) {
        return jdbc.query("SELECT s.* FROM item_score s JOIN score_run r ON r.id = s.run_id JOIN ente e"
                + " ON e.id = r.ente_id WHERE e.name = ? AND r.plan_year = ? AND r.period = ? ORDER BY s.seq",
                (rs, n) -> new ItemResult(Level.valueOf(rs.getString("item_level")), rs.getString("code"),
                        rs.getString("parent_code"), rs.getBigDecimal("weight"), rs.getBigDecimal("achievement"),
                        rs.getString("rule")), ente, year, period.code());
    }

    /** The stored indicator results of a period. */
    public List<IndicatorResult> indicators(String ente, int year, Period period) {
        return jdbc.query("SELECT s.* FROM indicator_score s JOIN score_run r ON r.id = s.run_id JOIN ente e"
                + " ON e.id = r.ente_id WHERE e.name = ? AND r.plan_year = ? AND r.period = ? ORDER BY s.seq",
                (rs, n) -> new IndicatorResult(new IndicatorKey(rs.getString("objective_code"),
                        rs.getString("indicator_code"), rs.getInt("occurrence")), rs.getBigDecimal("weight"),
                        IndicatorStatus.valueOf(rs.getString("status")), rs.getBigDecimal("achievement"),
                        rs.getBigDecimal("effective_target"), rs.getString("rule"), rs.getString("deviation"),
                        rs.getString("note")), ente, year, period.code());
    }

    /** The periods of the year that have results, oldest first. */
    public List<Period> periods(String ente, int year) {
        return jdbc.queryForList("SELECT r.period FROM score_run r JOIN ente e ON e.id = r.ente_id WHERE e.name = ?"
                + " AND r.plan_year = ? ORDER BY r.ref_date", String.class, ente, year).stream().map(Period::parse)
                .toList();
    }

    /** Everything stored for one period. */
    public PeriodResults load(String ente, int year, Period period) {
        Map<IndicatorKey, Forecast.Projection> projections = new java.util.HashMap<>();
        jdbc.query("SELECT s.objective_code, s.indicator_code, s.occurrence, s.projected_value,"
                + " s.projected_achievement, s.at_risk, s.projection_rule FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id JOIN ente e ON e.id = r.ente_id WHERE e.name = ? AND r.plan_year = ?"
                + " AND r.period = ? AND s.projected_value IS NOT NULL", rs -> {
                    projections.put(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                            new Forecast.Projection(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBoolean(6),
                                    rs.getString(7)));
                }, ente, year, period.code());
        return new PeriodResults(period, indicators(ente, year, period), items(ente, year, period), projections);
    }
}
