package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.InboxScanner;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.plan.PlanCounts;
import it.pa.monitor.plan.load.PlanLoadOutcome;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.results.PeriodScoring;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Repository;

/**
 * What one run found and did, in the database (tables run_*, beside the ledger): the scan's files,
 * the files skipped, the plans loaded, the scores, the workbooks written. A run is a job instance:
 * its outcomes are read from any of its executions, so a restarted execution sees what the failed one
 * did, and nothing rides in the job's execution context.
 */
@Repository
public class RunOutcomes {

    private static final String FOUND = "FOUND";
    private static final String SKIPPED = "SKIPPED";
    private static final String DUPLICATE = "DUPLICATE";
    private static final String VALUE = "VALORE";

    private final NamedParameterJdbcTemplate jdbc;
    private final JobRepository jobs;
    private final FileLedger ledger;
    private final SimpleJdbcInsert inboxFiles;
    private final SimpleJdbcInsert plans;
    private final SimpleJdbcInsert scores;
    private final SimpleJdbcInsert workbooks;

    public RunOutcomes(NamedParameterJdbcTemplate jdbc, JobRepository jobs, FileLedger ledger) {
        this.jdbc = jdbc;
        this.jobs = jobs;
        this.ledger = ledger;
        var template = jdbc.getJdbcTemplate();
        this.inboxFiles = new SimpleJdbcInsert(template).withTableName("run_inbox_file")
                .usingColumns("job_execution_id", "status", "file_name", "path", "sha256", "kind", "size_bytes",
                        "received_at", "reason");
        this.plans = new SimpleJdbcInsert(template).withTableName("run_plan")
                .usingColumns("job_execution_id", "file_id", "ente", "plan_year", "areas", "servizi", "uffici",
                        "esterni", "ambiti", "strategic_objectives", "operational_objectives", "indicators",
                        "scorecards", "scorecard_rows", "pira_links");
        this.scores = new SimpleJdbcInsert(template).withTableName("run_score")
                .usingColumns("job_execution_id", "ente", "plan_year", "period", "ente_result", "scored",
                        "indicators", "judgement")
                .usingGeneratedKeyColumns("id");
        this.workbooks = new SimpleJdbcInsert(template).withTableName("run_workbook")
                .usingColumns("job_execution_id", "path");
    }

    /** The executions of the run (job instance) that {@code execution} belongs to, first to last. */
    public List<Long> executionsOf(JobExecution execution) {
        return jobs.getJobExecutions(execution.getJobInstance()).stream().map(JobExecution::getId).sorted().toList();
    }

    void saveScan(long executionId, InboxScanner.Scan scan) {
        List<MapSqlParameterSource> rows = new ArrayList<>();
        scan.files().forEach(f -> rows.add(file(executionId, FOUND, f, null)));
        scan.skipped().forEach(s -> rows.add(row(executionId, SKIPPED, s.fileName(), s.reason())));
        inboxFiles.executeBatch(rows.toArray(MapSqlParameterSource[]::new));
    }

    /** A file whose content was already processed (dropped twice), for the summary. */
    void addDuplicate(long executionId, InboxFile file, String reason) {
        inboxFiles.execute(file(executionId, DUPLICATE, file, reason));
    }

    /** The files the scan found, in processing order. */
    List<InboxFile> files(JobExecution run) {
        return jdbc.query("SELECT * FROM run_inbox_file WHERE job_execution_id IN (:ids) AND status = 'FOUND'"
                + " ORDER BY id", ids(run), (rs, n) -> new InboxFile(rs.getString("path"), rs.getString("file_name"),
                rs.getString("sha256"), WorkbookKind.valueOf(rs.getString("kind")), rs.getLong("size_bytes"),
                rs.getTimestamp("received_at").toInstant()));
    }

    /**
     * The files left in the inbox by the scan, then those already processed (dropped twice). A file the
     * run itself stored before a restart, met again by the restarted step, is not a duplicate of itself.
     */
    List<SkippedFile> skipped(JobExecution run) {
        return jdbc.query("SELECT r.file_name, r.reason FROM run_inbox_file r WHERE r.job_execution_id IN (:ids)"
                + " AND (r.status = 'SKIPPED' OR (r.status = 'DUPLICATE' AND NOT EXISTS (SELECT 1 FROM"
                + " submitted_file f WHERE f.sha256 = r.sha256 AND f.file_name = r.file_name"
                + " AND f.job_execution_id IN (:ids))))"
                + " ORDER BY CASE WHEN r.status = 'SKIPPED' THEN 0 ELSE 1 END, r.id", ids(run),
                (rs, n) -> new SkippedFile(rs.getString("file_name"), rs.getString("reason")));
    }

    void savePlan(long executionId, long fileId, PlanLoadOutcome outcome) {
        PlanCounts c = outcome.counts();
        MapSqlParameterSource row = new MapSqlParameterSource("job_execution_id", executionId)
                .addValue("file_id", fileId).addValue("ente", outcome.ente()).addValue("plan_year", outcome.year());
        row.addValue("areas", c == null ? null : c.areas()).addValue("servizi", c == null ? null : c.servizi())
                .addValue("uffici", c == null ? null : c.uffici()).addValue("esterni", c == null ? null : c.esterni())
                .addValue("ambiti", c == null ? null : c.ambiti())
                .addValue("strategic_objectives", c == null ? null : c.strategicObjectives())
                .addValue("operational_objectives", c == null ? null : c.operationalObjectives())
                .addValue("indicators", c == null ? null : c.indicators())
                .addValue("scorecards", c == null ? null : c.scorecards())
                .addValue("scorecard_rows", c == null ? null : c.scorecardRows())
                .addValue("pira_links", c == null ? null : c.piraLinks());
        plans.execute(row);
    }

