package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.PercentValues;
import it.pa.monitor.values.TargetParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.junit.jupiter.api.Test;

/**
 * The Pisa 2022 methodology (seed 000, lines 2933-3863) checked on the figures the report prints:
 * BSC perspectives as the ambiti, ente = simple mean of the perspectives, lower-is-better as t/a,
 * plain ratios against percentages ({@code valori_percentuali = RAPPORTI}), monitoring-only rows,
 * 70/90 bands, the five-level judgement and the Segretario generale's objectives scored against 95 %.
 * Targets are the report's "Risultato atteso", with {@code <=} where a lower value is better.
 */
class PisaMethodTest {

    private static PlanBuilder pisa(String percentValues) {
        PlanBuilder b = new PlanBuilder("CCIAA di Pisa", 2022)
                .parameter("formula_minore", "INVERSE")
                .parameter("soglia_raggiunto", "90").parameter("soglia_non_raggiunto", "70")
                .parameter("valori_percentuali", percentValues)
                .parameter("giudizi", "91 Eccellente; 81 Più che adeguato; 71 Pienamente adeguato;"
                        + " 60 Non pienamente adeguato; 0 Non adeguato")
                // The four BSC perspectives (lines 3156, 3189, 3204, 3213) are the ambiti.
                .ambito("IMPRESE_TERRITORIO", null).ambito("PROCESSI_INTERNI", null)
                .ambito("CRESCITA_APPRENDIMENTO", null).ambito("ECONOMICO_FINANZIARIO", null)
                .strategic("A1", "IMPRESE_TERRITORIO", "20").strategic("A3", "IMPRESE_TERRITORIO", "20")
                .strategic("A4", "IMPRESE_TERRITORIO", "25").strategic("A5", "IMPRESE_TERRITORIO", "7.5")
                .strategic("A6", "IMPRESE_TERRITORIO", "20").strategic("A7", "IMPRESE_TERRITORIO", "7.5")
                .strategic("B1", "PROCESSI_INTERNI", "100")
                .strategic("C1", "CRESCITA_APPRENDIMENTO", "20").strategic("C2", "CRESCITA_APPRENDIMENTO", "80")
                .strategic("D1", "ECONOMICO_FINANZIARIO", "25").strategic("D2", "ECONOMICO_FINANZIARIO", "70")
                .strategic("D3", "ECONOMICO_FINANZIARIO", "5");
        // Lines 3158-3160
        b.indicator("A1", "imprese_internaz", "150", "70", "224")
                .indicator("A1", "formazione", "100%", "30", "0,58")
                .monitoring("A1", "export", "1,20");
        // Lines 3163-3170 (the row labelled A4 at 3167 belongs to A3: its weight completes A3's 100)
        b.indicator("A3", "orientamento_ore", "14000", "20", "17754")
                .indicator("A3", "borsino", "6", "10", "13")
                .monitoring("A3", "rasl", "3%")
                .indicator("A3", "orientamento_progetto", "100%", "30", "100%")
                .indicator("A3", "pid", "100%", "40", "1,00")
                .monitoring("A3", "difficolta_reperimento", "1,24");
        // Lines 3172-3176
        b.indicator("A4", "imprese_turismo", "12", "30", "15,12")
                .indicator("A4", "terre_di_pisa", "100%", "20", "68%")
                .indicator("A4", "convenzione_ambito", "100%", "25", "0,00")
                .indicator("A4", "food_wine", "SI", "25", "si")
                .monitoring("A4", "presenze", "1,34");
        b.indicator("A5", "sviluppo_sostenibile", "100%", "100", "1,30"); // line 3178
        // Lines 3180-3186
        b.indicator("A6", "ocri", "100%", "25", "1,00")
                .indicator("A6", "occ", "100%", "25", "122%")
                .indicator("A6", "accordi", "2", "20", "3")
                .indicator("A6", "verbali", "100%", "30", "1,00");
        b.indicator("A7", "vigilanza", "120%", "100", "137%"); // line 3188
        // Lines 3191-3200
        b.indicator("B1", "carta_servizi", "95%", "25", "98,2%")
                .indicator("B1", "soddisfazione", "100%", "5", "0,99")
                .indicator("B1", "segnalazioni_negative", "<= 5%", "5", "1,5%")
                .indicator("B1", "lungo_termine", "3", "5", "3,30")
                .indicator("B1", "strumenti_digitali", "8%", "20", "9%")
                .indicator("B1", "tempestivita_pagamenti", "<= -5", "10", "-6,00")
                .monitoring("B1", "start_up", "379")
                .indicator("B1", "documenti_online", "85%", "10", "0,94")
                .indicator("B1", "tempi_pratiche", "<= 6", "15", "4,54")
                .indicator("B1", "telefonate_non_risposte", "<= 0,20", "5", "0,19");
        // Lines 3206-3212
        b.indicator("C1", "people", "1,00", "100", "0,95")
                .indicator("C1", "assenteismo", "<= 1,00", "0", "1,15")
                .indicator("C2", "trasparenza", "100%", "25", "1,00")
                .indicator("C2", "crm", "23,0%", "25", "22%")
                .indicator("C2", "sito", "1,00", "20", "56%")
                .indicator("C2", "media", "1,00", "30", "1,02");
        // Lines 3215-3224
        b.indicator("D1", "perequazione", "100%", "100", "1,31")
                .monitoring("D1", "infrastrutture", "0,00")
                .indicator("D2", "congressi", "5%", "30", "35%")
                .indicator("D2", "efficientamento", "100%", "70", "0,40")
                .indicator("D3", "sollecito_diritto", "1,00", "100", "0,99");
        // The Segretario generale (lines 3635-3669): three priorities (40 %, 15 %, 45 %) of rows
        // weighted within each; flattened to priority weight × row weight. Objective rows against 95 %.
        b.indicator("CR_SG", "corruzione", "<= 0", null, "0,00")
                .indicator("CR_SG", "contratti", "100%", null, "100%")
                .indicator("CR_SG", "adempimenti", "90%", null, "100%");
        b.targetedScorecard("CR_SG",
                "A1", "10", ">= 95 %", "A3", "8", ">= 95 %", "A4", "10", ">= 95 %", "A5", "8", ">= 95 %",
                "D1", "4", ">= 95 %",
                "A6", "7.5", ">= 95 %", "A7", "7.5", ">= 95 %",
                "B1", "9", ">= 95 %", "C1", "9", ">= 95 %", "C2", "4.5", ">= 95 %",
                "CR_SG/corruzione", "2.25", "", "CR_SG/contratti", "2.25", "", "CR_SG/adempimenti", "9", "",
                "D2", "6.75", ">= 95 %", "D3", "2.25", ">= 95 %");
        return b;
    }

