package it.pa.monitor.plan.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.values.CellValue;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan's text budget counts the characters of every cell it is given, across rows, as the user sees them. */
class PlanTextBudgetTest {

    @Test
    void aRowsTextIsTheCharactersOfItsCellsAndTheBudgetIsSpentPastItsLastCharacter() {
        SheetTable.TextBudget budget = new SheetTable.TextBudget(7, false);
        // "abc" 3 + "de" 2 + the number 30 as shown, "30", 2: 7 characters, the whole budget.
        SheetRow first = new SheetRow(2, Map.of("Codice", CellValue.text("abc"), "Nome", CellValue.text(" de "),
                "Peso", new CellValue("30", BigDecimal.valueOf(30), false, null, null)));
        SheetRow second = new SheetRow(3, Map.of("Codice", CellValue.text("x")));

        assertThat(budget.take(first)).as("7 of 7").isTrue();
        assertThat(budget.take(second)).as("8 of 7").isFalse();
        assertThat(budget.max()).isEqualTo(7);
    }

    @Test
    void aBudgetIsPositive() {
        assertThatThrownBy(() -> new SheetTable.TextBudget(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PlanWorkbookReader(10, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
