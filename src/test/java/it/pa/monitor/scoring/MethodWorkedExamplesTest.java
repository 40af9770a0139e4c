package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import it.pa.monitor.plan.Band;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.UnitType;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/**
 * Every worked example of METHOD.md, with the published figure as the expected value. Inputs
 * are typed as the reports print them; the expected figures are the published ones.
 */
class MethodWorkedExamplesTest {

    // --- From the 2025 report of a chamber (defaults) ---

    @Test
    void objectiveWithSixIndicatorsIncludingDeadlinesIs80_94PartiallyAchieved() {
        PlanScores scores = new PlanBuilder("Camera 2025", 2025)
                .ambito("AS1", "100").strategic("OS1", "AS1", "100").operational("OO1", "OS1", "100")
                .indicator("OO1", "I1", "≥ 3 N.", "16", "7")
                .indicator("OO1", "I2", "≥ 2 N.", "17", "2")
                .indicator("OO1", "I3", "Entro 30/10/2025", "16", "Non realizzato")
                .indicator("OO1", "I4", "Entro 30/11/2025", "17", "18/12/2025")
                .indicator("OO1", "I5", "Entro 31/12/2025", "17", "02/12/2025")
                .indicator("OO1", "I6", "Entro 31/03/2025", "17", "31/03/2025")
                .score("2025");
        assertThat(achievements(scores, "OO1", "I1", "I2", "I3", "I4", "I5", "I6"))
                .containsExactly("100.00", "100.00", "0.00", "82.00", "100.00", "100.00");
        // (16·100 + 17·100 + 16·0 + 17·82 + 17·100 + 17·100) / 100 = 80,94
        ItemResult objective = scores.item(Level.OBIETTIVO_OPERATIVO, "OO1").orElseThrow();
        assertThat(objective.achievement()).isEqualByComparingTo("80.94");
        assertThat(Methodology.defaults().band(objective.achievement())).isEqualTo(Band.PARZIALMENTE_RAGGIUNTO);
        assertThat(scores.indicator(new IndicatorKey("OO1", "I4", 1)).orElseThrow().deviation()).isEqualTo("+18,00 gg");
        assertThat(scores.indicator(new IndicatorKey("OO1", "I5", 1)).orElseThrow().deviation()).isEqualTo("-29,00 gg");
        assertThat(scores.indicator(new IndicatorKey("OO1", "I6", 1)).orElseThrow().deviation()).isEqualTo("-");
    }

