package it.pa.monitor.results;

import it.pa.monitor.jdbc.BatchInsert;
import it.pa.monitor.jdbc.StreamedQuery;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.scoring.ItemResult;
import it.pa.monitor.scoring.PeriodScorer;
import it.pa.monitor.values.Period;
import java.lang.ref.SoftReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Stores the results of a period in H2, replacing an earlier run of the same period. */
@Repository
public class ScoreRepository {

    private final NamedParameterJdbcTemplate named;
    /** A period's tens of thousands of indicator rows, streamed rather than first gathered by the database. */
    private final StreamedQuery streaming;
    private final BatchInsert insertRun;
    private final BatchInsert insertIndicator;
    private final BatchInsert insertItem;
    /**
     * The results of the periods scored by this process, by ente, year and period, each with the id of its run:
     * given once to {@link #load} (the report that follows the scoring) instead of being read back. One per
     * period at most, and softly held: short of memory (several entes scored in one transaction, a report that
     * never came), the collector takes them back and {@link #load} reads the rows as before.
     */
    private final Map<List<Object>, SoftReference<JustStored>> justStored = new ConcurrentHashMap<>();

    /** A period's results as stored by the run with this id. */
    private record JustStored(long runId, PeriodResults results) {
    }

    public ScoreRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.streaming = new StreamedQuery(jdbc);
        this.insertRun = BatchInsert.into("score_run").column("ente_id", Types.BIGINT).column("plan_year", Types.INTEGER)
                .column("period", Types.VARCHAR).column("ref_date", Types.DATE).column("computed_at", Types.TIMESTAMP)
                .using(named);
        this.insertIndicator = BatchInsert.into("indicator_score").column("run_id", Types.BIGINT)
                .column("objective_code", Types.VARCHAR).column("indicator_code", Types.VARCHAR)
                .column("occurrence", Types.INTEGER).column("seq", Types.INTEGER).column("weight", Types.DECIMAL)
                .column("status", Types.VARCHAR).column("achievement", Types.DECIMAL)
                .column("effective_target", Types.DECIMAL).column("rule", Types.VARCHAR)
                .column("deviation", Types.VARCHAR).column("note", Types.VARCHAR)
                .column("projected_value", Types.DECIMAL).column("projected_achievement", Types.DECIMAL)
                .column("at_risk", Types.BOOLEAN).column("projection_rule", Types.VARCHAR).using(named);
        this.insertItem = BatchInsert.into("item_score").column("run_id", Types.BIGINT)
                .column("item_level", Types.VARCHAR).column("code", Types.VARCHAR).column("parent_code", Types.VARCHAR)
                .column("seq", Types.INTEGER).column("weight", Types.DECIMAL).column("achievement", Types.DECIMAL)
                .column("rule", Types.VARCHAR).using(named);
    }

    @Transactional
    public void replace(String ente, int year, Period period, List<IndicatorResult> indicators, List<ItemResult> items,
                        Map<IndicatorKey, Forecast.Projection> projections) {
        Replacement replacement = replacing(ente, year, period);
        for (IndicatorResult r : indicators) {
            replacement.indicator(r, projections.get(r.key()));
        }
        replacement.finish(items);
    }

    /**
     * Starts replacing a period's results a part at a time: the earlier run's rows go and the new run's row is
     * stored now, the indicators as they are handed over, the aggregates at the end. The caller holds the
     * transaction the whole way (the scoring step's): without one the period would be left half replaced.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Replacement replacing(String ente, int year, Period period) {
        long enteId = named.queryForObject("SELECT id FROM ente WHERE name = :ente", Map.of("ente", ente), Long.class);
        // The earlier run's rows first, by their primary keys' run_id (on H2 no foreign key cascades, V17), then
        // the run itself, by the same id.
        for (long earlierRun : named.queryForList("SELECT id FROM score_run WHERE ente_id = :ente"
                + " AND plan_year = :year AND period = :period", new MapSqlParameterSource("ente", enteId)
                .addValue("year", year).addValue("period", period.code()), Long.class)) {
            MapSqlParameterSource run = new MapSqlParameterSource("run", earlierRun);
            named.update("DELETE FROM indicator_score WHERE run_id = :run", run);
            named.update("DELETE FROM item_score WHERE run_id = :run", run);
            named.update("DELETE FROM score_run WHERE id = :run", run);
        }
        long runId = insertRun.insertReturningKey(row -> row
                .set("ente_id", enteId)
                .set("plan_year", year)
                .set("period", period.code())
                .set("ref_date", Date.valueOf(period.referenceDate()))
                .set("computed_at", Timestamp.from(Instant.now())), "id");
        List<Object> periodKey = List.of(ente, year, period.code());
        justStored.remove(periodKey); // the period's earlier results, kept and not taken, are replaced here
        return new Replacement(runId, periodKey, period);
    }

    /** A period's results being stored: indicators in their computing order, then the aggregates. */
    public final class Replacement {

        private final long runId;
        private final List<Object> periodKey;
        private final Period period;
        private final BatchInsert.Rows indicatorRows = insertIndicator.rows();
        /** The results as the database gives them back (its scales), kept for the report. */
        private final List<IndicatorResult> asStored = new ArrayList<>();
        private final Map<IndicatorKey, Forecast.Projection> projectionsAsStored = new HashMap<>();
        /**
         * Each text kept once: a plan's rules and notes repeat by the thousand, and the database's rows share
         * their equal texts too.
         */
        private final Map<String, String> texts = new ConcurrentHashMap<>();
        private int seq;

        private Replacement(long runId, List<Object> periodKey, Period period) {
            this.runId = runId;
            this.periodKey = periodKey;
            this.period = period;
        }

        /**
         * {@code next} given each result and projection as the columns will give them back ({@link #indicator}
         * keeps them): the scoring's computing thread does that work, not the one storing (the step's longer path).
         */
        public PeriodScorer.Listener asStored(PeriodScorer.Listener next) {
            return (r, p) -> next.scored(asStored(r), asStored(p));
        }

        private IndicatorResult asStored(IndicatorResult r) {
            return new IndicatorResult(r.key(), weight(r.weight()), r.status(), score(r.achievement()),
                    score(r.effectiveTarget()), shared(r.rule()), shared(r.deviation()), shared(r.note()));
        }

        private Forecast.Projection asStored(Forecast.Projection p) {
            return p == null ? null : new Forecast.Projection(score(p.value()), score(p.achievement()), p.atRisk(),
                    shared(p.rule()));
        }

        /**
         * The next indicator's result, with its projection (null when there is none), stored and kept for the
         * report; made {@link #asStored} here unless it already is.
         */
        public void indicator(IndicatorResult result, Forecast.Projection projection) {
            IndicatorResult r = isAsStored(result) ? result : asStored(result);
            Forecast.Projection p = projection == null || isAsStored(projection) ? projection : asStored(projection);
            int next = seq++;
            indicatorRows.add(row -> row
                    .set("run_id", runId)
                    .set("objective_code", r.key().objectiveCode())
                    .set("indicator_code", r.key().code())
                    .set("occurrence", r.key().occurrence())
                    .set("seq", next)
                    .set("weight", r.weight())
                    .set("status", r.status().name())
                    .set("achievement", r.achievement())
                    .set("effective_target", r.effectiveTarget())
                    .set("rule", r.rule())
                    .set("deviation", r.deviation())
                    .set("note", r.note())
                    .set("projected_value", p == null ? null : p.value())
                    .set("projected_achievement", p == null ? null : p.achievement())
                    .set("at_risk", p == null ? null : p.atRisk())
                    .set("projection_rule", p == null ? null : p.rule()));
            asStored.add(r);
            if (p != null && p.value() != null) {
                projectionsAsStored.put(r.key(), p);
            }
        }

        private String shared(String text) {
            return text == null ? null : texts.computeIfAbsent(text, t -> t);
        }

        /** Sends the indicators not sent yet, then the aggregates in their order. */
        public void finish(List<ItemResult> items) {
            indicatorRows.flush();
            BatchInsert.Rows itemRows = insertItem.rows();
            for (int i = 0; i < items.size(); i++) {
                int seq = i;
                ItemResult item = items.get(i);
                itemRows.add(row -> row
                        .set("run_id", runId)
                        .set("item_level", item.level().name())
                        .set("code", item.code())
                        .set("parent_code", item.parentCode())
                        .set("seq", seq)
                        .set("weight", item.weight())
                        .set("achievement", item.achievement())
                        .set("rule", item.rule()));
            }
            itemRows.flush();
            List<ItemResult> itemsAsStored = new ArrayList<>(items.size());
            items.forEach(item -> itemsAsStored.add(new ItemResult(item.level(), item.code(), item.parentCode(),
                    weight(item.weight()), score(item.achievement()), item.rule())));
            keepOnCommit(periodKey, new JustStored(runId, new PeriodResults(period, asStored, itemsAsStored,
                    projectionsAsStored)));
        }
    }

    /**
     * Once the scores' transaction commits (never if it rolls back), they wait for {@link #load} in the form it
     * reads them in. Without a transaction synchronised by Spring nothing is kept.
     */
    private void keepOnCommit(List<Object> periodKey, JustStored results) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    justStored.put(periodKey, new SoftReference<>(results));
                }
            });
        }
    }

    private static boolean isAsStored(IndicatorResult r) {
        return hasScale(r.weight(), 4) && hasScale(r.achievement(), 12) && hasScale(r.effectiveTarget(), 12);
    }

    private static boolean isAsStored(Forecast.Projection p) {
        return hasScale(p.value(), 12) && hasScale(p.achievement(), 12);
    }

    private static boolean hasScale(BigDecimal value, int scale) {
        return value == null || value.scale() == scale;
    }

    /** A score as a DECIMAL(30, 12) column gives it back. */
    private static BigDecimal score(BigDecimal value) {
        return value == null ? null : value.setScale(12, RoundingMode.HALF_UP);
    }

    /** A weight as a DECIMAL(9, 4) column gives it back. */
    private static BigDecimal weight(BigDecimal value) {
        return value == null ? null : value.setScale(4, RoundingMode.HALF_UP);
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

    /** The stored indicator results of a period, in the order they were computed. */
    public List<IndicatorResult> indicators(String ente, int year, Period period) {
        return indicatorRows(ente, year, period, null);
    }

    /**
     * The indicator rows of a period in the order they were computed, their projections put in
     * {@code projections} when given: one read of the table for both. Sorted here by {@code seq} (unique in a
     * run) rather than by the database, which for tens of thousands of rows sorted them in a temporary file.
     */
    private List<IndicatorResult> indicatorRows(String ente, int year, Period period,
                                                Map<IndicatorKey, Forecast.Projection> projections) {
        List<Sequenced> rows = new ArrayList<>();
        streaming.forEach("SELECT s.seq, s.objective_code, s.indicator_code, s.occurrence, s.weight, s.status,"
                + " s.achievement, s.effective_target, s.rule, s.deviation, s.note, s.projected_value,"
                + " s.projected_achievement, s.at_risk, s.projection_rule FROM indicator_score s JOIN score_run r"
                + " ON r.id = s.run_id JOIN ente e ON e.id = r.ente_id WHERE e.name = :ente AND r.plan_year = :year"
                + " AND r.period = :period", period(ente, year, period), rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString(2), rs.getString(3), rs.getInt(4));
                    rows.add(new Sequenced(rs.getInt(1), new IndicatorResult(key, rs.getBigDecimal(5),
                            IndicatorStatus.valueOf(rs.getString(6)), rs.getBigDecimal(7), rs.getBigDecimal(8),
                            rs.getString(9), rs.getString(10), rs.getString(11))));
                    BigDecimal projected = rs.getBigDecimal(12);
                    if (projections != null && projected != null) {
                        projections.put(key, new Forecast.Projection(projected, rs.getBigDecimal(13),
                                rs.getBoolean(14), rs.getString(15)));
                    }
                });
        rows.sort(Comparator.comparingInt(Sequenced::seq));
        List<IndicatorResult> results = new ArrayList<>(rows.size());
        rows.forEach(row -> results.add(row.result()));
        return results;
    }

    /** An indicator result with its place in the computing order. */
    private record Sequenced(int seq, IndicatorResult result) {
    }

    /** The id of the run whose results are stored for the period, if any. */
    private Optional<Long> storedRun(String ente, int year, Period period) {
        return named.queryForList("SELECT r.id FROM score_run r JOIN ente e ON e.id = r.ente_id WHERE e.name = :ente"
                + " AND r.plan_year = :year AND r.period = :period", period(ente, year, period), Long.class).stream()
                .findFirst();
    }

    /** The periods of the year that have results, oldest first. */
    public List<Period> periods(String ente, int year) {
        return named.queryForList("SELECT r.period FROM score_run r JOIN ente e ON e.id = r.ente_id"
                + " WHERE e.name = :ente AND r.plan_year = :year ORDER BY r.ref_date",
                new MapSqlParameterSource("ente", ente).addValue("year", year), String.class).stream()
                .map(Period::parse).toList();
    }

    /**
     * Everything stored for one period: as the scoring of this process kept it when the period's stored run is
     * still the one it wrote (given once, not read again), else read.
     */
    public PeriodResults load(String ente, int year, Period period) {
        List<Object> periodKey = List.of(ente, year, period.code());
        SoftReference<JustStored> kept = justStored.remove(periodKey);
        JustStored scored = kept == null ? null : kept.get();
        if (scored != null && storedRun(ente, year, period).filter(id -> id == scored.runId()).isPresent()) {
            return scored.results();
        }
        Map<IndicatorKey, Forecast.Projection> projections = new HashMap<>();
        List<IndicatorResult> indicators = indicatorRows(ente, year, period, projections);
        return new PeriodResults(period, indicators, items(ente, year, period), projections);
    }
}
