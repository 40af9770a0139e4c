package it.pa.monitor.results;

import it.pa.monitor.plan.tree.Level;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Results of the years before the plan's, matched by level and code: those scored in this
 * database and, where the database has none, those typed in the plan's {@code Storico} sheet.
 *
 * @param years the earlier years with at least one result, oldest first
 */
public record EarlierYears(List<Integer> years, Map<Key, Entry> entries) {

    public static final EarlierYears NONE = new EarlierYears(List.of(), Map.of());

    public EarlierYears {
        years = List.copyOf(years);
        entries = Map.copyOf(entries);
    }

    /** A level and code in a year; {@code code} as in Risultati ({@code OBJ/CODE} for indicators). */
    public record Key(int year, Level level, String code) {
    }

    /**
     * What is known of an item in a year: the value as typed (indicators), the achievement in points,
     * and whether it came from the plan's Storico sheet rather than from a run of this database.
     */
    public record Entry(String value, BigDecimal result, boolean fromStorico) {
    }

    /**
     * The years scored in this database ({@code scored}) completed by the plan's Storico rows for
     * the codes and years the database does not hold.
     */
    public static EarlierYears of(Map<Key, Entry> scored, it.pa.monitor.plan.Plan plan) {
        Map<Key, Entry> entries = new java.util.LinkedHashMap<>(scored);
        java.util.TreeSet<Integer> years = new java.util.TreeSet<>();
        scored.keySet().forEach(key -> years.add(key.year()));
        for (it.pa.monitor.plan.tree.HistoricalResult row : plan.history()) {
            Key key = new Key(row.year(), row.level(), row.code());
            if (entries.putIfAbsent(key, new Entry(row.value(), row.result(), true)) == null) {
                years.add(row.year());
            }
        }
        return new EarlierYears(List.copyOf(years), entries);
    }

    public Optional<Entry> find(int year, Level level, String code) {
        return Optional.ofNullable(entries.get(new Key(year, level, code)));
    }

    public boolean isEmpty() {
        return years.isEmpty();
    }
}
