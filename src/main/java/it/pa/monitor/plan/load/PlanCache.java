package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Plan;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The plans last rebuilt from the database, or just stored there (in the form a rebuild gives), so that the
 * steps of a run (intake, scoring, reports) share one instance instead of rebuilding 60 000 indicators each. An entry serves only the stored version it was
 * read from: a plan replaced (new row, new digest, new load time) or deleted is read again. Plans are
 * immutable, so the cached instance is the one handed out, never a copy. Thread-safe; holds at most
 * {@link #CAPACITY} plans, the least recently used dropped first.
 */
final class PlanCache {

    /** Plans kept: a run reads one ente's plan, rarely two. */
    static final int CAPACITY = 2;

    /** The stored version of a plan: its row, the workbook's sha256 and when it was loaded. */
    record Version(long planId, String sha256, Instant loadedAt) {
    }

    private record Key(String ente, int year) {
    }

    private record Entry(Version version, Plan plan) {
    }

    private final Map<Key, Entry> entries = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
            return size() > CAPACITY;
        }
    };

    /** The cached plan of that version; an entry of another version is dropped, so its memory is freed before a rebuild. */
    synchronized Optional<Plan> get(String ente, int year, Version version) {
        Key key = new Key(ente, year);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.version().equals(version)) {
            entries.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.plan());
    }

    synchronized void put(String ente, int year, Version version, Plan plan) {
        entries.put(new Key(ente, year), new Entry(version, plan));
    }

    /** Drops the plan of an ente and year (replaced, or no longer stored). */
    synchronized void forget(String ente, int year) {
        entries.remove(new Key(ente, year));
    }

    synchronized int size() {
        return entries.size();
    }
}
