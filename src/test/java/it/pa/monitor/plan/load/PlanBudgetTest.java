package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.values.CellValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A plan's budget counts its data rows and the characters of every cell it is given, across rows, as shown. */
class PlanBudgetTest {

    @Test
    void aRowsTextIsTheCharactersOfItsCellsAndTheBudgetIsSpentPastItsLastCharacter() {
        SheetTable.PlanBudget budget = new SheetTable.PlanBudget(7, true, 10, true);
        // "abc" 3 + "de" 2 + the number 30 as shown, "30", 2: 7 characters, the whole budget of characters.
        SheetRow first = new SheetRow(2, Map.of("Codice", CellValue.text("abc"), "Nome", CellValue.text(" de "),
                "Peso", new CellValue("30", BigDecimal.valueOf(30), false, null, null)));
        SheetRow second = new SheetRow(3, Map.of("Codice", CellValue.text("x")));

        assertThat(budget.take(first)).as("7 of 7 characters").isTrue();
        assertThat(budget.take(second)).as("8 of 7 characters").isFalse();
        assertThat(budget.rowsSpent()).as("2 of 10 rows").isFalse();
        assertThat(budget.spent()).isTrue();
    }

    @Test
    void theBudgetIsSpentPastItsLastRow() {
        SheetTable.PlanBudget budget = new SheetTable.PlanBudget(1_000, true, 2, false);
        SheetRow row = new SheetRow(2, Map.of("Codice", CellValue.text("OO_1")));

        assertThat(budget.take(row)).as("row 1 of 2").isTrue();
        assertThat(budget.take(row)).as("row 2 of 2").isTrue();
        assertThat(budget.take(row)).as("row 3 of 2").isFalse();
        assertThat(budget.rowsSpent()).isTrue();
        assertThat(budget.fromHeap()).as("the rows' part was configured").isFalse();
    }

    @Test
    void theHeapOfTheDefaultBudgetIsTheJvmsMaximumNotWhatItsCollectorLeaves() {
        // maxMemory() leaves out a survivor space with the serial and parallel collectors; MaxHeapSize never less.
        assertThat(it.pa.monitor.workbook.HeapSize.max()).isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory());
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SheetTable.PlanBudget(0, true, 1, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SheetTable.PlanBudget(1, true, 0, true)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanWorkbookReader(10, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanWorkbookReader(10, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
