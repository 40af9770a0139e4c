package it.pa.monitor.plan;

import java.time.Instant;

/** Which plan workbook a stored plan was loaded from: file name, its sha256 and when. */
public record PlanVersion(String sourceFile, String sha256, Instant loadedAt) {
}
