package it.pa.monitor.intake.store;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.ActualValue;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a processed file in one transaction: its ledger row, its problems, and (when accepted)
 * its values with provenance or its overrides. A value that differs from one already reported
 * by another file for the same indicator and period is kept too, and the conflict recorded.
 */
@Repository
public class IntakeStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeStore.class);

    /** Keys per value-in-force query: a few hundred pairs keep well inside H2's and PostgreSQL's parameter limits. */
    private static final int KEYS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final RunLocks locks;

    public IntakeStore(JdbcTemplate jdbc, RunLocks locks) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.locks = locks;
    }

    /** Returns the ledger id; does nothing and returns the existing id when the content was stored before. */
    @Transactional
    public long store(ProcessedFile processed, String period, Long jobExecutionId) {
        InboxFile file = processed.file();
        // Values in force are read, then written: one run at a time per period.
        locks.lockPeriod(period);
        List<Long> existing = jdbc.queryForList("SELECT id FROM submitted_file WHERE sha256 = ?", Long.class,
                file.sha256());
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        Long enteId = processed.ente() == null ? null
                : jdbc.queryForList("SELECT id FROM ente WHERE name = ?", Long.class, processed.ente()).stream()
                .findFirst().orElse(null);
        Instant now = Instant.now();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO submitted_file (sha256, file_name, period, kind, status,"
                    + " ente_id, unit_code, sheet_name, compiled_by, received_at, processed_at, size_bytes,"
                    + " values_stored, job_execution_id, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"});
            ps.setString(1, file.sha256());
            ps.setString(2, file.fileName());
            ps.setString(3, period);
            ps.setString(4, file.kind().name());
            ps.setString(5, processed.outcome().name());
            ps.setObject(6, enteId);
            ps.setString(7, processed.unitCode());
            ps.setString(8, processed.sheetName());
            ps.setString(9, processed.compiledBy());
            ps.setTimestamp(10, Timestamp.from(file.receivedAt()));
            ps.setTimestamp(11, Timestamp.from(now));
            ps.setLong(12, file.size());
            ps.setInt(13, processed.outcome() == FileOutcome.ACCEPTED
                    ? processed.values().size() + processed.overrides().size() : 0);
            ps.setObject(14, jobExecutionId);
            ps.setString(15, processed.reason());
            return ps;
        }, key);
        long fileId = key.getKey().longValue();
        List<Object[]> problems = new ArrayList<>();
        for (int i = 0; i < processed.problems().size(); i++) {
            Problem p = processed.problems().get(i);
            problems.add(new Object[] {fileId, i + 1, p.severity().name(), p.sheet(), p.cell(), p.row(), p.column(),
                    p.raw(), p.message()});
        }
        jdbc.batchUpdate("INSERT INTO file_problem (file_id, seq, severity, sheet, cell, row_no, column_name, raw,"
                + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", problems);
        if (processed.outcome() == FileOutcome.ACCEPTED && enteId != null) {
            storeValues(processed, period, enteId, fileId, file.receivedAt(), now);
            storeOverrides(processed, enteId, fileId, file.receivedAt());
        }
        log.info("Stored {} {} as {}: {} values, {} problems", kindLabel(file.kind()), file.fileName(),
                processed.outcome(), processed.values().size() + processed.overrides().size(),
                processed.problems().size());
        return fileId;
    }

    private static String kindLabel(WorkbookKind kind) {
        return switch (kind) {
            case PLAN -> "plan";
            case MONITORING_SHEET -> "monitoring sheet";
            case OVERRIDES -> "overrides";
            case UNKNOWN -> "unknown file";
        };
    }

    private void storeValues(ProcessedFile processed, String period, long enteId, long fileId, Instant receivedAt,
                             Instant now) {
        if (processed.values().isEmpty()) {
            return;
        }
        Map<IndicatorKey, InForce> previous = inForce(enteId, processed.planYear(), period,
                processed.values().stream().map(ProcessedFile.Value::key).toList());
        List<Object[]> rows = new ArrayList<>();
        for (ProcessedFile.Value v : processed.values()) {
            ActualValue a = v.value();
            rows.add(new Object[] {enteId, processed.planYear(), period, v.key().objectiveCode(), v.key().code(),
                    v.key().occurrence(), a.raw(), Timestamp.from(receivedAt), fileId, processed.sheetName(), v.cell(),
                    processed.unitCode(), a.kind().name(), a.number(), a.unit() == null ? null : a.unit().name(),
                    a.date() == null ? null : Date.valueOf(a.date()), v.note()});
        }
        jdbc.batchUpdate("INSERT INTO reported_value (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, raw_value, received_at, file_id, sheet, cell, unit_code, value_kind, value_number,"
                + " value_unit, value_date, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        Map<IndicatorKey, Long> inserted = new HashMap<>();
        jdbc.query("SELECT id, objective_code, indicator_code, occurrence FROM reported_value WHERE file_id = ?",
                rs -> {
                    inserted.put(new IndicatorKey(rs.getString(2), rs.getString(3), rs.getInt(4)), rs.getLong(1));
                }, fileId);
        List<Object[]> conflicts = new ArrayList<>();
        List<Object[]> newKeys = new ArrayList<>();
        List<Object[]> replaced = new ArrayList<>();
        for (ProcessedFile.Value v : processed.values()) {
            long newId = inserted.get(v.key());
            String value = normalised(v.value());
            InForce before = previous.get(v.key());
            if (before == null) {
                newKeys.add(new Object[] {enteId, processed.planYear(), period, v.key().objectiveCode(),
                        v.key().code(), v.key().occurrence(), newId, value, Timestamp.from(receivedAt)});
                continue;
            }
            // The later-received value wins, whatever the order files are processed in.
            boolean newWins = !receivedAt.isBefore(before.receivedAt());
            if (newWins) {
                replaced.add(new Object[] {newId, value, Timestamp.from(receivedAt), enteId, processed.planYear(),
                        period, v.key().objectiveCode(), v.key().code(), v.key().occurrence()});
            }
            if (!before.normalised().equals(value)) {
                conflicts.add(new Object[] {newWins ? newId : before.valueId(), newWins ? before.valueId() : newId,
                        Timestamp.from(now)});
            }
        }
        jdbc.batchUpdate("INSERT INTO value_in_force (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, value_id, normalised, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", newKeys);
        jdbc.batchUpdate("UPDATE value_in_force SET value_id = ?, normalised = ?, received_at = ? WHERE ente_id = ?"
                + " AND plan_year = ? AND period = ? AND objective_code = ? AND indicator_code = ? AND occurrence = ?",
                replaced);
        jdbc.batchUpdate("INSERT INTO value_conflict (winner_id, loser_id, detected_at) VALUES (?, ?, ?)", conflicts);
    }

    /** The value in force for an indicator and period before this file. */
    private record InForce(long valueId, String normalised, Instant receivedAt) {
    }

    /**
     * The values in force for the period of the file's (objective, indicator code) pairs: only the
     * rows this file can replace, so the cost does not grow with the values stored by earlier files
     * (units share indicator codes). The objective list lets H2 and PostgreSQL use the primary key;
     * the row-value list, standard SQL on both, keeps exactly the pairs.
     */
    private Map<IndicatorKey, InForce> inForce(long enteId, int year, String period, List<IndicatorKey> keys) {
        List<Object[]> pairs = keys.stream().map(k -> List.of(k.objectiveCode(), k.code())).distinct()
                .map(List::toArray).toList();
        Map<IndicatorKey, InForce> current = new HashMap<>();
        for (int from = 0; from < pairs.size(); from += KEYS_PER_QUERY) {
            List<Object[]> chunk = pairs.subList(from, Math.min(pairs.size(), from + KEYS_PER_QUERY));
            MapSqlParameterSource parameters = new MapSqlParameterSource()
                    .addValue("ente", enteId).addValue("year", year).addValue("period", period)
                    .addValue("objectives", chunk.stream().map(p -> p[0]).distinct().toList())
                    .addValue("pairs", chunk);
            named.query("SELECT objective_code, indicator_code, occurrence, value_id, normalised, received_at"
                    + " FROM value_in_force WHERE ente_id = :ente AND plan_year = :year AND period = :period"
                    + " AND objective_code IN (:objectives) AND (objective_code, indicator_code) IN (:pairs)",
                    parameters, rs -> {
                        current.put(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                                new InForce(rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toInstant()));
                    });
        }
        return current;
    }

    private static String normalised(ActualValue value) {
        return value.kind().name() + "|" + (value.number() == null ? ""
                : value.number().stripTrailingZeros().toPlainString()) + "|"
                + (value.unit() == null ? "" : value.unit().name()) + "|"
                + (value.date() == null ? "" : Date.valueOf(value.date()).toString());
    }

    private void storeOverrides(ProcessedFile processed, long enteId, long fileId, Instant receivedAt) {
        List<Object[]> rows = new ArrayList<>();
        for (ProcessedFile.Override o : processed.overrides()) {
            IndicatorKey key = o.decision().key();
            rows.add(new Object[] {enteId, processed.planYear(), o.period(), key.objectiveCode(), key.code(),
                    key.occurrence(), o.decision().level(), o.decision().motivation(), o.decision().author(),
                    o.decidedOn() == null ? null : Date.valueOf(o.decidedOn()), fileId, processed.sheetName(),
                    o.cell(), Timestamp.from(receivedAt)});
        }
        jdbc.batchUpdate("INSERT INTO oiv_override (ente_id, plan_year, period, objective_code, indicator_code,"
                + " occurrence, override_level, motivation, author, decided_on, file_id, sheet, cell, received_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }
}
