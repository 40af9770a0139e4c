package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.UnitOfMeasure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The values offices reported, as stored by intake: the latest per indicator and period wins. */
@Repository
public class ReportedValues {

    /** A value as read at intake, with the period it was reported for. */
    public record Reported(Period period, ActualValue value) {
    }

    private final JdbcTemplate jdbc;
    private final ActualValueParser parser = new ActualValueParser();

    public ReportedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The OIV overrides of a period: the latest per indicator wins. */
    public Map<IndicatorKey, it.pa.monitor.scoring.OverrideDecision> overrides(String ente, int year, Period period) {
        Map<IndicatorKey, it.pa.monitor.scoring.OverrideDecision> overrides = new LinkedHashMap<>();
        jdbc.query("SELECT o.* FROM oiv_override o JOIN ente e ON e.id = o.ente_id WHERE e.name = ?"
                + " AND o.plan_year = ? AND o.period = ? ORDER BY o.received_at, o.id", rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString("objective_code"), rs.getString("indicator_code"),
                            rs.getInt("occurrence"));
                    overrides.put(key, new it.pa.monitor.scoring.OverrideDecision(key,
                            rs.getBigDecimal("override_level"), rs.getString("motivation"), rs.getString("author")));
                }, ente, year, period.code());
        return overrides;
    }

    /**
     * The values of an ente and year ranked per indicator and period, the latest received first
     * ({@code rank_in_key = 1} is the value in force); one sort instead of a correlated sub-query
     * per row, which grew quadratically with the files of a period.
     */
    private static final String LATEST = "SELECT r.*, ROW_NUMBER() OVER (PARTITION BY r.period, r.objective_code,"
            + " r.indicator_code, r.occurrence ORDER BY r.received_at DESC, r.id DESC) AS rank_in_key"
            + " FROM reported_value r JOIN ente e ON e.id = r.ente_id WHERE e.name = ? AND r.plan_year = ?";

    /** Every period of the year with its latest value per indicator, oldest period first. */
    public Map<IndicatorKey, List<Reported>> history(String ente, int year) {
        Map<IndicatorKey, List<Reported>> history = new LinkedHashMap<>();
        // The latest received row per key and period; ties broken by id, i.e. by arrival order.
        jdbc.query("SELECT v.period, v.objective_code, v.indicator_code, v.occurrence, v.raw_value, v.value_kind,"
                + " v.value_number, v.value_unit, v.value_date FROM (" + LATEST + ") v WHERE v.rank_in_key = 1",
                rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString(2), rs.getString(3), rs.getInt(4));
                    Period period = Period.parse(rs.getString(1));
                    history.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Reported(period, value(rs, period)));
                }, ente, year);
        history.values().forEach(values -> values.sort(
                java.util.Comparator.comparing(r -> r.period().referenceDate())));
        return history;
    }

    /** The value as intake normalised it; rows stored without it are parsed from the text. */
    private ActualValue value(java.sql.ResultSet rs, Period period) throws java.sql.SQLException {
        String raw = rs.getString("raw_value");
        String kind = rs.getString("value_kind");
        if (kind == null) {
            return parser.parse(CellValue.text(raw), period.year());
        }
        String unit = rs.getString("value_unit");
        UnitOfMeasure unitOfMeasure = unit == null ? null : UnitOfMeasure.valueOf(unit);
        return switch (ActualKind.valueOf(kind)) {
            case NUMBER -> ActualValue.ofNumber(raw, rs.getBigDecimal("value_number").stripTrailingZeros(),
                    unitOfMeasure);
            case DATE -> ActualValue.ofDate(raw, rs.getDate("value_date").toLocalDate());
            case YES -> ActualValue.yes(raw);
            case NO -> ActualValue.no(raw);
            case NOT_COMPUTABLE -> ActualValue.notComputable(raw);
            default -> parser.parse(CellValue.text(raw), period.year());
        };
    }

    private static final String IN_FORCE = "SELECT v.objective_code, v.indicator_code, v.occurrence, v.raw_value,"
            + " v.sheet, v.cell, v.unit_code, v.received_at, f.file_name, f.sha256 FROM (" + LATEST + ") v"
            + " LEFT JOIN submitted_file f ON f.id = v.file_id WHERE v.rank_in_key = 1 AND v.period = ?"
            + " ORDER BY v.objective_code, v.indicator_code, v.occurrence";

    /** The value in force per indicator for the period, with its provenance. */
    public Map<IndicatorKey, ReportedValue> inForce(String ente, int year, Period period) {
        Map<IndicatorKey, ReportedValue> values = new LinkedHashMap<>();
        forEachInForce(ente, year, period, v -> values.put(v.key(), v));
        return values;
    }

    /** Streams the values in force for the period, one row at a time (the Fonti sheet of thousands of units). */
    public void forEachInForce(String ente, int year, Period period,
                               java.util.function.Consumer<ReportedValue> consumer) {
        jdbc.query(connection -> {
            var statement = connection.prepareStatement(IN_FORCE);
            statement.setFetchSize(500);
            statement.setString(1, ente);
            statement.setInt(2, year);
            statement.setString(3, period.code());
            return statement;
        }, rs -> {
            consumer.accept(new ReportedValue(new IndicatorKey(rs.getString("objective_code"),
                    rs.getString("indicator_code"), rs.getInt("occurrence")), rs.getString("raw_value"),
                    rs.getString("file_name"), rs.getString("sha256"), rs.getString("sheet"), rs.getString("cell"),
                    rs.getString("unit_code"), rs.getTimestamp("received_at").toInstant()));
        });
    }
}
