package it.pa.monitor.plan.load;

import it.pa.monitor.plan.UnitResolver;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
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

    /** Indicators handed to {@link StoredAhead} at a time: a JDBC batch of the plan's store. */
    static final int STORED_AHEAD_ROWS = 1_000;

    /** Where the indicators go while the sheet is still being read, before the plan is whole and validated. */
    @FunctionalInterface
    public interface StoredAhead {

        /** The indicators assembled so far (the same growing list every time), of the plan of this ente and year. */
        void indicators(String ente, int year, Periodicity periodicity, List<Indicator> soFar);
    }

    private final PlanAssembler assembler;
    private final String ente;
    private final int year;
    private final Periodicity periodicity;
    /** Where they go while read; null when nothing stores them before the plan is whole. */
    private final StoredAhead storedAhead;
    private int handedAhead;
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
        this(assembler, null, year, null, units, unitResolver, held, null);
    }

    IndicatorRows(PlanAssembler assembler, String ente, int year, Periodicity periodicity, List<OrgUnit> units,
                  UnitResolver unitResolver, List<Problem> held, StoredAhead storedAhead) {
        this.assembler = assembler;
        this.ente = ente;
        this.year = year;
        this.periodicity = periodicity;
        this.storedAhead = storedAhead;
        this.units = units;
        this.unitResolver = unitResolver;
        this.held = held;
    }

    /** Assembles the next row of the sheet; every {@value #STORED_AHEAD_ROWS} indicators go ahead to be stored. */
    void add(SheetRow row) {
        assembler.addIndicator(this, row);
        if (storedAhead != null && indicators.size() - handedAhead >= STORED_AHEAD_ROWS) {
            storedAhead.indicators(ente, year, periodicity, indicators);
            handedAhead = indicators.size();
        }
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
