package it.pa.monitor.results;

import it.pa.monitor.plan.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.scoring.IndicatorResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the "Qualità dati" sheet lists for a period: rejected files and why, warnings on accepted
 * files, units that have not submitted, conflicting values, plan inconsistencies, overrides
 * applied and indicators that could not be scored.
 */
public record DataQuality(List<Problem> rejected, List<Problem> warnings, List<String> unitsMissing,
                          List<Conflict> conflicts, List<Problem> planIssues, List<AppliedOverride> overrides,
                          List<IndicatorResult> notScored) {

    public DataQuality {
        rejected = List.copyOf(rejected);
        warnings = List.copyOf(warnings);
        unitsMissing = List.copyOf(unitsMissing);
        conflicts = List.copyOf(conflicts);
        planIssues = List.copyOf(planIssues);
        overrides = List.copyOf(overrides);
        notScored = List.copyOf(notScored);
    }

    /** Two files gave different values for the same indicator and period; the winner is the later one. */
    public record Conflict(IndicatorKey key, String winnerValue, String winnerFile, Instant winnerReceivedAt,
                           String loserValue, String loserFile, Instant loserReceivedAt) {
    }

    /** An OIV override applied in the period: a level, or Non valutabile when {@code level} is null. */
    public record AppliedOverride(IndicatorKey key, BigDecimal level, String motivation, String author,
                                  LocalDate decidedOn, String fileName) {
    }
}
