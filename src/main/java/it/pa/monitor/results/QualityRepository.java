package it.pa.monitor.results;

import it.pa.monitor.jdbc.StreamedQuery;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.problem.Severity;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.values.Period;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads what the data-quality sheet and the run summary report about a period. */
@Repository
public class QualityRepository {

    private static final String FILE_ISSUES = "SELECT f.file_name, p.severity, p.sheet, p.cell, p.row_no,"
            + " p.column_name, p.raw, p.message FROM file_problem p JOIN submitted_file f ON f.id = p.file_id";

    /** From the problems of a unit's files to the period's: what a unit's own workbook lists. */
    private static final String UNIT_ISSUES = " FROM file_problem p JOIN submitted_file f ON f.id = p.file_id"
            + " LEFT JOIN ente e ON e.id = f.ente_id"
            + " WHERE f.period = :period AND f.unit_code IS NOT NULL AND f.kind = 'MONITORING_SHEET'"
            + " AND (e.name = :ente OR f.ente_id IS NULL)"
            + " AND ((f.status = 'REJECTED' AND p.severity = 'ERRORE') OR (f.status = 'ACCEPTED'"
            + " AND p.severity = 'AVVISO'))";

    /**
     * The conflicts of a period, found by their own key (V21: reported_value has no period index since V20), both
     * values then by id. Package-visible for its test.
     */
    static final String CONFLICTS = "SELECT w.objective_code, w.indicator_code, w.occurrence,"
            + " w.raw_value AS wv, fw.file_name AS wf, w.received_at AS wt, l.raw_value AS lv, fl.file_name AS lf,"
            + " l.received_at AS lt FROM value_conflict c JOIN ente e ON e.id = c.ente_id"
            + " JOIN reported_value w ON w.id = c.winner_id JOIN reported_value l ON l.id = c.loser_id"
            + " JOIN submitted_file fw ON fw.id = w.file_id JOIN submitted_file fl ON fl.id = l.file_id"
            + " WHERE e.name = :ente AND c.plan_year = :year AND c.period = :period ORDER BY c.id";

    /** The problems of one unit's files, found through the unit's files (submitted_file_unit_ix). */
    static final String ISSUES_OF_UNIT = "SELECT f.file_name, p.severity, p.sheet, p.cell, p.row_no, p.column_name,"
            + " p.raw, p.message" + UNIT_ISSUES + " AND f.unit_code = :unit ORDER BY f.received_at, f.id, p.seq";

    /** The most problems a unit's own workbook lists (a unit usually sends a few files, each with up to 200). */
    public static final int MAX_PER_UNIT = 1_000;

    private final NamedParameterJdbcTemplate named;
    private final StreamedQuery streamed;

