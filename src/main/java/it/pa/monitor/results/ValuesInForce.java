package it.pa.monitor.results;

import it.pa.monitor.jdbc.BatchInsert;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.values.ActualValue;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Repository;

/**
 * The one owner of "which value is in force" for an indicator and period (README: the later
 * received wins, whatever order the files are processed in; of two received at the same instant,
 * the one stored later). Intake admits every stored value here, which keeps the
 * {@code value_in_force} table and records conflicts; readers join {@link #ROWS} and never decide
 * again. Overrides follow the same rule ({@link #replaces}).
 */
@Repository
public class ValuesInForce {

    /**
     * What readers select from to see only the values in force: {@code f} is the value_in_force
     * row, {@code r} the reported_value it points to.
     */
    public static final String ROWS = "value_in_force f JOIN reported_value r ON r.id = f.value_id";

    /**
     * The values in force of one objective in a period: the primary key's leading columns, all equal,
     * so H2 and PostgreSQL read only that objective's rows. Package-visible for its test.
     */
    static final String IN_FORCE_OF_OBJECTIVE = "SELECT objective_code, indicator_code, occurrence, value_id,"
            + " normalised, received_at FROM value_in_force WHERE ente_id = :ente AND plan_year = :year"
            + " AND period = :period AND objective_code = :objective";

    /** A value just stored (reported_value id), offered for its indicator. */
    public record Candidate(IndicatorKey key, long valueId, ActualValue value) {
    }

    /** The value in force for an indicator and period before the values being admitted. */
    private record InForce(long valueId, String normalised, Instant receivedAt) {
    }

    private final NamedParameterJdbcTemplate named;
    private final BatchInsert insertInForce;
    private final BatchInsert insertConflict;

    public ValuesInForce(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.insertInForce = BatchInsert.into("value_in_force").column("ente_id", Types.BIGINT)
                .column("plan_year", Types.INTEGER).column("period", Types.VARCHAR)
                .column("objective_code", Types.VARCHAR).column("indicator_code", Types.VARCHAR)
                .column("occurrence", Types.INTEGER).column("value_id", Types.BIGINT)
                .column("normalised", Types.VARCHAR).column("received_at", Types.TIMESTAMP).using(named);
        this.insertConflict = BatchInsert.into("value_conflict").column("winner_id", Types.BIGINT)
                .column("loser_id", Types.BIGINT).column("detected_at", Types.TIMESTAMP)
                .column("ente_id", Types.BIGINT).column("plan_year", Types.INTEGER).column("period", Types.VARCHAR)
                .using(named);
    }

    /**
     * The rule: a value received at {@code candidate}, stored after the one received at
     * {@code inForce}, replaces it unless it was received earlier.
     */
    public static boolean replaces(Instant candidate, Instant inForce) {
        return !candidate.isBefore(inForce);
    }

    /**
     * Admits the values of one file, received at {@code receivedAt}, for an ente, year and period:
     * each becomes the value in force unless a later-received one is; a different value against
     * the one in force is a conflict, recorded with its winner. Three batches, whatever the count.
     */
    public void admit(long enteId, int year, String period, Instant receivedAt, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return;
        }
        Map<IndicatorKey, InForce> previous = current(enteId, year, period,
                candidates.stream().map(Candidate::key).toList());
        Timestamp received = Timestamp.from(receivedAt);
        Timestamp now = Timestamp.from(Instant.now());
        BatchInsert.Rows added = insertInForce.rows();
        List<SqlParameterSource> replaced = new ArrayList<>();
        BatchInsert.Rows conflicts = insertConflict.rows();
        for (Candidate c : candidates) {
            String value = normalised(c.value());
            InForce before = previous.get(c.key());
            if (before == null) {
                added.add(row -> row
                        .set("ente_id", enteId)
                        .set("plan_year", year)
                        .set("period", period)
                        .set("objective_code", c.key().objectiveCode())
                        .set("indicator_code", c.key().code())
                        .set("occurrence", c.key().occurrence())
                        .set("value_id", c.valueId())
                        .set("normalised", value)
                        .set("received_at", received));
                continue;
            }
            boolean wins = replaces(receivedAt, before.receivedAt());
            if (wins) {
                replaced.add(new MapSqlParameterSource().addValue("ente", enteId)
                        .addValue("year", year).addValue("period", period)
                        .addValue("objective", c.key().objectiveCode()).addValue("code", c.key().code())
                        .addValue("occurrence", c.key().occurrence()).addValue("valueId", c.valueId())
                        .addValue("normalised", value).addValue("receivedAt", received));
            }
            if (!before.normalised().equals(value)) {
                long winner = wins ? c.valueId() : before.valueId();
                long loser = wins ? before.valueId() : c.valueId();
                conflicts.add(row -> row
                        .set("winner_id", winner)
                        .set("loser_id", loser)
                        .set("detected_at", now)
                        .set("ente_id", enteId)
                        .set("plan_year", year)
                        .set("period", period));
            }
        }
        added.flush();
        if (!replaced.isEmpty()) {
            named.batchUpdate("UPDATE value_in_force SET value_id = :valueId, normalised = :normalised,"
                    + " received_at = :receivedAt WHERE ente_id = :ente AND plan_year = :year AND period = :period"
                    + " AND objective_code = :objective AND indicator_code = :code AND occurrence = :occurrence",
                    replaced.toArray(SqlParameterSource[]::new));
        }
        conflicts.flush();
    }

    /**
     * The values in force for the period of the given (objective, indicator code) pairs: only the
     * rows the file can replace, so the cost does not grow with the values stored by earlier files.
     * One query per objective: with a list of several objectives H2 no longer used the primary key
     * and read every value in force of the period, for every file. An objective's rows are at most
     * its indicators; the codes the file does not answer are left out here.
     */
    private Map<IndicatorKey, InForce> current(long enteId, int year, String period, List<IndicatorKey> keys) {
        Map<String, Set<String>> codesByObjective = new LinkedHashMap<>();
        keys.forEach(k -> codesByObjective.computeIfAbsent(k.objectiveCode(), o -> new HashSet<>()).add(k.code()));
        Map<IndicatorKey, InForce> current = new HashMap<>();
        codesByObjective.forEach((objective, codes) -> named.query(IN_FORCE_OF_OBJECTIVE, new MapSqlParameterSource()
                .addValue("ente", enteId).addValue("year", year).addValue("period", period)
                .addValue("objective", objective), rs -> {
                    if (codes.contains(rs.getString(2))) {
                        current.put(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                                new InForce(rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                    }
                }));
        return current;
    }

    /**
     * The value as compared for conflicts: numbers without trailing zeros (V11 brought the rows
     * backfilled by V5 to the same form), so the same value sent again is no conflict.
     */
    static String normalised(ActualValue value) {
        return value.kind().name() + "|" + (value.number() == null ? ""
                : value.number().stripTrailingZeros().toPlainString()) + "|"
                + (value.unit() == null ? "" : value.unit().name()) + "|"
                + (value.date() == null ? "" : Date.valueOf(value.date()).toString());
    }
}
