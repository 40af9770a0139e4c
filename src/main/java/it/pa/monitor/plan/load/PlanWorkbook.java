package it.pa.monitor.plan.load;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * The sheets of a plan workbook that could be read as tables; the Indicatori table's rows may have been assembled
 * as they were read instead of kept ({@code indicatorsAhead}, see {@link PlanAssembler#indicatorsAhead}).
 */
public record PlanWorkbook(Map<PlanSheet, SheetTable> tables, IndicatorRows indicatorsAheadOrNull) {

    public PlanWorkbook {
        tables = tables.isEmpty() ? Map.of() : new EnumMap<>(tables);
    }

    public PlanWorkbook(Map<PlanSheet, SheetTable> tables) {
        this(tables, null);
    }

    public Optional<SheetTable> table(PlanSheet sheet) {
        return Optional.ofNullable(tables.get(sheet));
    }

    /** The Indicatori rows assembled as they were read; then the table holds none of them. */
    Optional<IndicatorRows> indicatorsAhead() {
        return Optional.ofNullable(indicatorsAheadOrNull);
    }
}
