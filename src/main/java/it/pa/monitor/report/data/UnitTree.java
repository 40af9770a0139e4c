package it.pa.monitor.report.data;

import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.UnitType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The units as Sintesi lists them: areas (and top-level units) each followed by the units below
 * it, depth first in plan order; then, apart, the Esterno units with their own subtree. A unit in a
 * parent cycle is still listed, at the top level.
 *
 * @param internal the ente's own units, in tree order
 * @param external the Esterno units (aziende speciali, fondazioni) and the units below them
 */
public record UnitTree(List<Line> internal, List<Line> external) {

    /** One unit and how deep it sits below its area (0 for an area or a top-level unit). */
    public record Line(OrgUnit unit, int depth) {

        public boolean area() {
            return unit.type() == UnitType.AREA;
        }
    }

    public UnitTree {
        internal = List.copyOf(internal);
        external = List.copyOf(external);
    }

    public static UnitTree of(List<OrgUnit> units) {
        Map<String, OrgUnit> byCode = new HashMap<>();
        units.forEach(u -> byCode.putIfAbsent(u.code(), u));
        // Children by parent in plan order, built once: no scan of all units per unit.
        Map<String, List<OrgUnit>> children = new LinkedHashMap<>();
        for (OrgUnit unit : units) {
            if (unit.parentCode() != null && unit.type() != UnitType.ESTERNO && !unit.code().equals(unit.parentCode())) {
                children.computeIfAbsent(unit.parentCode(), k -> new ArrayList<>()).add(unit);
            }
        }
        List<Line> internal = new ArrayList<>();
        List<Line> external = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (OrgUnit unit : units) {
            if (unit.type() != UnitType.ESTERNO && (unit.parentCode() == null || !byCode.containsKey(unit.parentCode()))) {
                subtree(unit, children, internal, seen);
            }
        }
        for (OrgUnit unit : units) {
            if (unit.type() == UnitType.ESTERNO && !seen.contains(unit.code())) {
                subtree(unit, children, external, seen);
            }
        }
        for (OrgUnit unit : units) {
            if (!seen.contains(unit.code())) {
                subtree(unit, children, internal, seen);
            }
        }
        return new UnitTree(internal, external);
    }

    /** Depth first without recursion: a deep or cyclic hierarchy cannot overflow the stack. */
    private static void subtree(OrgUnit root, Map<String, List<OrgUnit>> children, List<Line> out, Set<String> seen) {
        List<Line> stack = new ArrayList<>(List.of(new Line(root, 0)));
        while (!stack.isEmpty()) {
            Line line = stack.remove(stack.size() - 1);
            if (!seen.add(line.unit().code())) {
                continue;
            }
            out.add(line);
            List<OrgUnit> below = children.getOrDefault(line.unit().code(), List.of());
            for (int i = below.size() - 1; i >= 0; i--) {
                stack.add(new Line(below.get(i), line.depth() + 1));
            }
        }
    }
}