    public QualityRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.streamed = new StreamedQuery(jdbc);
    }

    public DataQuality load(Plan plan, Period period, List<IndicatorResult> results) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("ente", plan.ente())
                .addValue("year", plan.year()).addValue("period", period.code());
        // Read again each time the sheet lists them, row by row: a period may hold hundreds of thousands.
        String rejectedSql = FILE_ISSUES + " WHERE f.period = :period"
                + " AND f.status = 'REJECTED' AND p.severity = 'ERRORE' AND f.kind <> 'PLAN'"
                + " ORDER BY f.received_at, f.id, p.seq";
        FileIssues rejected = each -> streamed.forEach(rejectedSql, parameters, rs -> each.accept(issue(rs)));
        String warningsSql = FILE_ISSUES + " JOIN ente e ON e.id = f.ente_id"
                + " WHERE e.name = :ente AND f.period = :period AND f.status = 'ACCEPTED' AND p.severity = 'AVVISO'"
                + " AND f.kind <> 'PLAN' ORDER BY f.received_at, f.id, p.seq";
        FileIssues warnings = each -> streamed.forEach(warningsSql, parameters, rs -> each.accept(issue(rs)));
        List<Problem> planIssues = named.query(FILE_ISSUES + " WHERE f.kind = 'PLAN' AND f.id ="
                + " (SELECT MAX(g.id) FROM submitted_file g JOIN ente e ON e.id = g.ente_id WHERE g.kind = 'PLAN'"
                + " AND g.status = 'ACCEPTED' AND e.name = :ente) ORDER BY p.seq", parameters, (rs, n) -> issue(rs));
        // Winner and loser as intake's ValuesInForce recorded them: not decided again here.
        List<DataQuality.Conflict> conflicts = named.query(CONFLICTS, parameters,
                (rs, n) -> new DataQuality.Conflict(key(rs), rs.getString("wv"), rs.getString("wf"),
                        rs.getTimestamp("wt").toInstant(), rs.getString("lv"), rs.getString("lf"),
                        rs.getTimestamp("lt").toInstant()));
        List<DataQuality.AppliedOverride> overrides = named.query("SELECT o.*, f.file_name FROM oiv_override o"
                + " JOIN submitted_file f ON f.id = o.file_id JOIN ente e ON e.id = o.ente_id WHERE e.name = :ente"
                + " AND o.plan_year = :year AND o.period = :period ORDER BY o.received_at, o.id", parameters,
                (rs, n) -> {
                    Date decided = rs.getDate("decided_on");
                    return new DataQuality.AppliedOverride(key(rs), rs.getBigDecimal("override_level"),
                            rs.getString("motivation"), rs.getString("author"),
                            decided == null ? null : decided.toLocalDate(), rs.getString("file_name"));
                });
        List<IndicatorResult> notScored = results.stream().filter(r -> r.status().missing()).toList();
        return new DataQuality(rejected, warnings, unitsMissing(plan, period), conflicts, planIssues, overrides,
                notScored);
    }

    /** The units whose files of the period have problems their own workbooks list ({@link #issuesOf}). */
    public Set<String> unitsWithIssues(String ente, Period period) {
        return new HashSet<>(named.queryForList("SELECT DISTINCT f.unit_code" + UNIT_ISSUES,
                new MapSqlParameterSource("period", period.code()).addValue("ente", ente), String.class));
    }

    /**
     * The problems of the period's files sent by {@code unit}: errors of rejected files and warnings of accepted
     * ones, oldest file first (what the unit's own workbook lists); at most {@link #MAX_PER_UNIT}, then one line
     * counting the others (a unit may have sent many files, each with up to
     * {@link it.pa.monitor.problem.Problems#MAX_PER_SHEET}).
     */
    public List<Problem> issuesOf(String ente, Period period, String unit) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("period", period.code())
                .addValue("ente", ente).addValue("unit", unit);
        // One row more than listed says whether there are more; the database counts them (no row is kept).
        List<Problem> issues = named.query(ISSUES_OF_UNIT + " FETCH FIRST " + (MAX_PER_UNIT + 1) + " ROWS ONLY",
                parameters, (rs, n) -> issue(rs));
        if (issues.size() <= MAX_PER_UNIT) {
            return issues;
        }
        long all = named.queryForObject("SELECT COUNT(*)" + UNIT_ISSUES + " AND f.unit_code = :unit", parameters,
                Long.class);
        List<Problem> listed = new ArrayList<>(issues.subList(0, MAX_PER_UNIT));
        listed.add(new Problem(Severity.AVVISO, null, null, null, null, null, null, String.format(Locale.ITALY,
                "Sono elencati i primi %,d problemi su %,d dei file inviati dall'unità per il periodo. Ogni file"
                + " scartato ha il suo rapporto di errore.", MAX_PER_UNIT, all)));
        return listed;
    }

    /** Units that answer for an indicator or take part in an objective and sent no accepted sheet. */
    public List<String> unitsMissing(Plan plan, Period period) {
        Set<String> expected = new LinkedHashSet<>();
        // A unit answering only for monitoring-only indicators (METHOD.md) is never "missing".
        plan.indicators().stream().filter(i -> !i.monitoringOnly()).map(Indicator::responsibleUnitCode)
                .filter(Objects::nonNull).forEach(expected::add);
        plan.operationalObjectives().stream().map(OperationalObjective::unitCodes).forEach(expected::addAll);
        expected.removeAll(named.queryForList("SELECT DISTINCT f.unit_code FROM submitted_file f JOIN ente e"
                + " ON e.id = f.ente_id WHERE e.name = :ente AND f.period = :period AND f.status = 'ACCEPTED'"
                + " AND f.kind = 'MONITORING_SHEET' AND f.unit_code IS NOT NULL",
                new MapSqlParameterSource("ente", plan.ente()).addValue("period", period.code()), String.class));
        return plan.units().stream().filter(u -> expected.contains(u.code()))
                .map(u -> u.code() + " - " + u.name()).toList();
    }

    private static Problem issue(ResultSet rs) throws SQLException {
        return new Problem(Severity.valueOf(rs.getString("severity")), rs.getString("file_name"), rs.getString("sheet"),
                rs.getString("cell"), rs.getObject("row_no", Integer.class), rs.getString("column_name"),
                rs.getString("raw"), rs.getString("message"));
    }

    private static IndicatorKey key(ResultSet rs) throws SQLException {
        return new IndicatorKey(rs.getString("objective_code"), rs.getString("indicator_code"),
                rs.getInt("occurrence"));
    }
}
