package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ActualValueTest {

    @Test
    void factoriesFillTheFieldsOfEachKind() {
        ActualValue number = ActualValue.ofNumber("95,83 %", new BigDecimal("95.83"), UnitOfMeasure.PERCENT);
        ActualValue bare = ActualValue.ofNumber("8", BigDecimal.valueOf(8), null);
        ActualValue date = ActualValue.ofDate("18/12/2025", LocalDate.of(2025, 12, 18));
        ActualValue yes = ActualValue.yes("Sì");
        ActualValue no = ActualValue.no("Non realizzato");

        assertThat(number.kind()).isEqualTo(ActualKind.NUMBER);
        assertThat(bare.unit()).isNull();
        assertThat(date.unit()).isEqualTo(UnitOfMeasure.DATE);
        assertThat(yes.unit()).isEqualTo(UnitOfMeasure.YES_NO);
        assertThat(no.kind()).isEqualTo(ActualKind.NO);
        assertThat(ActualValue.notComputable("N.C.").isReported()).isTrue();
        assertThat(ActualValue.empty("").isReported()).isFalse();
        assertThat(ActualValue.empty("").isValid()).isTrue();
        assertThat(ActualValue.invalid("abc", "Valore non riconosciuto: \"abc\".").isValid()).isFalse();
    }

    @Test
    void rejectsInconsistentCombinations() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.NUMBER, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.EMPTY, BigDecimal.ZERO, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.DATE, null, UnitOfMeasure.DATE, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.NUMBER, BigDecimal.ONE, null, LocalDate.of(2025, 1, 1), null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.INVALID, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.YES, null, null, null, "problem"));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.NUMBER, BigDecimal.ONE, UnitOfMeasure.DATE, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.YES, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new ActualValue("x", ActualKind.NOT_COMPUTABLE, null, UnitOfMeasure.PERCENT, null, null));
        assertThatNullPointerException().isThrownBy(() ->
                new ActualValue(null, ActualKind.EMPTY, null, null, null, null));
    }
}
