package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.values.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The values offices reported, as stored by intake: the latest per indicator and period wins. */
@Repository
public class ReportedValues {

    /** A value as typed, with the period it was reported for. */
    public record Reported(Period period, String raw) {
    }

    private final JdbcTemplate jdbc;

    public ReportedValues(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every period of the year with its latest value per indicator, oldest period first. */
    public Map<IndicatorKey, List<Reported>> history(String ente, int year) {
        Map<IndicatorKey, List<Reported>> history = new LinkedHashMap<>();
        // The latest received row per key and period; ties broken by id, i.e. by arrival order.
        jdbc.query("SELECT v.period, v.objective_code, v.indicator_code, v.occurrence, v.raw_value"
                + " FROM reported_value v JOIN ente e ON e.id = v.ente_id"
                + " WHERE e.name = ? AND v.plan_year = ? AND NOT EXISTS (SELECT 1 FROM reported_value w"
                + "   WHERE w.ente_id = v.ente_id AND w.plan_year = v.plan_year AND w.period = v.period"
                + "   AND w.objective_code = v.objective_code AND w.indicator_code = v.indicator_code"
                + "   AND w.occurrence = v.occurrence"
                + "   AND (w.received_at > v.received_at OR (w.received_at = v.received_at AND w.id > v.id)))",
                rs -> {
                    IndicatorKey key = new IndicatorKey(rs.getString(2), rs.getString(3), rs.getInt(4));
                    history.computeIfAbsent(key, k -> new ArrayList<>())
                            .add(new Reported(Period.parse(rs.getString(1)), rs.getString(5)));
                }, ente, year);
        history.values().forEach(values -> values.sort(
                java.util.Comparator.comparing(r -> r.period().referenceDate())));
        return history;
    }
}
