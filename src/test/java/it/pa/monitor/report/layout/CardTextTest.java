package it.pa.monitor.report.layout;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.sheets.ObjectiveCards;
import it.pa.monitor.scoring.IndicatorResult;
import it.pa.monitor.scoring.IndicatorStatus;
import it.pa.monitor.values.Operator;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

public class CardTextTest {

    @Test
    void titlesAsTheRelazionePrintsThem() {
        assertThat(CardText.titled("OO_3.1.3", "Favorire la valorizzazione", new BigDecimal("33.34")))
                .isEqualTo("OO_3.1.3 – Favorire la valorizzazione (Peso: 33,34%)");
        assertThat(CardText.titled("SG3:2022_IND", "Percentuale di avvio", null))
                .isEqualTo("SG3:2022_IND – Percentuale di avvio");
        assertThat(it.pa.monitor.values.ItalianFormat.percent(new BigDecimal("16.7"))).isEqualTo("16,70%");
        assertThat(CardText.coded(CodedLabel.parse("005 - Internazionalizzazione e Made in Italy")))
                .isEqualTo("005 - Internazionalizzazione e Made in Italy");
        assertThat(CardText.coded(CodedLabel.parse("011"))).isEqualTo("011");
        assertThat(CardText.coded(null)).isEmpty();
    }

    @Test
    void estimatesWrappedLinesWordByWord() {
        assertThat(WrappedRows.lines("", 10, false)).isEqualTo(1);
        assertThat(WrappedRows.lines("Scostamento rispetto al target", 16, true)).isEqualTo(2);
        // Bold capitals are wide: in 14 units "RAGGIUNGIMENTO" itself has to be broken.
        assertThat(WrappedRows.lines("% RAGGIUNGIMENTO", 14, true)).isEqualTo(3);
        assertThat(WrappedRows.lines("% RAGGIUNGIMENTO", 19, true)).isEqualTo(1);
        assertThat(WrappedRows.lines("uno\ndue\ntre", 40, false)).isEqualTo(3);
        // A word longer than the column is broken at its edge: 30 characters at 12 a line.
        assertThat(WrappedRows.lines("x".repeat(30), 10, false)).isEqualTo(3);
    }

    @Test
    void notesForStatusAndProRatedTarget() {
        IndicatorKey key = new IndicatorKey("OO_1", "N_Eventi", 1);
        Indicator indicator = new Indicator(key, "Eventi", "N. eventi", null, "Volume", UnitOfMeasure.NUMBER,
                Target.numeric(">= 12 N.", Operator.GE, true, BigDecimal.valueOf(12), UnitOfMeasure.NUMBER),
                null, null, BigDecimal.valueOf(100), true, null, null, 5);
        IndicatorResult halfYear = new IndicatorResult(key, BigDecimal.valueOf(100), IndicatorStatus.SCORED,
                BigDecimal.valueOf(100), BigDecimal.valueOf(6), "a / t", "+1,00 N.", null);

        assertThat(ObjectiveCards.proRated(indicator, halfYear)).isEqualTo("Target rapportato al periodo: 6,00 N.");
        assertThat(ObjectiveCards.statusNote(halfYear)).isNull();
        IndicatorResult yearEnd = new IndicatorResult(key, BigDecimal.valueOf(100), IndicatorStatus.SCORED,
                BigDecimal.valueOf(100), BigDecimal.valueOf(12), "a / t", "+1,00 N.", null);
        assertThat(ObjectiveCards.proRated(indicator, yearEnd)).isNull();
        IndicatorResult overridden = new IndicatorResult(key, BigDecimal.valueOf(100), IndicatorStatus.OVERRIDDEN,
                BigDecimal.valueOf(90), BigDecimal.valueOf(12), "rettifica OIV: 90,00 %", null,
                "progetto rinviato dalla Regione");
        assertThat(ObjectiveCards.statusNote(overridden))
                .isEqualTo("Rettificato dall'OIV – progetto rinviato dalla Regione");
    }
}
