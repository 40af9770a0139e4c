package it.pa.monitor.plan;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The sheets of a plan workbook that could be read as tables. */
record PlanWorkbook(Map<PlanSheet, SheetTable> tables) {

    PlanWorkbook {
        tables = tables.isEmpty() ? Map.of() : new EnumMap<>(tables);
    }

    Optional<SheetTable> table(PlanSheet sheet) {
        return Optional.ofNullable(tables.get(sheet));
    }
}
