package it.pa.monitor.plan;

import it.pa.monitor.values.Operator;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.TargetParser;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stores plans in H2 and reads them back; a plan replaces the previous one of its ente and year. */
@Repository
public class PlanRepository {

    private final JdbcTemplate jdbc;

    public PlanRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the plan of the same ente and year in one transaction; reported values stay. */
    @Transactional
    public void replace(Plan plan, String sourceFile, String sha256) {
        long enteId = enteId(plan.ente());
        jdbc.update("DELETE FROM plan WHERE ente_id = ? AND plan_year = ?", enteId, plan.year());
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO plan (ente_id, plan_year, periodicity, source_file,"
                    + " source_sha256, loaded_at) VALUES (?, ?, ?, ?, ?, ?)", new String[] {"id"});
            ps.setLong(1, enteId);
            ps.setInt(2, plan.year());
            ps.setString(3, plan.periodicity().name());
            ps.setString(4, sourceFile);
            ps.setString(5, sha256);
            ps.setTimestamp(6, Timestamp.from(Instant.now()));
            return ps;
        }, key);
        long planId = key.getKey().longValue();

        batch("INSERT INTO methodology_parameter (plan_id, name, param_value) VALUES (?, ?, ?)",
                new ArrayList<>(plan.methodology().parameters().entrySet()), e -> new Object[] {planId, e.getKey(), e.getValue()});
        batch("INSERT INTO org_unit (plan_id, code, name, unit_type, parent_code, head, row_no) VALUES (?, ?, ?, ?, ?, ?, ?)",
                plan.units(), u -> new Object[] {planId, u.code(), u.name(), u.type().name(), u.parentCode(),
                        u.head(), u.rowNo()});
        batch("INSERT INTO ambito (plan_id, code, description, weight, row_no) VALUES (?, ?, ?, ?, ?)",
                plan.ambiti(), a -> new Object[] {planId, a.code(), a.description(), a.weight(), a.rowNo()});
        batch("INSERT INTO strategic_objective (plan_id, code, description, ambito_code, weight, bsc_perspective,"
                        + " missione_code, missione_label, programma_code, programma_label, planned_resources,"
                        + " used_resources, row_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.strategicObjectives(), o -> new Object[] {planId, o.code(), o.description(), o.ambitoCode(),
                        o.weight(), o.bscPerspective(), code(o.missione()), label(o.missione()),
                        code(o.programma()), label(o.programma()), o.plannedResources(), o.usedResources(),
                        o.rowNo()});
        batch("INSERT INTO operational_objective (plan_id, code, description, strategic_objective_code, weight,"
                        + " row_no) VALUES (?, ?, ?, ?, ?, ?)",
                plan.operationalObjectives(), o -> new Object[] {planId, o.code(), o.description(),
                        o.strategicObjectiveCode(), o.weight(), o.rowNo()});
        List<Object[]> involvement = new ArrayList<>();
        for (OperationalObjective o : plan.operationalObjectives()) {
            for (int i = 0; i < o.unitCodes().size(); i++) {
                involvement.add(new Object[] {planId, o.code(), o.unitCodes().get(i), i + 1});
            }
        }
        jdbc.batchUpdate("INSERT INTO operational_objective_unit (plan_id, objective_code, unit_code, seq)"
                + " VALUES (?, ?, ?, ?)", involvement);
        batch("INSERT INTO indicator (plan_id, objective_code, code, occurrence, name, algorithm, source, typology,"
                        + " unit_of_measure, target_raw, target_kind, target_operator, target_explicit_operator,"
                        + " target_value, target_deadline, target_unit, target_next_raw, target_after_next_raw, weight, cumulative,"
                        + " periodicity, responsible_unit_code, row_no, significant)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                plan.indicators(), i -> new Object[] {planId, i.objectiveCode(), i.code(), i.key().occurrence(),
                        i.name(), i.algorithm(), i.source(), i.typology(),
                        i.unit() == null ? null : i.unit().name(), i.target().raw(), i.target().kind().name(),
                        i.target().operator() == null ? null : i.target().operator().name(),
                        i.target().explicitOperator(), i.target().value(),
                        i.target().deadline() == null ? null : Date.valueOf(i.target().deadline()),
                        i.target().unit() == null ? null : i.target().unit().name(),
                        i.targetNext(), i.targetAfterNext(), i.weight(), i.cumulative(), i.periodicity(),
                        i.responsibleUnitCode(), i.rowNo(), i.significant()});
        batch("INSERT INTO scorecard (plan_id, code, dirigente, role, row_no) VALUES (?, ?, ?, ?, ?)",
                plan.scorecards(), s -> new Object[] {planId, s.code(), s.dirigente(), s.role(), s.rowNo()});
        List<Object[]> scorecardRows = new ArrayList<>();
        for (Scorecard s : plan.scorecards()) {
            for (int i = 0; i < s.rows().size(); i++) {
                ScorecardRow r = s.rows().get(i);
                scorecardRows.add(new Object[] {planId, s.code(), i + 1, r.reference(), r.objectiveCode(),
                        r.indicatorCode(), r.referencesIndicator() ? r.occurrence() : null, r.weight(), r.rowNo(),
                        r.target() == null ? null : r.target().raw()});
            }
        }
        jdbc.batchUpdate("INSERT INTO scorecard_row (plan_id, scorecard_code, seq, reference, ref_objective_code,"
                + " ref_indicator_code, ref_occurrence, weight, row_no, target_raw)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", scorecardRows);
        List<Object[]> pira = new ArrayList<>();
        for (int i = 0; i < plan.pira().size(); i++) {
            PiraLink p = plan.pira().get(i);
            pira.add(new Object[] {planId, i + 1, code(p.missione()), label(p.missione()), code(p.programma()),
                    label(p.programma()), p.objectiveCode(), p.indicator().objectiveCode(), p.indicator().code(),
                    p.indicator().occurrence(), p.rowNo()});
        }
        jdbc.batchUpdate("INSERT INTO pira_link (plan_id, seq, missione_code, missione_label, programma_code,"
                + " programma_label, objective_code, ref_objective_code, ref_indicator_code, ref_occurrence, row_no)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", pira);
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < plan.history().size(); i++) {
            HistoricalResult h = plan.history().get(i);
            history.add(new Object[] {planId, i + 1, h.year(), h.level().name(), h.code(), h.value(), h.result(),
                    h.rowNo()});
        }
        jdbc.batchUpdate("INSERT INTO plan_history (plan_id, seq, history_year, item_level, code, raw_value,"
                + " achievement, row_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", history);
    }

    /** The stored plan of an ente and year, as it was loaded. */
    @Transactional(readOnly = true)
    public Optional<Plan> find(String ente, int year) {
        List<Object[]> plans = jdbc.query("SELECT p.id, p.periodicity FROM plan p JOIN ente e ON e.id = p.ente_id"
                + " WHERE e.name = ? AND p.plan_year = ?", (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)},
                ente, year);
        if (plans.isEmpty()) {
            return Optional.empty();
        }
        long planId = (Long) plans.get(0)[0];
        Map<String, String> methodology = new LinkedHashMap<>();
        jdbc.query("SELECT name, param_value FROM methodology_parameter WHERE plan_id = ? ORDER BY name",
                rs -> {
                    methodology.put(rs.getString(1), rs.getString(2));
                }, planId);
        List<OrgUnit> units = jdbc.query("SELECT * FROM org_unit WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> new OrgUnit(rs.getString("code"), rs.getString("name"),
                        UnitType.valueOf(rs.getString("unit_type")), rs.getString("parent_code"), rs.getString("head"),
                        rs.getInt("row_no")), planId);
        List<Ambito> ambiti = jdbc.query("SELECT * FROM ambito WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> new Ambito(rs.getString("code"), rs.getString("description"), weight(rs),
                        rs.getInt("row_no")), planId);
        List<StrategicObjective> strategic = jdbc.query(
                "SELECT * FROM strategic_objective WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> new StrategicObjective(rs.getString("code"), rs.getString("description"),
                        rs.getString("ambito_code"), weight(rs), rs.getString("bsc_perspective"),
                        codedLabel(rs, "missione"), codedLabel(rs, "programma"),
                        rs.getBigDecimal("planned_resources"), rs.getBigDecimal("used_resources"),
                        rs.getInt("row_no")), planId);
        Map<String, List<String>> unitsByObjective = new LinkedHashMap<>();
        jdbc.query("SELECT objective_code, unit_code FROM operational_objective_unit WHERE plan_id = ?"
                + " ORDER BY objective_code, seq", rs -> {
                    unitsByObjective.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }, planId);
        List<OperationalObjective> operational = jdbc.query(
                "SELECT * FROM operational_objective WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> new OperationalObjective(rs.getString("code"), rs.getString("description"),
                        rs.getString("strategic_objective_code"), weight(rs),
                        unitsByObjective.getOrDefault(rs.getString("code"), List.of()), rs.getInt("row_no")), planId);
        List<Indicator> indicators = jdbc.query("SELECT * FROM indicator WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> indicator(rs), planId);
        Map<String, List<ScorecardRow>> rowsByScorecard = new LinkedHashMap<>();
        jdbc.query("SELECT * FROM scorecard_row WHERE plan_id = ? ORDER BY scorecard_code, seq", rs -> {
            rowsByScorecard.computeIfAbsent(rs.getString("scorecard_code"), k -> new ArrayList<>())
                    .add(new ScorecardRow(rs.getString("reference"), rs.getString("ref_objective_code"),
                            rs.getString("ref_indicator_code"), rs.getObject("ref_occurrence") == null ? 1
                            : rs.getInt("ref_occurrence"), weight(rs), rs.getInt("row_no"),
                            rs.getString("target_raw") == null ? null
                                    : new TargetParser().parse(rs.getString("target_raw"), year)));
        }, planId);
        List<Scorecard> scorecards = jdbc.query("SELECT * FROM scorecard WHERE plan_id = ? ORDER BY row_no",
                (rs, n) -> new Scorecard(rs.getString("code"), rs.getString("dirigente"), rs.getString("role"),
                        rowsByScorecard.getOrDefault(rs.getString("code"), List.of()), rs.getInt("row_no")), planId);
        List<PiraLink> pira = jdbc.query("SELECT * FROM pira_link WHERE plan_id = ? ORDER BY seq",
                (rs, n) -> new PiraLink(codedLabel(rs, "missione"), codedLabel(rs, "programma"),
                        rs.getString("objective_code"), new IndicatorKey(rs.getString("ref_objective_code"),
                        rs.getString("ref_indicator_code"), rs.getInt("ref_occurrence")), rs.getInt("row_no")), planId);
        List<HistoricalResult> history = jdbc.query("SELECT * FROM plan_history WHERE plan_id = ? ORDER BY seq",
                (rs, n) -> new HistoricalResult(rs.getInt("history_year"),
                        HistoryLevel.valueOf(rs.getString("item_level")), rs.getString("code"),
                        rs.getString("raw_value"), rs.getBigDecimal("achievement") == null ? null
                        : rs.getBigDecimal("achievement").stripTrailingZeros(), rs.getInt("row_no")), planId);
        // The parameters were checked, and their problems reported with their cells, when the plan was loaded.
        Methodology parsed = Methodology.from(methodology, (name, message) -> { });
        return Optional.of(new Plan(ente, year, Periodicity.valueOf((String) plans.get(0)[1]), parsed, units,
                ambiti, strategic, operational, indicators, scorecards, pira, history));
    }

    /** The workbook the stored plan of an ente and year was loaded from (templates record its sha256). */
    public Optional<PlanVersion> version(String ente, int year) {
        return jdbc.query("SELECT p.source_file, p.source_sha256, p.loaded_at FROM plan p JOIN ente e"
                        + " ON e.id = p.ente_id WHERE e.name = ? AND p.plan_year = ?",
                (rs, n) -> new PlanVersion(rs.getString(1), rs.getString(2).strip(), rs.getTimestamp(3).toInstant()),
                ente, year).stream().findFirst();
    }

    /** The enti that have a plan for the year, by name. */
    public List<String> entiWithPlan(int year) {
        return jdbc.queryForList("SELECT e.name FROM plan p JOIN ente e ON e.id = p.ente_id WHERE p.plan_year = ?"
                + " ORDER BY e.name", String.class, year);
    }

    private long enteId(String name) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM ente WHERE name = ?", Long.class, name);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            var ps = connection.prepareStatement("INSERT INTO ente (name) VALUES (?)", new String[] {"id"});
            ps.setString(1, name);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    private <T> void batch(String sql, List<T> items, java.util.function.Function<T, Object[]> row) {
        jdbc.batchUpdate(sql, items.stream().map(row).toList());
    }

    private static Indicator indicator(ResultSet rs) throws SQLException {
        String operator = rs.getString("target_operator");
        String unit = rs.getString("unit_of_measure");
        Date deadline = rs.getDate("target_deadline");
        String targetUnit = rs.getString("target_unit");
        Target target = new Target(rs.getString("target_raw"), TargetKind.valueOf(rs.getString("target_kind")),
                operator == null ? null : Operator.valueOf(operator), rs.getBoolean("target_explicit_operator"),
                rs.getBigDecimal("target_value") == null ? null : rs.getBigDecimal("target_value").stripTrailingZeros(),
                targetUnit == null ? null : UnitOfMeasure.valueOf(targetUnit),
                deadline == null ? null : deadline.toLocalDate(), null);
        return new Indicator(new IndicatorKey(rs.getString("objective_code"), rs.getString("code"),
                rs.getInt("occurrence")), rs.getString("name"), rs.getString("algorithm"), rs.getString("source"),
                rs.getString("typology"), unit == null ? null : UnitOfMeasure.valueOf(unit), target,
                rs.getString("target_next_raw"), rs.getString("target_after_next_raw"), weight(rs),
                rs.getBoolean("cumulative"), rs.getString("periodicity"), rs.getString("responsible_unit_code"),
                rs.getInt("row_no"), rs.getBoolean("significant"));
    }

    private static BigDecimal weight(ResultSet rs) throws SQLException {
        BigDecimal weight = rs.getBigDecimal("weight");
        return weight == null ? null : weight.stripTrailingZeros();
    }

    private static CodedLabel codedLabel(ResultSet rs, String prefix) throws SQLException {
        String code = rs.getString(prefix + "_code");
        String label = rs.getString(prefix + "_label");
        return code == null && label == null ? null : new CodedLabel(code, label);
    }

    private static String code(CodedLabel label) {
        return label == null ? null : label.code();
    }

    private static String label(CodedLabel label) {
        return label == null ? null : label.label();
    }
}
