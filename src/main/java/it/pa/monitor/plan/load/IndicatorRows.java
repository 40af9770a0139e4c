package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Indicator;
import it.pa.monitor.plan.OrgUnit;
import it.pa.monitor.plan.UnitResolver;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Target;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The indicators of the Indicatori rows given so far, in row order, assembled one row at a time by
 * {@link PlanAssembler} (see {@link PlanAssembler#indicatorsAhead}), and the problems it found in them.
 */
public final class IndicatorRows {

    private final PlanAssembler assembler;
    private final int year;
    private final List<OrgUnit> units;
    final UnitResolver unitResolver;
    /** Where the problems wait, when they wait: the assembler's own consumer adds to it. */
    private final List<Problem> held;
    final List<Indicator> indicators = new ArrayList<>();
    final Map<String, Integer> occurrences = new HashMap<>();
    // A plan repeats few target texts (">= 95 %" on thousands of rows): each is parsed once. A Target is
    // a value, and parse a function of the texts and the year, so a row gets what parsing its own would give.
    final Map<List<String>, Target> parsedTargets = new HashMap<>();

    IndicatorRows(PlanAssembler assembler, int year, List<OrgUnit> units, UnitResolver unitResolver,
                  List<Problem> held) {
        this.assembler = assembler;
        this.year = year;
        this.units = units;
        this.unitResolver = unitResolver;
        this.held = held;
    }

    /** Assembles the next row of the sheet. */
    void add(SheetRow row) {
        assembler.addIndicator(this, row);
    }

    int year() {
        return year;
    }

    List<OrgUnit> units() {
        return units;
    }

    List<Problem> held() {
        return held;
    }

    List<Indicator> indicators() {
        return indicators;
    }
}