    @Test
    void strategicObjectivesAsPublished() {
        PlanScores scores = pisa("RAPPORTI").score("2022");
        // A1 = 0,7 × 100 + 0,3 × 58 (0,58 against 100 % is 58 %) = 87,4: printed 87 % (line 3157).
        assertThat(os(scores, "A1")).isEqualByComparingTo("87.4");
        // A4 = 0,3 × 100 + 0,2 × 68 + 0,25 × 0 + 0,25 × 100 = 68,6: printed 69 % (line 3171).
        assertThat(os(scores, "A4")).isEqualByComparingTo("68.6");
        // Not reproduced: CRM 22 % against 23,0 % is 95,65 %, printed 95 % (line 3210), i.e. truncated, while
        // A4's 68,6 is printed 69 % (rounded): no single display rounding gives both. The OS figure is reached.
        assertThat(scores.indicator(new IndicatorKey("C2", "crm", 1)).orElseThrow().achievement()
                .setScale(2, RoundingMode.HALF_UP)).isEqualByComparingTo("95.65");
        // C2 = 0,25 × 100 + 0,25 × 22/23 + 0,2 × 56 (56 % against 1,00) + 0,3 × 100 = 90,11: printed 90 %.
        assertThat(rounded(os(scores, "C2"), 0)).isEqualByComparingTo("90");
        // D2 = 0,3 × 100 + 0,7 × 40 (0,40 against 100 %) = 58 (line 3217); D3 0,99 / 1,00 = 99 (3220).
        assertThat(os(scores, "D2")).isEqualByComparingTo("58");
        assertThat(os(scores, "D3")).isEqualByComparingTo("99");
        assertThat(os(scores, "C1")).isEqualByComparingTo("95");
        for (String full : new String[] {"A3", "A5", "A6", "A7", "D1"}) {
            assertThat(os(scores, full)).as(full).isEqualByComparingTo("100");
        }
        // B1: every row at 100 but 0,99 against 100 % (99, weight 5): 99,95, printed 100 %.
        assertThat(os(scores, "B1")).isEqualByComparingTo("99.95");
    }

