package it.pa.monitor.intake.sheet;

import it.pa.monitor.intake.sheet.MonitoringColumn.Naming;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each cell text of a sheet's first rows names ({@link MonitoringColumn#naming}), worked out once for the
 * texts every sheet of a run repeats (the template's headers, objective and indicator names, units, targets);
 * shared by the reading threads. Bounded: long texts are worked out each time, and a full cache starts again
 * empty (a long {@code watch} keeps the texts of the sheets it reads now, not those of its first thousand).
 */
final class HeaderNamings {

    static final int MAX_TEXTS = 20_000;
    private static final int MAX_TEXT_LENGTH = 200;

    private final Map<String, Optional<Naming>> known = new ConcurrentHashMap<>();

    /** What {@code text} names, if anything. */
    Optional<Naming> naming(String text) {
        Optional<Naming> naming = known.get(text);
        if (naming != null) {
            return naming;
        }
        naming = MonitoringColumn.naming(text);
        if (text.length() <= MAX_TEXT_LENGTH) {
            if (known.size() >= MAX_TEXTS) {
                known.clear();
            }
            known.putIfAbsent(text, naming);
        }
        return naming;
    }

    /** How many texts are kept now. */
    int size() {
        return known.size();
    }
}
