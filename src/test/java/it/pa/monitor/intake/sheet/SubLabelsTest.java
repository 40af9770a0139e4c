package it.pa.monitor.intake.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.values.CellValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The second-row header texts that qualify a column instead of being data. */
public class SubLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2022", "N", "N+1", "n+2", "Anno N", "Anno 2025", "30/06/2025", ">=", "≥", "> =", "&gt;=",
            "\\geq", "Entro"})
    void qualifiers(String text) {
        assertThat(SubLabels.isSubLabel(CellValue.text(text))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IND_01", "565,00 N.", ">= 500", "Volume", ""})
    void notQualifiers(String text) {
        assertThat(SubLabels.isSubLabel(CellValue.text(text))).isFalse();
    }

    @Test
    void yearAndDateCellsQualify() {
        assertThat(SubLabels.isSubLabel(new CellValue("2024", new BigDecimal("2024"), false, null, null))).isTrue();
        assertThat(SubLabels.isSubLabel(new CellValue("30/06/2025", null, false, LocalDate.of(2025, 6, 30), null)))
                .isTrue();
        assertThat(SubLabels.isSubLabel(new CellValue("8", new BigDecimal("8"), false, null, null))).isFalse();
    }
}