    @Test
    void lowerIsBetterAsTargetOverActualAndWeightZeroShownNotCounted() {
        PlanScores scores = pisa("RAPPORTI").score("2022");
        // Assenteismo 1,15 against 1,00 (weight 0): t / a = 86,96, printed 87 % (line 3207), not counted in C1.
        IndicatorResult absence = scores.indicator(new IndicatorKey("C1", "assenteismo", 1)).orElseThrow();
        assertThat(rounded(absence.achievement(), 0)).isEqualByComparingTo("87");
        assertThat(absence.rule()).startsWith("t / a");
        assertThat(os(scores, "C1")).isEqualByComparingTo("95");
    }

    @Test
    void monitoringOnlyRowsAreNeitherScoredNorMissing() {
        PlanScores scores = pisa("RAPPORTI").score("2022");
        IndicatorResult export = scores.indicator(new IndicatorKey("A1", "export", 1)).orElseThrow();
        assertThat(export.status()).isEqualTo(IndicatorStatus.MONITORING);
        assertThat(export.achievement()).isNull();
        assertThat(export.status().missing()).isFalse();
        assertThat(IndicatorStatus.NOT_REPORTED.missing()).isTrue();
        // Without a value it is still monitoring only, not "non rilevato".
        PlanBuilder empty = new PlanBuilder("E", 2022).ambito("AS", null).strategic("OS", "AS", null)
                .indicator("OS", "i", ">= 10", "100", "10").monitoring("OS", "m", null);
        IndicatorResult m = empty.score("2022").indicator(new IndicatorKey("OS", "m", 1)).orElseThrow();
        assertThat(m.status()).isEqualTo(IndicatorStatus.MONITORING);
    }

    @Test
    void enteIsTheMeanOfThePerspectivesWithItsJudgement() {
        PlanBuilder builder = pisa("RAPPORTI");
        PlanScores scores = builder.score("2022");
        // Imprese e territorio 0,2·87,4 + 0,2·100 + 0,25·68,6 + 0,075·100 + 0,2·100 + 0,075·100 = 89,63;
        // processi interni 99,95; crescita 0,2·95 + 0,8·90,113 = 91,09; economico 25 + 0,7·58 + 0,05·99 = 70,55;
        // ente (89,63 + 99,95 + 91,09 + 70,55) / 4 = 87,81: printed 87,8 % (lines 2969, 3804).
        BigDecimal ente = scores.item(Level.ENTE, "CCIAA di Pisa").orElseThrow().achievement();
        assertThat(rounded(ente, 1)).isEqualByComparingTo("87.8");
        assertThat(rounded(scores.item(Level.AMBITO, "ECONOMICO_FINANZIARIO").orElseThrow().achievement(), 2))
                .isEqualByComparingTo("70.55");
        Methodology methodology = builder.methodology();
        // 87,8 lies between 90 and 81: "Più che adeguato" (lines 3790-3794).
        assertThat(methodology.judgement(ente)).contains("Più che adeguato");
        assertThat(methodology.judgement(new BigDecimal("91"))).contains("Eccellente");
        assertThat(methodology.judgement(new BigDecimal("59.99"))).contains("Non adeguato");
        // 70/90 colours (line 3798): A4 at 68,6 is red, A1 at 87,4 yellow.
        assertThat(methodology.band(os(scores, "A4"))).isEqualTo(Band.NON_RAGGIUNTO);
        assertThat(methodology.band(os(scores, "A1"))).isEqualTo(Band.PARZIALMENTE_RAGGIUNTO);
    }

