package it.pa.monitor.intake.store;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.jdbc.BatchInsert;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.results.ValuesInForce;
import it.pa.monitor.values.ActualValue;
import java.sql.Date;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores a processed file in one transaction: its ledger row, its problems, and (when accepted)
 * its values with provenance or its overrides. Values go in with one batch per file and are
 * admitted by {@link ValuesInForce}, which decides which one is in force and records conflicts.
 */
@Repository
public class IntakeStore {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntakeStore.class);

    private final NamedParameterJdbcTemplate named;
    private final RunLocks locks;
    private final ValuesInForce valuesInForce;
    private final BatchInsert insertFile;
    private final BatchInsert insertProblem;
    private final BatchInsert insertValue;
    private final BatchInsert insertOverride;

    public IntakeStore(JdbcTemplate jdbc, RunLocks locks, ValuesInForce valuesInForce) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.locks = locks;
        this.valuesInForce = valuesInForce;
        // Columns named, not taken from the table: a column added later with a default keeps it.
        this.insertFile = BatchInsert.into("submitted_file").column("sha256", Types.CHAR)
                .column("file_name", Types.VARCHAR).column("period", Types.VARCHAR).column("kind", Types.VARCHAR)
                .column("status", Types.VARCHAR).column("ente_id", Types.BIGINT).column("unit_code", Types.VARCHAR)
                .column("sheet_name", Types.VARCHAR).column("compiled_by", Types.VARCHAR)
                .column("received_at", Types.TIMESTAMP).column("processed_at", Types.TIMESTAMP)
                .column("size_bytes", Types.BIGINT).column("values_stored", Types.INTEGER)
                .column("job_execution_id", Types.BIGINT).column("reason", Types.VARCHAR).using(named);
        this.insertProblem = BatchInsert.into("file_problem").column("file_id", Types.BIGINT)
                .column("seq", Types.INTEGER).column("severity", Types.VARCHAR).column("sheet", Types.VARCHAR)
                .column("cell", Types.VARCHAR).column("row_no", Types.INTEGER).column("column_name", Types.VARCHAR)
                .column("raw", Types.VARCHAR).column("message", Types.VARCHAR).using(named);
        this.insertValue = BatchInsert.into("reported_value").column("ente_id", Types.BIGINT)
                .column("plan_year", Types.INTEGER).column("period", Types.VARCHAR)
                .column("objective_code", Types.VARCHAR).column("indicator_code", Types.VARCHAR)
                .column("occurrence", Types.INTEGER).column("raw_value", Types.VARCHAR)
                .column("received_at", Types.TIMESTAMP).column("file_id", Types.BIGINT).column("sheet", Types.VARCHAR)
                .column("cell", Types.VARCHAR).column("unit_code", Types.VARCHAR).column("value_kind", Types.VARCHAR)
                .column("value_number", Types.DECIMAL).column("value_unit", Types.VARCHAR)
                .column("value_date", Types.DATE).column("note", Types.VARCHAR).using(named);
        this.insertOverride = BatchInsert.into("oiv_override").column("ente_id", Types.BIGINT)
                .column("plan_year", Types.INTEGER).column("period", Types.VARCHAR)
                .column("objective_code", Types.VARCHAR).column("indicator_code", Types.VARCHAR)
                .column("occurrence", Types.INTEGER).column("override_level", Types.DECIMAL)
                .column("motivation", Types.VARCHAR).column("author", Types.VARCHAR).column("decided_on", Types.DATE)
                .column("file_id", Types.BIGINT).column("sheet", Types.VARCHAR).column("cell", Types.VARCHAR)
                .column("received_at", Types.TIMESTAMP).using(named);
    }

    /** Returns the ledger id; does nothing and returns the existing id when the content was stored before. */
    @Transactional
    public long store(ProcessedFile processed, String period, Long jobExecutionId) {
        // Values in force are read, then written: one run at a time per period.
        locks.lockPeriod(period);
        List<Long> existing = named.queryForList("SELECT id FROM submitted_file WHERE sha256 = :sha256",
                Map.of("sha256", processed.file().sha256()), Long.class);
        if (!existing.isEmpty()) {
            return existing.get(0);
        }
        return insert(processed, period, jobExecutionId, processed.ente() == null ? null : enteId(processed.ente()));
    }

    /**
     * Stores a file the caller found new: it looked the content up in the ledger in this same transaction,
     * holding the file's lock ({@link RunLocks#lockFile}), as intake's processor does before its writer; the
     * second lookup of {@link #store} would find nothing. {@code enteId} is {@link #enteId} of the file's ente
     * (null when it names none or an unknown one). A content stored meanwhile would break the ledger's unique
     * key rather than be stored twice.
     */
    @Transactional
    public long storeNew(ProcessedFile processed, String period, Long jobExecutionId, Long enteId) {
        locks.lockPeriod(period);
        return insert(processed, period, jobExecutionId, enteId);
    }

    /** The id of the ente with this name, or null when the database has none. */
    public Long enteId(String name) {
        return named.queryForList("SELECT id FROM ente WHERE name = :name", Map.of("name", name), Long.class)
                .stream().findFirst().orElse(null);
    }

    private long insert(ProcessedFile processed, String period, Long jobExecutionId, Long enteId) {
        InboxFile file = processed.file();
        boolean accepted = processed.outcome() == FileOutcome.ACCEPTED;
        long fileId = insertFile.insertReturningKey(row -> row
                .set("sha256", file.sha256())
                .set("file_name", file.fileName())
                .set("period", period)
                .set("kind", file.kind().name())
                .set("status", processed.outcome().name())
                .set("ente_id", enteId)
                .set("unit_code", processed.unitCode())
                .set("sheet_name", processed.sheetName())
                .set("compiled_by", processed.compiledBy())
                .set("received_at", Timestamp.from(file.receivedAt()))
                .set("processed_at", Timestamp.from(Instant.now()))
                .set("size_bytes", file.size())
                .set("values_stored", accepted ? processed.values().size() + processed.overrides().size() : 0)
                .set("job_execution_id", jobExecutionId)
                .set("reason", processed.reason()), "id");
        if (!processed.problems().isEmpty()) {
            BatchInsert.Rows problems = insertProblem.rows();
            for (int i = 0; i < processed.problems().size(); i++) {
                int seq = i + 1;
                Problem p = processed.problems().get(i);
                problems.add(row -> row
                        .set("file_id", fileId)
                        .set("seq", seq)
                        .set("severity", p.severity().name())
                        .set("sheet", p.sheet())
                        .set("cell", p.cell())
                        .set("row_no", p.row())
                        .set("column_name", p.column())
                        .set("raw", p.raw())
                        .set("message", p.message()));
            }
            problems.flush();
        }
        if (accepted && enteId != null) {
            storeValues(processed, period, enteId, fileId, file.receivedAt());
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

    /** The file's values in one batch, which gives their ids, then admitted as a whole. */
    private void storeValues(ProcessedFile processed, String period, long enteId, long fileId, Instant receivedAt) {
        if (processed.values().isEmpty()) {
            return;
        }
        Timestamp received = Timestamp.from(receivedAt);
        List<Long> ids = insertValue.insertReturningKeys(processed.values(), (v, row) -> {
            ActualValue a = v.value();
            row.set("ente_id", enteId)
                    .set("plan_year", processed.planYear())
                    .set("period", period)
                    .set("objective_code", v.key().objectiveCode())
                    .set("indicator_code", v.key().code())
                    .set("occurrence", v.key().occurrence())
                    .set("raw_value", a.raw())
                    .set("received_at", received)
                    .set("file_id", fileId)
                    .set("sheet", processed.sheetName())
                    .set("cell", v.cell())
                    .set("unit_code", processed.unitCode())
                    .set("value_kind", a.kind().name())
                    .set("value_number", a.number())
                    .set("value_unit", a.unit() == null ? null : a.unit().name())
                    .set("value_date", a.date() == null ? null : Date.valueOf(a.date()))
                    .set("note", v.note());
        }, "id");
        List<ValuesInForce.Candidate> candidates = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            ProcessedFile.Value v = processed.values().get(i);
            candidates.add(new ValuesInForce.Candidate(v.key(), ids.get(i), v.value()));
        }
        valuesInForce.admit(enteId, processed.planYear(), period, receivedAt, candidates);
    }

    private void storeOverrides(ProcessedFile processed, long enteId, long fileId, Instant receivedAt) {
        if (processed.overrides().isEmpty()) {
            return;
        }
        Timestamp received = Timestamp.from(receivedAt);
        insertOverride.insert(processed.overrides(), (o, row) -> {
            IndicatorKey key = o.decision().key();
            row.set("ente_id", enteId)
                    .set("plan_year", processed.planYear())
                    .set("period", o.period())
                    .set("objective_code", key.objectiveCode())
                    .set("indicator_code", key.code())
                    .set("occurrence", key.occurrence())
                    .set("override_level", o.decision().level())
                    .set("motivation", o.decision().motivation())
                    .set("author", o.decision().author())
                    .set("decided_on", o.decidedOn() == null ? null : Date.valueOf(o.decidedOn()))
                    .set("file_id", fileId)
                    .set("sheet", processed.sheetName())
                    .set("cell", o.cell())
                    .set("received_at", received);
        });
    }
}
