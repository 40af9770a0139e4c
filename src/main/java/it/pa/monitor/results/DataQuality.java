package it.pa.monitor.results;

import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.scoring.IndicatorResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What the "Qualità dati" sheet lists for a period: rejected files and why, warnings on accepted
 * files (both read as they are listed, {@link FileIssues}), units that have not submitted, conflicting
 * values, plan inconsistencies, overrides applied and indicators that could not be scored.
 */
public record DataQuality(FileIssues rejected, FileIssues warnings, List<String> unitsMissing,
                          List<Conflict> conflicts, List<Problem> planIssues, List<AppliedOverride> overrides,
                          List<IndicatorResult> notScored) {

    public DataQuality {
        Objects.requireNonNull(rejected);
        Objects.requireNonNull(warnings);
        unitsMissing = List.copyOf(unitsMissing);
        conflicts = List.copyOf(conflicts);
        planIssues = List.copyOf(planIssues);
        overrides = List.copyOf(overrides);
        notScored = List.copyOf(notScored);
    }

    /** With the rejected files' errors and the accepted files' warnings already in memory. */
    public DataQuality(List<Problem> rejected, List<Problem> warnings, List<String> unitsMissing,
                       List<Conflict> conflicts, List<Problem> planIssues, List<AppliedOverride> overrides,
                       List<IndicatorResult> notScored) {
        this(FileIssues.of(rejected), FileIssues.of(warnings), unitsMissing, conflicts, planIssues, overrides,
                notScored);
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
