package it.pa.monitor.plan.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/** The sheets of a plan workbook that could be read as tables. */
public record PlanWorkbook(Map<PlanSheet, SheetTable> tables) {

    public PlanWorkbook {
        tables = tables.isEmpty() ? Map.of() : new EnumMap<>(tables);
    }

    public Optional<SheetTable> table(PlanSheet sheet) {
        return Optional.ofNullable(tables.get(sheet));
    }
}
