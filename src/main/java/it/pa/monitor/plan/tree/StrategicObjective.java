package it.pa.monitor.plan.tree;

import java.math.BigDecimal;

/** An obiettivo strategico (OS), weighted within its ambito. */
public record StrategicObjective(
        String code,
        String description,
        String ambitoCode,
        BigDecimal weight,
        String bscPerspective,
        CodedLabel missione,
        CodedLabel programma,
        BigDecimal plannedResources,
        BigDecimal usedResources,
        int rowNo) {
}
