package it.pa.monitor.intake.inbox;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.problem.Severity;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Which file contents (by sha256) were already processed, with what outcome: what makes a rerun idempotent. */
@Repository
public class FileLedger {

    /** A processed file as recorded. */
    public record Entry(long id, String sha256, String fileName, String period, WorkbookKind kind,
                        FileOutcome outcome, String unitCode, int valuesStored, String reason,
                        java.time.Instant processedAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(FileLedger.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;

    public FileLedger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
    }

    /**
     * Makes what is committed survive a power failure, before files leave the inbox on the strength of it. H2
     * hands each commit to the operating system ({@code WRITE_DELAY 0}) but forces its file to the disk only when
     * it closes, so it is told to now ({@code CHECKPOINT SYNC}); PostgreSQL does so at every commit (with its
     * default {@code synchronous_commit}). Should H2 refuse (a user without admin rights, possible only on a
     * database H2 does not open as a file of its own, on a server say: the connections to an embedded file set
     * {@code WRITE_DELAY}, which needs those rights),
     * the files are moved as before, with a warning in the log.
     */
    public void makeDurable() {
        try {
            jdbc.execute((ConnectionCallback<Void>) connection -> {
                if ("H2".equals(connection.getMetaData().getDatabaseProductName())) {
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("CHECKPOINT SYNC");
                    }
                }
                return null;
            });
        } catch (DataAccessException e) {
            log.warn("The database's file could not be forced to the disk before archiving: {}", e.getMessage());
        }
    }

    public Optional<Entry> find(String sha256) {
        return named.query("SELECT * FROM submitted_file WHERE sha256 = :sha256", Map.of("sha256", sha256),
                (rs, n) -> entry(rs)).stream().findFirst();
    }

    /** The files processed by one run, in processing order. */
    public List<Entry> processedBy(long jobExecutionId) {
        return named.query("SELECT * FROM submitted_file WHERE job_execution_id = :job ORDER BY id",
                Map.of("job", jobExecutionId), (rs, n) -> entry(rs));
    }

    /** How many warnings the files accepted by one run carry, in one query. */
    public int warningsOfAccepted(long jobExecutionId) {
        return named.queryForObject("SELECT COUNT(*) FROM file_problem p JOIN submitted_file f ON f.id = p.file_id"
                + " WHERE f.job_execution_id = :job AND f.status = 'ACCEPTED' AND f.kind <> 'PLAN'"
                + " AND p.severity = 'AVVISO'", Map.of("job", jobExecutionId), Integer.class);
    }

    /** The problems recorded for a file, in the order they were found. */
    public List<Problem> problems(long fileId) {
        return named.query("SELECT * FROM file_problem WHERE file_id = :file ORDER BY seq", Map.of("file", fileId),
                (rs, n) -> new Problem(Severity.valueOf(rs.getString("severity")), null, rs.getString("sheet"),
                        rs.getString("cell"), rs.getObject("row_no", Integer.class), rs.getString("column_name"),
                        rs.getString("raw"), rs.getString("message")));
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        Timestamp processed = rs.getTimestamp("processed_at");
        return new Entry(rs.getLong("id"), rs.getString("sha256"), rs.getString("file_name"), rs.getString("period"),
                WorkbookKind.valueOf(rs.getString("kind")), FileOutcome.valueOf(rs.getString("status")),
                rs.getString("unit_code"), rs.getInt("values_stored"), rs.getString("reason"),
                processed.toInstant());
    }
}
