package it.pa.monitor.plan;

import java.util.List;
import java.util.Map;

/** The year's performance plan of one ente: its structure, tree, indicators and scorecards. */
public record Plan(
        String ente,
        int year,
        Periodicity periodicity,
        Map<String, String> methodology,
        List<OrgUnit> units,
        List<Ambito> ambiti,
        List<StrategicObjective> strategicObjectives,
        List<OperationalObjective> operationalObjectives,
        List<Indicator> indicators,
        List<Scorecard> scorecards,
        List<PiraLink> pira,
        List<HistoricalResult> history) {

    public Plan {
        methodology = Map.copyOf(methodology);
        units = List.copyOf(units);
        ambiti = List.copyOf(ambiti);
        strategicObjectives = List.copyOf(strategicObjectives);
        operationalObjectives = List.copyOf(operationalObjectives);
        indicators = List.copyOf(indicators);
        scorecards = List.copyOf(scorecards);
        pira = List.copyOf(pira);
        history = List.copyOf(history);
    }

    /** A plan without a {@code Storico} sheet. */
    public Plan(String ente, int year, Periodicity periodicity, Map<String, String> methodology, List<OrgUnit> units,
                List<Ambito> ambiti, List<StrategicObjective> strategicObjectives,
                List<OperationalObjective> operationalObjectives, List<Indicator> indicators,
                List<Scorecard> scorecards, List<PiraLink> pira) {
        this(ente, year, periodicity, methodology, units, ambiti, strategicObjectives, operationalObjectives,
                indicators, scorecards, pira, List.of());
    }

    public PlanCounts counts() {
        return PlanCounts.of(this);
    }

    /** The unit with this code or, failing that, this name (case and accents ignored). */
    public java.util.Optional<OrgUnit> findUnit(String codeOrName) {
        return new UnitResolver(units).resolve(codeOrName)
                .flatMap(code -> units.stream().filter(u -> u.code().equals(code)).findFirst());
    }
}
