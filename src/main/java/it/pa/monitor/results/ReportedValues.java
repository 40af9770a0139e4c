package it.pa.monitor.results;

import it.pa.monitor.jdbc.StreamedQuery;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.scoring.OverrideDecision;
import it.pa.monitor.scoring.PeriodScorer;
import it.pa.monitor.values.ActualKind;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.UnitOfMeasure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The values offices reported, as stored by intake: per indicator and period the one in force,
 * as {@link ValuesInForce} decided when it was stored.
 */
@Repository
public class ReportedValues {

    /** A value as read at intake, with the period it was reported for. */
    public record Reported(Period period, ActualValue value) implements PeriodScorer.Reading {
    }

    private final NamedParameterJdbcTemplate named;
    /** The period's tens of thousands of rows, streamed rather than first gathered by the database. */
    private final StreamedQuery streaming;
    private final ActualValueParser parser = new ActualValueParser();

    public ReportedValues(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.streaming = new StreamedQuery(jdbc);
    }

    private static MapSqlParameterSource period(String ente, int year, Period period) {
        return new MapSqlParameterSource("ente", ente).addValue("year", year).addValue("period", period.code());
    }

    /** The OIV overrides of a period: per indicator the one received last applies (the rule of values in force). */
    public Map<IndicatorKey, OverrideDecision> overrides(String ente, int year, Period period) {
        Map<IndicatorKey, OverrideDecision> overrides = new LinkedHashMap<>();
        Map<IndicatorKey, Instant> receivedAt = new HashMap<>();
        // In storing order, so that of two received at the same instant the one stored later applies.
        named.query("SELECT o.* FROM oiv_override o JOIN ente e ON e.id = o.ente_id WHERE e.name = :ente"
                + " AND o.plan_year = :year AND o.period = :period ORDER BY o.id", period(ente, year, period), rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString("objective_code"), rs.getString("indicator_code"),
                            rs.getInt("occurrence"));
                    Instant received = rs.getTimestamp("received_at").toInstant();
                    Instant current = receivedAt.get(key);
                    if (current == null || ValuesInForce.replaces(received, current)) {
                        receivedAt.put(key, received);
                        overrides.put(key, new OverrideDecision(key, rs.getBigDecimal("override_level"),
                                rs.getString("motivation"), rs.getString("author")));
                    }
                });
        return overrides;
    }

    /** Every period of the year with its value in force per indicator, oldest period first. */
    public Map<IndicatorKey, List<Reported>> history(String ente, int year) {
        Map<IndicatorKey, List<Reported>> history = new LinkedHashMap<>();
        Map<String, Period> periods = new HashMap<>();
        streaming.forEach("SELECT r.period, r.objective_code, r.indicator_code, r.occurrence, r.raw_value,"
                + " r.value_kind, r.value_number, r.value_unit, r.value_date FROM " + ValuesInForce.ROWS
                + " JOIN ente e ON e.id = f.ente_id WHERE e.name = :ente AND f.plan_year = :year",
                new MapSqlParameterSource("ente", ente).addValue("year", year), rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString(2), rs.getString(3), rs.getInt(4));
                    // A year has a handful of periods: each code parsed once.
                    Period period = periods.computeIfAbsent(rs.getString(1), Period::parse);
                    history.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Reported(period, value(rs, period)));
                });
        history.values().forEach(values -> values.sort(Comparator.comparing(r -> r.period().referenceDate())));
        return history;
    }

    /**
     * The value as intake normalised it; rows stored without it are parsed from the text. Columns 5 to 9 of
     * the history's query: raw_value, value_kind, value_number, value_unit, value_date.
     */
    private ActualValue value(java.sql.ResultSet rs, Period period) throws java.sql.SQLException {
        String raw = rs.getString(5);
        String kind = rs.getString(6);
        if (kind == null) {
            return parser.parse(CellValue.text(raw), period.year());
        }
        String unit = rs.getString(8);
        UnitOfMeasure unitOfMeasure = unit == null ? null : UnitOfMeasure.valueOf(unit);
        return switch (ActualKind.valueOf(kind)) {
            case NUMBER -> ActualValue.ofNumber(raw, rs.getBigDecimal(7).stripTrailingZeros(),
                    unitOfMeasure);
            case DATE -> ActualValue.ofDate(raw, rs.getDate(9).toLocalDate());
            case YES -> ActualValue.yes(raw);
            case NO -> ActualValue.no(raw);
            case NOT_COMPUTABLE -> ActualValue.notComputable(raw);
            default -> parser.parse(CellValue.text(raw), period.year());
        };
    }

    /**
     * The values in force of a period with their provenance, by indicator key. Ordered by the whole primary key
     * of {@code value_in_force} (its first three columns are fixed here, its last three are the key, the same
     * as the value's), so that H2 reads them in the key's order instead of sorting tens of thousands of rows in
     * a temporary file. Package-visible for its test.
     */
    static final String IN_FORCE = "SELECT r.objective_code, r.indicator_code, r.occurrence, r.raw_value,"
            + " r.sheet, r.cell, r.unit_code, r.received_at, s.file_name, s.sha256 FROM " + ValuesInForce.ROWS
            + " LEFT JOIN submitted_file s ON s.id = r.file_id"
            + " WHERE f.ente_id = :ente AND f.plan_year = :year AND f.period = :period"
            + " ORDER BY f.ente_id, f.plan_year, f.period, f.objective_code, f.indicator_code, f.occurrence";

    /** The value in force per indicator for the period, with its provenance. */
    public Map<IndicatorKey, ReportedValue> inForce(String ente, int year, Period period) {
        Map<IndicatorKey, ReportedValue> values = new LinkedHashMap<>();
        forEachInForce(ente, year, period, v -> values.put(v.key(), v));
        return values;
    }

    /** Streams the values in force for the period, one row at a time (the Fonti sheet of thousands of units). */
    public void forEachInForce(String ente, int year, Period period,
                               java.util.function.Consumer<ReportedValue> consumer) {
        List<Long> enteId = named.queryForList("SELECT id FROM ente WHERE name = :ente",
                new MapSqlParameterSource("ente", ente), Long.class);
        if (enteId.isEmpty()) {
            return;
        }
        streaming.forEach(IN_FORCE, new MapSqlParameterSource("ente", enteId.get(0)).addValue("year", year)
                .addValue("period", period.code()), rs -> {
            consumer.accept(new ReportedValue(new IndicatorKey(rs.getString(1), rs.getString(2), rs.getInt(3)),
                    rs.getString(4), rs.getString(9), rs.getString(10), rs.getString(5), rs.getString(6),
                    rs.getString(7), rs.getTimestamp(8).toInstant()));
        });
    }
}
