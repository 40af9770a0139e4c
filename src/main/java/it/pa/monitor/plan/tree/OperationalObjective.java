package it.pa.monitor.plan.tree;

import java.math.BigDecimal;
import java.util.List;

/** An obiettivo or progetto operativo (OO/PO), weighted within its OS, with the units involved. */
public record OperationalObjective(
        String code,
        String description,
        String strategicObjectiveCode,
        BigDecimal weight,
        List<String> unitCodes,
        int rowNo) {

    public OperationalObjective {
        unitCodes = List.copyOf(unitCodes);
    }
}
