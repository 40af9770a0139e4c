package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.plan.Level;
import it.pa.monitor.values.Period;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores the results of a period in H2, replacing an earlier run of the same period. */
@Repository
public class ScoreRepository {

    // Nullable columns carry their SQL type, so that a null needs no parameter metadata from the driver.

    /** Rows per JDBC batch: the parameters of a plan of 240 000 indicators are never all built at once. */
    private static final int BATCH_ROWS = 1_000;

    // Plain named-parameter INSERTs: SimpleJdbcInsert matched every row's parameter names against the
    // table's columns again (most of the scoring step's time at 60 000 indicators).
    private static final String INSERT_INDICATOR = "INSERT INTO indicator_score (run_id, objective_code,"
            + " indicator_code, occurrence, seq, weight, status, achievement, effective_target, rule, deviation, note,"
            + " projected_value, projected_achievement, at_risk, projection_rule) VALUES (:run_id, :objective_code,"
            + " :indicator_code, :occurrence, :seq, :weight, :status, :achievement, :effective_target, :rule,"
            + " :deviation, :note, :projected_value, :projected_achievement, :at_risk, :projection_rule)";
    private static final String INSERT_ITEM = "INSERT INTO item_score (run_id, item_level, code, parent_code, seq,"
            + " weight, achievement, rule) VALUES (:run_id, :item_level, :code, :parent_code, :seq, :weight,"
            + " :achievement, :rule)";

    private final NamedParameterJdbcTemplate named;
    private final SimpleJdbcInsert insertRun;

