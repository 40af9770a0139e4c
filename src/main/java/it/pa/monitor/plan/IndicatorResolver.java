package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The one resolver from (objective code, indicator code, occurrence) to an indicator of the plan,
 * built once per plan: monitoring sheets, overrides, scorecards and the report all find
 * indicators through it. Real plans repeat a code under one objective; rows are told apart by
 * order ({@code #2} for the second row).
 */
public final class IndicatorResolver {

    /** {@code CODE#2}: the explicit occurrence FORMATS.md allows after an indicator code. */
    private static final Pattern OCCURRENCE_SUFFIX = Pattern.compile("^(.*?)\\s*#\\s*(\\d+)$");

    private final Map<String, List<Indicator>> byCode = new HashMap<>();
    /** The objectives having each code, in plan order: more than one makes a code without objective ambiguous. */
    private final Map<String, List<String>> objectivesByCode = new HashMap<>();
    private final Map<ObjectiveCode, List<Indicator>> byObjectiveAndCode = new HashMap<>();
    private final Map<IndicatorKey, Indicator> byKey = new HashMap<>();

    /** The code of an indicator under one objective. */
    private record ObjectiveCode(String objective, String code) {

        /**
         * The record's own hash (31 × objective + code) gives one hash to many keys of a plan whose codes repeat
         * under every objective (IND_11 under OO_01.01.01 and IND_01 under OO_01.01.02): a look-up then compared
         * keys one by one. Written out, equals skips the record's generic comparison.
         */
        @Override
        public int hashCode() {
            return Objects.hashCode(objective) * 0x9E3779B1 + Objects.hashCode(code);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ObjectiveCode that && Objects.equals(objective, that.objective)
                    && Objects.equals(code, that.code);
        }
    }

    IndicatorResolver(List<Indicator> indicators) {
        Map<String, List<Indicator>> grouped = new LinkedHashMap<>();
        Map<ObjectiveCode, List<Indicator>> underObjective = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            grouped.computeIfAbsent(indicator.code(), c -> new java.util.ArrayList<>()).add(indicator);
            underObjective.computeIfAbsent(new ObjectiveCode(indicator.objectiveCode(), indicator.code()),
                    c -> new java.util.ArrayList<>()).add(indicator);
            byKey.put(indicator.key(), indicator);
        }
        grouped.forEach((code, list) -> {
            byCode.put(code, List.copyOf(list));
            objectivesByCode.put(code, list.stream().map(Indicator::objectiveCode).distinct().toList());
        });
        underObjective.forEach((key, list) -> byObjectiveAndCode.put(key, List.copyOf(list)));
    }

    /** The plan's resolver, built once with the plan. */
    public static IndicatorResolver of(Plan plan) {
        return plan.index().indicators();
    }

    /** The indicator with exactly this key. */
    public Optional<Indicator> find(IndicatorKey key) {
        return Optional.ofNullable(byKey.get(key));
    }

    /**
     * The indicator a row means: {@code objective} may be null when the code alone says it;
     * {@code occurrence} is 1 for the first row of the code under its objective.
     */
    public Resolution resolve(String objective, String code, int occurrence) {
        List<Indicator> withCode = byCode.getOrDefault(code, List.of());
        if (withCode.isEmpty()) {
            return new Resolution(Status.UNKNOWN_CODE, null, List.of(), 0);
        }
        List<Indicator> candidates = objective == null ? withCode
                : byObjectiveAndCode.getOrDefault(new ObjectiveCode(objective, code), List.of());
        if (candidates.isEmpty()) {
            return new Resolution(Status.NOT_UNDER_OBJECTIVE, null, List.of(objective), 0);
        }
        List<String> objectives = objective == null ? objectivesByCode.get(code) : List.of(objective);
        if (objectives.size() > 1) {
            return new Resolution(Status.AMBIGUOUS, null, objectives, 0);
        }
        if (occurrence < 1 || occurrence > candidates.size()) {
            return new Resolution(Status.NO_SUCH_OCCURRENCE, null, objectives, candidates.size());
        }
        return new Resolution(Status.FOUND, candidates.get(occurrence - 1), objectives, candidates.size());
    }

    /**
     * Rows that map to a repeated code's occurrences in the order they come, as in monitoring
     * sheets: every row of a code counts, so a second row of a code the plan has once is
     * {@link Status#NO_SUCH_OCCURRENCE}.
     */
    public Sequence inOrder() {
        return new Sequence(false);
    }

    /**
     * Like {@link #inOrder()}, but only codes the plan repeats under their objective are counted:
     * a code the objective has once always maps to that row (overrides: the latest row applies).
     */
    public Sequence inOrderOfRepeatedCodes() {
        return new Sequence(true);
    }

    /** An indicator code as typed, split from its explicit {@code #n} suffix (occurrence 0 when none). */
    public record TypedCode(String code, int occurrence) {

        public static TypedCode parse(String text) {
            Matcher m = OCCURRENCE_SUFFIX.matcher(text.strip());
            return m.matches() ? new TypedCode(m.group(1), Integer.parseInt(m.group(2))) : new TypedCode(text.strip(), 0);
        }

        public boolean explicit() {
            return occurrence > 0;
        }
    }

    /** How a lookup ended. */
    public enum Status { FOUND, UNKNOWN_CODE, NOT_UNDER_OBJECTIVE, AMBIGUOUS, NO_SUCH_OCCURRENCE }

    /**
     * The outcome of a lookup: the indicator when {@link Status#FOUND}; the objectives having the
     * code (several when ambiguous); how many rows the code has under its objective.
     */
    public record Resolution(Status status, Indicator indicator, List<String> objectives, int occurrences) {

        public boolean found() {
            return status == Status.FOUND;
        }
    }

    /** Counts the rows of each (objective, code) met so far, to map each to the next occurrence. */
    public final class Sequence {

        private final boolean repeatedOnly;
        private final Map<String, Integer> seen = new HashMap<>();

        private Sequence(boolean repeatedOnly) {
            this.repeatedOnly = repeatedOnly;
        }

        /** The indicator of the next row for this code (objective may be null when the code says it). */
        public Resolution next(String objective, String code) {
            Resolution first = resolve(objective, code, 1);
            if (!first.found() || (repeatedOnly && first.occurrences() == 1)) {
                return first;
            }
            String resolvedObjective = first.indicator().objectiveCode();
            int occurrence = seen.merge(resolvedObjective + "\u0000" + code, 1, Integer::sum);
            return resolve(resolvedObjective, code, occurrence);
        }
    }
}
