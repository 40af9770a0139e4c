package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.TargetParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * A plan just stored, in the form {@link PlanRepository} reads it back: decimals rounded to their column's
 * scale (and, where the read strips them, without trailing zeros), lists in the order the reads ask for,
 * scorecard targets parsed again from their text, what is not stored left out. So the plan step can hand the
 * plan it built to the rest of the run instead of reading it again. Empty when the read-back order is not
 * certain (two rows of a list ordered by row number with the same number) or the read would fail (an
 * unparseable indicator target): the caller then reads the plan from the database as before.
 * <p>
 * Kept beside {@link PlanRepository}'s inserts and reads: a column whose type or read changes changes here too
 * ({@code PlanAsStoredTest} compares both on every test plan and on generated ones).
 */
final class PlanAsStored {

    /** {@code DECIMAL(9, 4)}: every weight (V2). */
    private static final int WEIGHT_SCALE = 4;
    /** {@code DECIMAL(18, 2)}: planned and used resources, read with their scale (V2). */
    private static final int RESOURCES_SCALE = 2;
    /** {@code DECIMAL(24, 8)}: an indicator's target value (V2). */
    private static final int TARGET_SCALE = 8;
    /** {@code DECIMAL(30, 12)}: a historical result (V9). */
    private static final int ACHIEVEMENT_SCALE = 12;

    private PlanAsStored() {
    }

    /** The plan as {@link PlanRepository#find} would rebuild it from the rows just inserted, if certain. */
    static Optional<Plan> of(Plan plan) {
        if (plan.indicators().stream().anyMatch(i -> i.target().kind() == TargetKind.UNPARSEABLE)
                || !distinctRows(plan.units(), OrgUnit::rowNo) || !distinctRows(plan.ambiti(), Ambito::rowNo)
                || !distinctRows(plan.strategicObjectives(), StrategicObjective::rowNo)
                || !distinctRows(plan.operationalObjectives(), OperationalObjective::rowNo)
                || !distinctRows(plan.indicators(), Indicator::rowNo)
                || !distinctRows(plan.scorecards(), Scorecard::rowNo)) {
            return Optional.empty();
        }
        TargetParser parser = new TargetParser();
        return Optional.of(new Plan(plan.ente(), plan.year(), plan.periodicity(), plan.methodology(),
                byRow(plan.units(), OrgUnit::rowNo),
                byRow(plan.ambiti(), Ambito::rowNo).stream().map(a -> new Ambito(a.code(), a.description(),
                        stripped(a.weight(), WEIGHT_SCALE), a.rowNo())).toList(),
                byRow(plan.strategicObjectives(), StrategicObjective::rowNo).stream().map(o -> new StrategicObjective(
                        o.code(), o.description(), o.ambitoCode(), stripped(o.weight(), WEIGHT_SCALE),
                        o.bscPerspective(), codedLabel(o.missione()), codedLabel(o.programma()),
                        scaled(o.plannedResources(), RESOURCES_SCALE), scaled(o.usedResources(), RESOURCES_SCALE),
                        o.rowNo())).toList(),
                byRow(plan.operationalObjectives(), OperationalObjective::rowNo).stream().map(o ->
                        new OperationalObjective(o.code(), o.description(), o.strategicObjectiveCode(),
                                stripped(o.weight(), WEIGHT_SCALE), o.unitCodes(), o.rowNo())).toList(),
                byRow(plan.indicators(), Indicator::rowNo).stream().map(PlanAsStored::indicator).toList(),
                byRow(plan.scorecards(), Scorecard::rowNo).stream().map(s -> new Scorecard(s.code(), s.dirigente(),
                        s.role(), s.rows().stream().map(r -> scorecardRow(r, parser, plan.year())).toList(),
                        s.rowNo())).toList(),
                plan.pira().stream().map(p -> new PiraLink(codedLabel(p.missione()), codedLabel(p.programma()),
                        p.objectiveCode(), p.indicator(), p.rowNo())).toList(),
                plan.history().stream().map(h -> new HistoricalResult(h.year(), h.level(), h.code(), h.value(),
                        stripped(h.result(), ACHIEVEMENT_SCALE), h.rowNo())).toList()));
    }

    private static Indicator indicator(Indicator i) {
        Target t = i.target();
        Target stored = new Target(t.raw(), t.kind(), t.operator(), t.explicitOperator(),
                stripped(t.value(), TARGET_SCALE), t.unit(), t.deadline(), null);
        return new Indicator(i.key(), i.name(), i.algorithm(), i.source(), i.typology(), i.unit(), stored,
                i.targetNext(), i.targetAfterNext(), stripped(i.weight(), WEIGHT_SCALE), i.cumulative(),
                i.periodicity(), i.responsibleUnitCode(), i.rowNo(), i.significant());
    }

    /** An objective's row stores no occurrence (read back as 1) and its target as text, parsed again. */
    private static ScorecardRow scorecardRow(ScorecardRow r, TargetParser parser, int year) {
        return new ScorecardRow(r.reference(), r.objectiveCode(), r.indicatorCode(),
                r.referencesIndicator() ? r.occurrence() : 1, stripped(r.weight(), WEIGHT_SCALE), r.rowNo(),
                r.target() == null ? null : parser.parse(r.target().raw(), year));
    }

    /** Rounded as H2 and PostgreSQL round a value assigned to a column of that scale (half up). */
    private static BigDecimal scaled(BigDecimal value, int scale) {
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal stripped(BigDecimal value, int scale) {
        return value == null ? null : scaled(value, scale).stripTrailingZeros();
    }

    /** Code and label are two columns: both empty read back as no label at all. */
    private static CodedLabel codedLabel(CodedLabel label) {
        return label == null || label.code() == null && label.label() == null ? null : label;
    }

    private static <T> List<T> byRow(List<T> items, ToIntFunction<T> rowNo) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(rowNo));
        return sorted;
    }

    private static <T> boolean distinctRows(List<T> items, ToIntFunction<T> rowNo) {
        Set<Integer> seen = new HashSet<>();
        return items.stream().allMatch(item -> seen.add(rowNo.applyAsInt(item)));
    }
}