    @Test
    void lowerIsBetterUsesTheMirrorRuleByDefault() {
        IndicatorResult mirror = single("≤ 1,90 gg", "2,06 gg", new PlanBuilder("C", 2025));
        assertThat(mirror.achievement().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("91.58");
        assertThat(mirror.rule()).isEqualTo("2 − a / t");
        assertThat(mirror.deviation()).isEqualTo("+0,16 gg");
        IndicatorResult inverse = single("≤ 1,90 gg", "2,06 gg",
                new PlanBuilder("C", 2025).parameter("formula_minore", "INVERSE"));
        assertThat(inverse.achievement().setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo("92.23");
    }

    @Test
    void ratioPublishedFromAnUnroundedActualIsWithinTheGivenTolerance() {
        IndicatorResult result = single("≥ 15,50 %", "9,98 %", new PlanBuilder("C", 2025));
        // 9,98 / 15,50 = 64,387; the report printed 64,36 from an unrounded actual (tolerance 0,05).
        assertThat(result.achievement().doubleValue()).isCloseTo(64.36, within(0.05));
        assertThat(result.deviation()).isEqualTo("-5,52 %");
    }

    @Test
    void resultsAboveTargetAreCappedAt100() {
        IndicatorResult result = single("≥ 85,00 %", "112,86 %", new PlanBuilder("C", 2025));
        assertThat(result.achievement()).isEqualByComparingTo("100");
        assertThat(result.rule()).isEqualTo("a / t, limitato a 100,00 %");
    }

    @Test
    void strategicObjectiveAmbitoAndEnteOfThe2025Report() {
        PlanBuilder builder = new PlanBuilder("Camera 2025", 2025)
                .ambito("AS1", "33,34").ambito("AS2", "33,33").ambito("AS3", "33,33")
                .strategic("OS1", "AS1", "16,70").strategic("OS2", "AS1", "16,66").strategic("OS3", "AS1", "16,66")
                .strategic("OS4", "AS1", "16,66").strategic("OS5", "AS1", "16,66").strategic("OS6", "AS1", "16,66")
                // four strategic indicators of weight 25 at 100, 64,36, 100, 100
                .indicator("OS5", "A", "≥ 100 N.", "25", "100")
                .indicator("OS5", "B", "≥ 100 N.", "25", "64,36")
                .indicator("OS5", "C", "≥ 100 N.", "25", "100")
                .indicator("OS5", "D", "≥ 100 N.", "25", "100");
        for (String os : new String[] {"OS1", "OS2", "OS3", "OS4", "OS6"}) {
            builder.indicator(os, "X", "≥ 1 N.", "100", "1");
        }
        // The other two ambiti, published at 100 and 99,47, as one indicator each.
        builder.strategic("OS7", "AS2", "100").indicator("OS7", "Y", "≥ 100 N.", "100", "100")
                .strategic("OS8", "AS3", "100").indicator("OS8", "Z", "≥ 100 N.", "100", "99,47");
        PlanScores scores = builder.score("2025");
        assertThat(display(scores.item(Level.OBIETTIVO_STRATEGICO, "OS5"))).isEqualTo("91.09");
        assertThat(display(scores.item(Level.AMBITO, "AS1"))).isEqualTo("98.52");
        // ente = simple mean of the ambiti 98,52, 100, 99,47 = 99,33
        assertThat(display(scores.item(Level.ENTE, "Camera 2025"))).isEqualTo("99.33");
    }

    @Test
    void areaIsTheSimpleMeanOfItsServizi() {
        PlanScores scores = new PlanBuilder("C", 2025)
                .unit("AREA", UnitType.AREA, null)
                .unit("S1", UnitType.SERVIZIO, "AREA").unit("S2", UnitType.SERVIZIO, "AREA")
                .unit("S3", UnitType.SERVIZIO, "AREA").unit("S4", UnitType.SERVIZIO, "AREA")
                .ambito("AS", "100").strategic("OS", "AS", "100")
                .operational("OO1", "OS", "25", "S1").operational("OO2", "OS", "25", "S2")
                .operational("OO3", "OS", "25", "S3").operational("OO4", "OS", "25", "S4")
                .indicator("OO1", "I", "≥ 100 %", "100", "99,78 %")
                .indicator("OO2", "I", "≥ 100 %", "100", "100 %")
                .indicator("OO3", "I", "≥ 100 %", "100", "99,58 %")
                .indicator("OO4", "I", "≥ 100 %", "100", "98,71 %")
                .score("2025");
        assertThat(display(scores.item(Level.UNITA, "S1"))).isEqualTo("99.78");
        // (99,78 + 100 + 99,58 + 98,71) / 4 = 99,5175
        assertThat(display(scores.item(Level.UNITA, "AREA"))).isEqualTo("99.52");
    }

    // --- From ../seeds/000_2ae6ffbb37d24239.txt (2022) ---

    @Test
    void tnoPiraWithAmbitiWeighted() {
        PlanScores scores = new PlanBuilder("TNO", 2022).parameter("ente", "PONDERATA_AMBITI")
                .ambito("AS2", "50").ambito("AS3", "50")
                .strategic("OS_2.3", "AS2", "50").strategic("OS_2.4", "AS2", "50").strategic("OS_3.1", "AS3", "100")
                .indicator("OS_2.3", "OC_TD_01", ">= 500,00 N.", "100", "565,00 N.")
                .indicator("OS_2.4", "OC_Int_01", ">= 500,00 N.", "25", "444,00 N.")
                .indicator("OS_2.4", "OC_Int_02", ">= 35,00 N.", "25", "69,00 N.")
                .indicator("OS_2.4", "OC_Int_03", ">= 15,00 %", "25", "16,27 %")
                .indicator("OS_2.4", "OC_Int_04", ">= 70,00 N.", "25", "166,00 N.")
                .indicator("OS_3.1", "OC_TBS_02", ">= 29,50 %", "100", "31,24 %")
                .score("2022");
        assertThat(display(scores.indicator(new IndicatorKey("OS_2.4", "OC_Int_01", 1)).orElseThrow().achievement()))
                .isEqualTo("88.80");
        assertThat(display(scores.item(Level.OBIETTIVO_STRATEGICO, "OS_2.4"))).isEqualTo("97.20");
        assertThat(display(scores.item(Level.AMBITO, "AS2"))).isEqualTo("98.60");
        assertThat(display(scores.item(Level.ENTE, "TNO"))).isEqualTo("99.30");
    }

    @Test
    void massaCarraraStrategicObjectiveMixesIndicatorsAndOperationalObjectives() {
        PlanScores scores = new PlanBuilder("MC", 2022).parameter("os_da", "MISTO").parameter("quota_indicatori", "60")
                .ambito("AS3", "100").strategic("OS_3.1", "AS3", "100")
                .indicator("OS_3.1", "D1.3_04.1", ">= 10,00 %", "100", "13,37 %")
                .operational("OO_3.1.1", "OS_3.1", "33,33").operational("OO_3.1.2", "OS_3.1", "33,33")
                .operational("OO_3.1.3", "OS_3.1", "33,34")
                .indicator("OO_3.1.1", "I", ">= 1 N.", "100", "1")
                // the PID project: 6 events on 3, 40 assessments on 40, 4 referrals on 5 → (100 + 100 + 80)/3
                .indicator("OO_3.1.2", "Indice_ProgPID", ">= 100 %", "50", "93,333333 %")
                .indicator("OO_3.1.2", "Altro", ">= 1 N.", "50", "1")
                .indicator("OO_3.1.3", "I", ">= 1 N.", "100", "1")
                .operational("PID", "OS_3.1", "0")
                .indicator("PID", "Eventi", "3", null, "6")
                .indicator("PID", "Assessment", "40", null, "40")
                .indicator("PID", "Indirizzamenti", "5", null, "4")
                .score("2022");
        assertThat(display(scores.item(Level.OBIETTIVO_OPERATIVO, "PID"))).isEqualTo("93.33");
        assertThat(display(scores.item(Level.OBIETTIVO_OPERATIVO, "OO_3.1.2"))).isEqualTo("96.67");
        // 0,6 · 100 + 0,4 · (0,3333·100 + 0,3333·96,667 + 0,3334·100) = 99,56
        assertThat(display(scores.item(Level.OBIETTIVO_STRATEGICO, "OS_3.1"))).isEqualTo("99.56");
    }

    @Test
    void luccaSimpleMeansGiveTheEnteAt99_99() {
        PlanBuilder builder = new PlanBuilder("Lucca", 2022).parameter("media", "SEMPLICE");
        builder.ambito("A1", null).strategic("O1", "A1", null).indicator("O1", "I", ">= 100 %", null, "99,93 %");
        for (int i = 2; i <= 8; i++) {
            builder.ambito("A" + i, null).strategic("O" + i, "A" + i, null)
                    .indicator("O" + i, "I", ">= 100 %", null, "100 %");
        }
        // (99,93 + 7 × 100) / 8 = 99,99125
        assertThat(display(builder.score("2022").item(Level.ENTE, "Lucca"))).isEqualTo("99.99");
    }

    // --- From ../seeds/003_085c85124fd8c90e.txt (Lucca 2013: simple means, truncation) ---

    @Test
    void lucca2013MonitoredProceduresDirigenteAndProjectFigures() {
        PlanBuilder builder = new PlanBuilder("Lucca 2013", 2013).parameter("media", "SEMPLICE")
                .parameter("arrotondamento", "TRONCA").ambito("A", null).strategic("OS", "A", null)
                .operational("PROC", "OS", null).operational("DIR1", "OS", null).operational("SG4", "OS", null)
                .operational("G10101", "OS", null);
        // allegato 1: 13 procedures summing to 1267,63 → 97,51
        String[] procedures = {"100", "100", "100", "100", "100", "100", "100", "100", "100", "100", "100",
                "100", "67,63"};
        for (int i = 0; i < procedures.length; i++) {
            builder.indicator("PROC", "P" + i, ">= 100 %", null, procedures[i] + " %");
        }
        // dirigente objective 1: the procedures' 97,51 plus 7 indicators at 100
        builder.indicator("DIR1", "Procedimenti", ">= 100 %", null, "97,51 %");
        for (int i = 0; i < 7; i++) {
            builder.indicator("DIR1", "D" + i, ">= 1 N.", null, "1");
        }
        builder.indicator("SG4", "A", ">= 100 %", null, "98,99 %").indicator("SG4", "B", ">= 100 %", null, "100 %")
                .indicator("SG4", "C", ">= 100 %", null, "75 %").indicator("SG4", "D", ">= 100 %", null, "0 %");
        String[] project = {"100", "100", "50", "100", "100", "100", "50", "100", "100", "100"};
        for (int i = 0; i < project.length; i++) {
            builder.indicator("G10101", "G" + i, ">= 100 %", null, project[i] + " %");
        }
        PlanScores scores = builder.score("2013");
        Methodology truncating = builder.methodology();
        assertThat(truncating.display(scores.item(Level.OBIETTIVO_OPERATIVO, "PROC").orElseThrow().achievement()))
                .isEqualByComparingTo("97.51");
        // (97,51 + 7 × 100) / 8 = 99,689 → 99,68 truncated (99,69 with HALF_UP)
        BigDecimal dirigente = scores.item(Level.OBIETTIVO_OPERATIVO, "DIR1").orElseThrow().achievement();
        assertThat(truncating.display(dirigente)).isEqualByComparingTo("99.68");
        assertThat(Methodology.defaults().display(dirigente)).isEqualByComparingTo("99.69");
        // (98,99 + 100 + 75 + 0) / 4 = 68,4975 → 68,49
        assertThat(truncating.display(scores.item(Level.OBIETTIVO_OPERATIVO, "SG4").orElseThrow().achievement()))
                .isEqualByComparingTo("68.49");
        assertThat(truncating.display(scores.item(Level.OBIETTIVO_OPERATIVO, "G10101").orElseThrow().achievement()))
                .isEqualByComparingTo("90.00");
    }

    private static IndicatorResult single(String target, String actual, PlanBuilder builder) {
        PlanScores scores = builder.ambito("A", "100").strategic("OS", "A", "100")
                .indicator("OS", "I", target, "100", actual).score("2025");
        return scores.indicator(new IndicatorKey("OS", "I", 1)).orElseThrow();
    }

    private static java.util.List<String> achievements(PlanScores scores, String objective, String... codes) {
        return java.util.Arrays.stream(codes).map(code -> display(scores.indicator(
                new IndicatorKey(objective, code, 1)).orElseThrow().achievement())).toList();
    }

    private static String display(java.util.Optional<ItemResult> item) {
        return display(item.orElseThrow().achievement());
    }

    private static String display(BigDecimal value) {
        return Methodology.defaults().display(value).toPlainString();
    }
}