    /** The plan workbooks the run read, with their problems as the ledger keeps them. */
    List<PlanLoadOutcome> plans(JobExecution run) {
        return jdbc.query("SELECT p.*, f.file_name, f.status FROM run_plan p JOIN submitted_file f ON f.id = p.file_id"
                + " WHERE p.job_execution_id IN (:ids) ORDER BY p.id", ids(run), (rs, n) -> plan(rs));
    }

    private PlanLoadOutcome plan(ResultSet rs) throws SQLException {
        PlanCounts counts = rs.getObject("areas") == null ? null : new PlanCounts(rs.getInt("areas"),
                rs.getInt("servizi"), rs.getInt("uffici"), rs.getInt("esterni"), rs.getInt("ambiti"),
                rs.getInt("strategic_objectives"), rs.getInt("operational_objectives"), rs.getInt("indicators"),
                rs.getInt("scorecards"), rs.getInt("scorecard_rows"), rs.getInt("pira_links"));
        List<Problem> problems = ledger.problems(rs.getLong("file_id"));
        return new PlanLoadOutcome(rs.getString("file_name"), "ACCEPTED".equals(rs.getString("status")),
                rs.getString("ente"), (Integer) rs.getObject("plan_year", Integer.class), counts, problems);
    }

    void saveScores(long executionId, List<PeriodScoring.Outcome> outcomes) {
        for (PeriodScoring.Outcome o : outcomes) {
            long id = scores.executeAndReturnKey(new MapSqlParameterSource("job_execution_id", executionId)
                    .addValue("ente", o.ente()).addValue("plan_year", o.year()).addValue("period", o.period())
                    .addValue("ente_result", o.enteResult()).addValue("scored", o.scored())
                    .addValue("indicators", o.indicators()).addValue("judgement", o.judgement())).longValue();
            List<MapSqlParameterSource> notes = new ArrayList<>();
            o.valueWarnings().forEach(m -> notes.add(note(id, notes.size() + 1, VALUE, m)));
            jdbc.batchUpdate("INSERT INTO run_score_note (score_id, seq, kind, message)"
                    + " VALUES (:score_id, :seq, :kind, :message)", notes.toArray(MapSqlParameterSource[]::new));
        }
    }

    /** What the scoring step said about each ente's results. */
    List<PeriodScoring.Outcome> scores(JobExecution run) {
        List<PeriodScoring.Outcome> outcomes = new ArrayList<>();
        jdbc.query("SELECT * FROM run_score WHERE job_execution_id IN (:ids) ORDER BY id", ids(run), rs -> {
            long id = rs.getLong("id");
            Map<String, Object> score = Map.of("score_id", id);
            List<String> values = jdbc.queryForList("SELECT message FROM run_score_note WHERE score_id = :score_id"
                    + " AND kind = '" + VALUE + "' ORDER BY seq", score, String.class);
            outcomes.add(new PeriodScoring.Outcome(rs.getString("ente"), rs.getInt("plan_year"),
                    rs.getString("period"), rs.getBigDecimal("ente_result"), rs.getInt("scored"),
                    rs.getInt("indicators"), rs.getString("judgement"), values));
        });
        return outcomes;
    }

    void saveWorkbooks(long executionId, List<Path> written) {
        workbooks.executeBatch(written.stream().map(p -> new MapSqlParameterSource("job_execution_id", executionId)
                .addValue("path", p.toAbsolutePath().normalize().toString())).toArray(MapSqlParameterSource[]::new));
    }

    /** The consolidated workbooks the report step wrote. */
    List<Path> workbooks(JobExecution run) {
        return jdbc.queryForList("SELECT path FROM run_workbook WHERE job_execution_id IN (:ids) ORDER BY id",
                ids(run), String.class).stream().map(Path::of).toList();
    }

    private MapSqlParameterSource ids(JobExecution run) {
        return new MapSqlParameterSource("ids", executionsOf(run));
    }

    private static MapSqlParameterSource row(long executionId, String status, String fileName, String reason) {
        return new MapSqlParameterSource("job_execution_id", executionId).addValue("status", status)
                .addValue("file_name", fileName).addValue("reason", reason).addValue("path", null)
                .addValue("sha256", null).addValue("kind", null).addValue("size_bytes", null)
                .addValue("received_at", null);
    }

    private static MapSqlParameterSource file(long executionId, String status, InboxFile f, String reason) {
        return row(executionId, status, f.fileName(), reason).addValue("path", f.path()).addValue("sha256", f.sha256())
                .addValue("kind", f.kind().name()).addValue("size_bytes", f.size())
                .addValue("received_at", Timestamp.from(f.receivedAt()));
    }

    private static MapSqlParameterSource note(long scoreId, int seq, String kind, String message) {
        return new MapSqlParameterSource("score_id", scoreId).addValue("seq", seq).addValue("kind", kind)
                .addValue("message", message);
    }
}
