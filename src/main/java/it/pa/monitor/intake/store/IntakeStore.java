package it.pa.monitor.intake.store;

import it.pa.monitor.intake.inbox.FileOutcome;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.WorkbookKind;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.jdbc.BatchInsert;
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

    private Long enteId(String name) {
        return named.queryForList("SELECT id FROM ente WHERE name = :name", Map.of("name", name), Long.class)
                .stream().findFirst().orElse(null);
    }

    private long insert(ProcessedFile processed, String period, Long jobExecutionId, Long enteId) {
        InboxFile file = processed.file();
        boolean accepted = processed.outcome() == FileOutcome.ACCEPTED;
        long fileId = insertFile.insertValuesReturningKey(new Object[] {file.sha256(), file.fileName(), period,
                file.kind().name(), processed.outcome().name(), enteId, processed.unitCode(), processed.sheetName(),
                processed.compiledBy(), Timestamp.from(file.receivedAt()), Timestamp.from(Instant.now()), file.size(),
                accepted ? processed.values().size() + processed.overrides().size() : 0, jobExecutionId,
                processed.reason()}, "id");
        if (!processed.problems().isEmpty()) {
            BatchInsert.ValueRows problems = insertProblem.valueRows();
            for (int i = 0; i < processed.problems().size(); i++) {
                Problem p = processed.problems().get(i);
                problems.add(fileId, i + 1, p.severity().name(), p.sheet(), p.cell(), p.row(), p.column(), p.raw(),
                        p.message());
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
        List<Object[]> rows = new ArrayList<>(processed.values().size());
        for (ProcessedFile.Value v : processed.values()) {
            ActualValue a = v.value();
            rows.add(new Object[] {enteId, processed.planYear(), period, v.key().objectiveCode(), v.key().code(),
                    v.key().occurrence(), a.raw(), received, fileId, processed.sheetName(), v.cell(),
                    processed.unitCode(), a.kind().name(), a.number(), a.unit() == null ? null : a.unit().name(),
                    a.date() == null ? null : Date.valueOf(a.date()), v.note()});
        }
        List<Long> ids = insertValue.insertValuesReturningKeys(rows, "id");
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
        BatchInsert.ValueRows rows = insertOverride.valueRows();
        for (ProcessedFile.Override o : processed.overrides()) {
            IndicatorKey key = o.decision().key();
            rows.add(enteId, processed.planYear(), o.period(), key.objectiveCode(), key.code(), key.occurrence(),
                    o.decision().level(), o.decision().motivation(), o.decision().author(),
                    o.decidedOn() == null ? null : Date.valueOf(o.decidedOn()), fileId, processed.sheetName(),
                    o.cell(), Timestamp.from(receivedAt));
        }
        rows.flush();
    }
}