    public ScoreRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insertRun = new SimpleJdbcInsert(jdbc).withTableName("score_run").usingGeneratedKeyColumns("id")
                .usingColumns("ente_id", "plan_year", "period", "ref_date", "computed_at");
    }

    @Transactional
    public void replace(String ente, int year, Period period, List<IndicatorResult> indicators, List<ItemResult> items,
                        Map<IndicatorKey, Forecast.Projection> projections) {
        long enteId = named.queryForObject("SELECT id FROM ente WHERE name = :ente", Map.of("ente", ente), Long.class);
        named.update("DELETE FROM score_run WHERE ente_id = :ente AND plan_year = :year AND period = :period",
                new MapSqlParameterSource("ente", enteId).addValue("year", year).addValue("period", period.code()));
        long runId = insertRun.executeAndReturnKey(new MapSqlParameterSource()
                .addValue("ente_id", enteId)
                .addValue("plan_year", year)
                .addValue("period", period.code())
                .addValue("ref_date", Date.valueOf(period.referenceDate()))
                .addValue("computed_at", Timestamp.from(Instant.now()))).longValue();
        List<SqlParameterSource> indicatorRows = new ArrayList<>();
        for (int i = 0; i < indicators.size(); i++) {
            IndicatorResult r = indicators.get(i);
            Forecast.Projection p = projections.get(r.key());
            indicatorRows.add(new MapSqlParameterSource()
                    .addValue("run_id", runId)
                    .addValue("objective_code", r.key().objectiveCode())
                    .addValue("indicator_code", r.key().code())
                    .addValue("occurrence", r.key().occurrence())
                    .addValue("seq", i)
                    .addValue("weight", r.weight(), Types.DECIMAL)
                    .addValue("status", r.status().name())
                    .addValue("achievement", r.achievement(), Types.DECIMAL)
                    .addValue("effective_target", r.effectiveTarget(), Types.DECIMAL)
                    .addValue("rule", r.rule(), Types.VARCHAR)
                    .addValue("deviation", r.deviation(), Types.VARCHAR)
                    .addValue("note", r.note(), Types.VARCHAR)
                    .addValue("projected_value", p == null ? null : p.value(), Types.DECIMAL)
                    .addValue("projected_achievement", p == null ? null : p.achievement(), Types.DECIMAL)
                    .addValue("at_risk", p == null ? null : p.atRisk(), Types.BOOLEAN)
                    .addValue("projection_rule", p == null ? null : p.rule(), Types.VARCHAR));
            if (indicatorRows.size() == BATCH_ROWS) {
                batch(INSERT_INDICATOR, indicatorRows);
            }
        }
        batch(INSERT_INDICATOR, indicatorRows);
        List<SqlParameterSource> itemRows = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ItemResult item = items.get(i);
            itemRows.add(new MapSqlParameterSource()
                    .addValue("run_id", runId)
                    .addValue("item_level", item.level().name())
                    .addValue("code", item.code())
                    .addValue("parent_code", item.parentCode(), Types.VARCHAR)
                    .addValue("seq", i)
                    .addValue("weight", item.weight(), Types.DECIMAL)
                    .addValue("achievement", item.achievement(), Types.DECIMAL)
                    .addValue("rule", item.rule(), Types.VARCHAR));
            if (itemRows.size() == BATCH_ROWS) {
                batch(INSERT_ITEM, itemRows);
            }
        }
        batch(INSERT_ITEM, itemRows);
    }

    /** Sends the rows as one JDBC batch and empties the list. */
    private void batch(String sql, List<SqlParameterSource> rows) {
        if (!rows.isEmpty()) {
            named.batchUpdate(sql, rows.toArray(SqlParameterSource[]::new));
            rows.clear();
        }
    }

    /** The filter of the queries below: one period of an ente's year. */
    private static MapSqlParameterSource period(String ente, int year, Period period) {
        return new MapSqlParameterSource("ente", ente).addValue("year", year).addValue("period", period.code());
    }

    /** The stored aggregate results of a period, in the order they were computed. */
    public List<ItemResult> items(String ente, int year, Period period) {
        return named.query("SELECT s.* FROM item_score s JOIN score_run r ON r.id = s.run_id JOIN ente e"
                + " ON e.id = r.ente_id WHERE e.name = :ente AND r.plan_year = :year AND r.period = :period"
                + " ORDER BY s.seq", period(ente, year, period),
                (rs, n) -> new ItemResult(Level.valueOf(rs.getString("item_level")), rs.getString("code"),
                        rs.getString("parent_code"), rs.getBigDecimal("weight"), rs.getBigDecimal("achievement"),
                        rs.getString("rule")));
    }

    /** The stored indicator results of a period. */
    public List<IndicatorResult> indicators(String ente, int year, Period period) {
        return named.query("SELECT s.* FROM indicator_score s JOIN score_run r ON r.id = s.run_id JOIN ente e"
                + " ON e.id = r.ente_id WHERE e.name = :ente AND r.plan_year = :year AND r.period = :period"
                + " ORDER BY s.seq", period(ente, year, period),
                (rs, n) -> new IndicatorResult(new IndicatorKey(rs.getString("objective_code"),
                        rs.getString("indicator_code"), rs.getInt("occurrence")), rs.getBigDecimal("weight"),
                        IndicatorStatus.valueOf(rs.getString("status")), rs.getBigDecimal("achievement"),
                        rs.getBigDecimal("effective_target"), rs.getString("rule"), rs.getString("deviation"),
                        rs.getString("note")));
    }

    /** The periods of the year that have results, oldest first. */
    public List<Period> periods(String ente, int year) {
        return named.queryForList("SELECT r.period FROM score_run r JOIN ente e ON e.id = r.ente_id"
                + " WHERE e.name = :ente AND r.plan_year = :year ORDER BY r.ref_date",
                new MapSqlParameterSource("ente", ente).addValue("year", year), String.class).stream()
                .map(Period::parse).toList();
    }

    /** Everything stored for one period. */
    public PeriodResults load(String ente, int year, Period period) {
        Map<IndicatorKey, Forecast.Projection> projections = new java.util.HashMap<>();
        named.query("SELECT s.objective_code, s.indicator_code, s.occurrence, s.projected_value,"
                + " s.projected_achievement, s.at_risk, s.projection_rule FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id JOIN ente e ON e.id = r.ente_id WHERE e.name = :ente AND r.plan_year = :year"
                + " AND r.period = :period AND s.projected_value IS NOT NULL", period(ente, year, period), rs -> {
                    projections.put(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                            new Forecast.Projection(rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getBoolean(6),
                                    rs.getString(7)));
                });
        return new PeriodResults(period, indicators(ente, year, period), items(ente, year, period), projections);
    }
}
