package it.pa.monitor.results;

import it.pa.monitor.plan.tree.IndicatorKey;
import java.time.Instant;

/** The value in force for an indicator and period, as typed, with where it came from (FORMATS.md §5 Fonti). */
public record ReportedValue(IndicatorKey key, String raw, String fileName, String sha256, String sheet, String cell,
                            String unitCode, Instant receivedAt) {
}
