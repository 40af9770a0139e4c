package it.pa.monitor.plan;

import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.StrategicObjective;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The year's performance plan of one ente: its structure, tree, indicators, scorecards and the
 * methodology parsed from its {@code Metodologia} sheet. A class rather than a record because it
 * carries its {@link PlanIndex}, built once with the plan, so every lookup by code is constant time.
 */
public final class Plan {

    private final String ente;
    private final int year;
    private final Periodicity periodicity;
    private final Methodology methodology;
    private final List<OrgUnit> units;
    private final List<Ambito> ambiti;
    private final List<StrategicObjective> strategicObjectives;
    private final List<OperationalObjective> operationalObjectives;
    private final List<Indicator> indicators;
    private final List<Scorecard> scorecards;
    private final List<PiraLink> pira;
    private final List<HistoricalResult> history;
    private final PlanIndex index;

    public Plan(String ente, int year, Periodicity periodicity, Methodology methodology, List<OrgUnit> units,
                List<Ambito> ambiti, List<StrategicObjective> strategicObjectives,
                List<OperationalObjective> operationalObjectives, List<Indicator> indicators,
                List<Scorecard> scorecards, List<PiraLink> pira, List<HistoricalResult> history) {
        this.ente = ente;
        this.year = year;
        this.periodicity = periodicity;
        this.methodology = Objects.requireNonNull(methodology, "methodology");
        this.units = List.copyOf(units);
        this.ambiti = List.copyOf(ambiti);
        this.strategicObjectives = List.copyOf(strategicObjectives);
        this.operationalObjectives = List.copyOf(operationalObjectives);
        this.indicators = List.copyOf(indicators);
        this.scorecards = List.copyOf(scorecards);
        this.pira = List.copyOf(pira);
        this.history = List.copyOf(history);
        this.index = new PlanIndex(this.units, this.ambiti, this.strategicObjectives, this.operationalObjectives,
                this.indicators, this.scorecards);
    }

    /** A plan without a {@code Storico} sheet. */
    public Plan(String ente, int year, Periodicity periodicity, Methodology methodology, List<OrgUnit> units,
                List<Ambito> ambiti, List<StrategicObjective> strategicObjectives,
                List<OperationalObjective> operationalObjectives, List<Indicator> indicators,
                List<Scorecard> scorecards, List<PiraLink> pira) {
        this(ente, year, periodicity, methodology, units, ambiti, strategicObjectives, operationalObjectives,
                indicators, scorecards, pira, List.of());
    }

    public String ente() {
        return ente;
    }

    public int year() {
        return year;
    }

    public Periodicity periodicity() {
        return periodicity;
    }

    /** The scoring rules, parsed once when the plan was loaded. */
    public Methodology methodology() {
        return methodology;
    }

    public List<OrgUnit> units() {
        return units;
    }

    public List<Ambito> ambiti() {
        return ambiti;
    }

    public List<StrategicObjective> strategicObjectives() {
        return strategicObjectives;
    }

    public List<OperationalObjective> operationalObjectives() {
        return operationalObjectives;
    }

    public List<Indicator> indicators() {
        return indicators;
    }

    public List<Scorecard> scorecards() {
        return scorecards;
    }

    public List<PiraLink> pira() {
        return pira;
    }

    public List<HistoricalResult> history() {
        return history;
    }

    /** The plan's lookups by code (objectives, children, indicators, units), built with the plan. */
    public PlanIndex index() {
        return index;
    }

    public PlanCounts counts() {
        return PlanCounts.of(this);
    }

    /** The unit with this code or, failing that, this name (case and accents ignored). */
    public Optional<OrgUnit> findUnit(String codeOrName) {
        return index.units().findUnit(codeOrName);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof Plan p && year == p.year && Objects.equals(ente, p.ente)
                && periodicity == p.periodicity && methodology.equals(p.methodology) && units.equals(p.units)
                && ambiti.equals(p.ambiti) && strategicObjectives.equals(p.strategicObjectives)
                && operationalObjectives.equals(p.operationalObjectives) && indicators.equals(p.indicators)
                && scorecards.equals(p.scorecards) && pira.equals(p.pira) && history.equals(p.history);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ente, year, periodicity, methodology, units, ambiti, strategicObjectives,
                operationalObjectives, indicators, scorecards, pira, history);
    }

    @Override
    public String toString() {
        return "Plan[" + ente + " " + year + ", " + counts() + "]";
    }
}
