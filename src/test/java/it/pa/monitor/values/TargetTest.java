package it.pa.monitor.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void factoriesFillTheFieldsOfEachKind() {
        Target numeric = Target.numeric(">= 8", Operator.GE, true, BigDecimal.TEN, null);
        Target deadline = Target.deadline("Entro 30/06/2025", true, LocalDate.of(2025, 6, 30));
        Target yesNo = Target.yesNo("SI/NO");

        assertThat(numeric.isParsed()).isTrue();
        assertThat(deadline.operator()).isEqualTo(Operator.LE);
        assertThat(deadline.unit()).isEqualTo(UnitOfMeasure.DATE);
        assertThat(yesNo.unit()).isEqualTo(UnitOfMeasure.YES_NO);
        assertThat(yesNo.operator()).isNull();
        assertThat(Target.notAvailable("n.d.").isParsed()).isTrue();
        assertThat(Target.unparseable("abc", "Target non interpretabile: \"abc\".").isParsed()).isFalse();
    }

    @Test
    void rejectsInconsistentCombinations() {
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Target("x", TargetKind.NUMERIC, Operator.GE, true, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Target("x", TargetKind.YES_NO, Operator.EQ, true, null, UnitOfMeasure.YES_NO, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Target("x", TargetKind.UNPARSEABLE, null, false, null, null, null, null));
        assertThatIllegalArgumentException().isThrownBy(() ->
                new Target("x", TargetKind.DEADLINE, Operator.LE, true, null, UnitOfMeasure.DATE, null, null));
    }

    @Test
    void operatorsKnowTheirSymbolAndDirection() {
        assertThat(Operator.GE.symbol()).isEqualTo("≥");
        assertThat(Operator.GT.symbol()).isEqualTo(">");
        assertThat(Operator.LE.symbol()).isEqualTo("≤");
        assertThat(Operator.LT.symbol()).isEqualTo("<");
        assertThat(Operator.EQ.symbol()).isEqualTo("=");
        assertThat(Operator.GE.higherIsBetter()).isTrue();
        assertThat(Operator.GT.higherIsBetter()).isTrue();
        assertThat(Operator.EQ.higherIsBetter()).isTrue();
        assertThat(Operator.LE.higherIsBetter()).isFalse();
        assertThat(Operator.LT.higherIsBetter()).isFalse();
    }
}