    @Test
    void segretarioGeneraleScoresObjectivesAgainstNinetyFivePercent() {
        PlanBuilder builder = pisa("RAPPORTI");
        PlanScores scores = builder.score("2022");
        Methodology methodology = builder.methodology();
        var target = new TargetParser().parse(">= 95 %", 2022);
        // A1 87,4 / 95 = 92,0 (line 3645); A4 68,6 / 95 = 72,2, printed 72 %; C2 90,11 / 95 = 94,9, printed 95 %;
        // D2 58 / 95 = 61,05, printed 61 %; C1 95 / 95 = 100 (lines 3647, 3663, 3668, 3662).
        assertThat(rounded(ObjectiveTarget.achievement(os(scores, "A1"), target, methodology), 1))
                .isEqualByComparingTo("92.0");
        assertThat(rounded(ObjectiveTarget.achievement(os(scores, "A4"), target, methodology), 0))
                .isEqualByComparingTo("72");
        assertThat(rounded(ObjectiveTarget.achievement(os(scores, "C2"), target, methodology), 0))
                .isEqualByComparingTo("95");
        assertThat(rounded(ObjectiveTarget.achievement(os(scores, "D2"), target, methodology), 0))
                .isEqualByComparingTo("61");
        // Capped by tetto: 100 / 95 is 100.
        assertThat(ObjectiveTarget.achievement(os(scores, "A3"), target, methodology)).isEqualByComparingTo("100");
        // Total: priority 1 = 91,05, priority 2 = 100, priority 3 = 93,64; 0,4·91,05 + 0,15·100 + 0,45·93,64
        // = 93,56, printed 94 % (line 3637).
        BigDecimal total = scores.item(Level.CRUSCOTTO, "CR_SG").orElseThrow().achievement();
        assertThat(rounded(total, 0)).isEqualByComparingTo("94");
        assertThat(rounded(total, 2)).isEqualByComparingTo("93.56");
    }

    @Test
    void writtenAsTypedTheRatiosGiveTheWrongEnteAndAreWarned() {
        // With the default COME_SCRITTI, 0,58 against 100 % is 0,58 %: A1 = 70 + 0,3 × 0,58 = 70,174.
        PlanScores scores = pisa("COME_SCRITTI").score("2022");
        assertThat(os(scores, "A1")).isEqualByComparingTo("70.174");
        BigDecimal ente = scores.item(Level.ENTE, "CCIAA di Pisa").orElseThrow().achievement();
        assertThat(ente).isLessThan(new BigDecimal("87"));
        var parser = new ActualValueParser();
        var percentTarget = new TargetParser().parse("100%", 2022);
        assertThat(PercentScale.warning(percentTarget, parser.parse(CellValue.text("0,58"), 2022),
                PercentValues.COME_SCRITTI)).contains("letto come 0,58 %: se si intende 58 % scrivere «58 %»,"
                + " oppure impostare «valori_percentuali = RAPPORTI» nella Metodologia");
    }

    private static BigDecimal os(PlanScores scores, String code) {
        return scores.item(Level.OBIETTIVO_STRATEGICO, code).orElseThrow().achievement();
    }

    private static BigDecimal rounded(BigDecimal value, int scale) {
        return value.setScale(scale, RoundingMode.HALF_UP);
    }
}
