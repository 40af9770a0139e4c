package it.pa.monitor.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans.Published;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Published figures of the seed reports, reproduced from the transcribed plans and the values
 * the reports print (Consuntivi.tsv, each row citing its seed line), with each body's
 * methodology parameters. Figures that no general rule reproduces are listed below with the
 * reason; they are not forced.
 */
class SeedPublishedFiguresTest {

    /** Published indicator achievements that METHOD.md's rules do not reproduce, and why. */
    private static final Map<String, String> NOT_REPRODUCED = Map.ofEntries(
            Map.entry("pistoia-prato-2024|01_01_OS01/Grado di utilizzo delle risorse",
                    "7 % on ≥ 80 % is 8,75 %: printed 8 % (truncated) while other rows of the same table round"
                            + " half-up (53,75 → 54): no single rounding rule gives both"),
            Map.entry("pistoia-prato-2024|01_04_OS01/Grado di autofinanziamento spazi camerali",
                    "60 % on ≥ 71 % is 84,51 %: printed 84 % (truncated), same inconsistency as above"),
            Map.entry("pistoia-prato-2024|02_01_OS01/Nuove adesioni al cassetto digitale",
                    "2,77 % on ≥ 11 % is 25,18 %: printed 26 %, presumably from an unrounded actual not printed"),
            Map.entry("pistoia-prato-2024|03_01_OS02/Esperienza del personale",
                    "100 % on ≥ 96 % is printed 104 %, uncapped, while the other rows of the report are capped at 100"),
            Map.entry("pistoia-prato-2024|03_01_OS05/CUG",
                    "done 26/03/2024 against Entro 28/02/2024: 27 days late gives 73 % at 1 point a day; printed 57 %"
                            + " (no daily penalty reproduces it: 43 points for 27 days)"),
            Map.entry("pistoia-prato-2024|03_04_OS04/Privacy - Registro dei trattamenti",
                    "deadline 31/12/2024 not yet due at 30/06 and not done: METHOD.md says «in corso», the report"
                            + " prints 0 %"),
            Map.entry("pistoia-prato-2024|03_04_OS04/Revisione ordinaria partecipazioni pubbliche (art. 20 TUSP)",
                    "deadline 15/12/2024 not yet due at 30/06: «in corso» by METHOD.md, printed 0 %"),
            Map.entry("pistoia-prato-2024|03_01_OS03/Giornata della Trasparenza",
                    "deadline 30/11/2024 not yet due at 30/06: «in corso» by METHOD.md, printed 0 %"),
            Map.entry("pistoia-prato-2024|03_04_OS04/Privacy - formazione del personale",
                    "actual «no» on a numeric target (≥ 1): not a number, so not scored (reported as not"
                            + " computable); the report prints 0 %"),
            Map.entry("pistoia-prato-2024|03_01_OS03/Sezione PIAO \"prevenzione della corruzione\"*",
                    "actual «0» on a deadline (<= 08.01.2024): not a date, so not scored; the report prints 0 %"));

    @Test
    void indicatorAchievementsOfThreeReports() {
        Map<String, String> mismatches = new TreeMap<>();
        int reproduced = 0;
        for (String[] report : new String[][] {{"tno-2022", "2022"}, {"massa-carrara-2022", "2022"},
                {"pistoia-prato-2024", "2024-S1"}}) {
            Scored scored = score(report[0], report[1]);
            for (Published published : TranscribedPlans.published(report[0])) {
                String expected = published.achievement().strip();
                if (expected.isEmpty()) {
                    continue; // the report prints no achievement for this indicator
                }
                IndicatorResult result = scored.scores().indicator(published.key()).orElseThrow();
                String id = report[0] + "|" + published.key();
                if (expected.equalsIgnoreCase("n.d.")) {
                    assertThat(result.status()).as(id).isEqualTo(IndicatorStatus.EXCLUDED);
                    continue;
                }
                BigDecimal figure = new BigDecimal(expected.replace("%", "").strip().replace(',', '.'));
                BigDecimal computed = result.achievement() == null ? null
                        : result.achievement().setScale(figure.scale(), RoundingMode.HALF_UP);
                if (computed != null && computed.compareTo(figure) == 0) {
                    reproduced++;
                } else {
                    mismatches.put(id, result.status() + " " + computed + " vs published " + expected);
                }
            }
        }
        assertThat(mismatches.keySet()).as("%s", mismatches).isEqualTo(new java.util.TreeSet<>(NOT_REPRODUCED.keySet()));
        // 10 TNO + 24 Massa-Carrara + the Pistoia-Prato rows with a printed percentage
        assertThat(reproduced).isGreaterThanOrEqualTo(80);
    }

    @Test
    void tnoAggregates() {
        // Seed 000, lines 378-403: OS_2.3 100, OS_2.4 97,20, OS_3.1 100, AS2 98,60, AS3 100, ente 99,30; CR01 = ente.
        Scored tno = score("tno-2022", "2022");
        assertThat(tno.display(Level.OBIETTIVO_STRATEGICO, "OS_2.3")).isEqualTo("100.00");
        assertThat(tno.display(Level.OBIETTIVO_STRATEGICO, "OS_2.4")).isEqualTo("97.20");
        assertThat(tno.display(Level.OBIETTIVO_STRATEGICO, "OS_3.1")).isEqualTo("100.00");
        assertThat(tno.display(Level.AMBITO, "AS2")).isEqualTo("98.60");
        assertThat(tno.display(Level.AMBITO, "AS3")).isEqualTo("100.00");
        assertThat(tno.display(Level.ENTE, "CCIAA di Toscana Nord Ovest")).isEqualTo("99.30");
        assertThat(tno.display(Level.CRUSCOTTO, "CR01")).isEqualTo("99.30");
    }

    @Test
    void massaCarraraAggregates() {
        // Seed 000: OO 3.1.2 96,67 (line 2362), OS 3.1 99,56 (2211), AS3 99,78 (1985), ente 99,89 (1982),
        // Servizio Promozione 99,63 (1990), Area Promozione ed Amministrazione 99,81 (1990), others 100.
        Scored mc = score("massa-carrara-2022", "2022");
        assertThat(mc.display(Level.OBIETTIVO_OPERATIVO, "OO_3.1.2")).isEqualTo("96.67");
        assertThat(mc.display(Level.OBIETTIVO_STRATEGICO, "OS_3.1")).isEqualTo("99.56");
        assertThat(mc.display(Level.AMBITO, "AS3")).isEqualTo("99.78");
        assertThat(mc.display(Level.AMBITO, "AS1")).isEqualTo("100.00");
        assertThat(mc.display(Level.AMBITO, "AS2")).isEqualTo("100.00");
        assertThat(mc.display(Level.ENTE, "Camera di Commercio di Massa-Carrara")).isEqualTo("99.89");
        assertThat(mc.display(Level.UNITA, "S_PRO")).isEqualTo("99.63");
        assertThat(mc.display(Level.UNITA, "A_PA")).isEqualTo("99.81");
        for (String unit : List.of("S_RI", "S_RM", "S_RF", "S_AG", "ISR", "A_ARM", "A_SG")) {
            assertThat(mc.display(Level.UNITA, unit)).as(unit).isEqualTo("100.00");
        }
        for (String scorecard : List.of("CR01", "CR02", "CR03")) {
            assertThat(mc.display(Level.CRUSCOTTO, scorecard)).as(scorecard).isEqualTo("100.00");
        }
        // 15 OO at 100 and one at 96,67 (line 2034); 7 OS at 100 and one at 99,56 (line 2033).
        assertThat(mc.scores().items(Level.OBIETTIVO_OPERATIVO)).filteredOn(i -> i.achievement()
                .compareTo(BigDecimal.valueOf(100)) == 0).hasSize(15);
        assertThat(mc.scores().items(Level.OBIETTIVO_STRATEGICO)).filteredOn(i -> i.achievement()
                .compareTo(BigDecimal.valueOf(100)) == 0).hasSize(7);
    }

    @Test
    void negativeLowerIsBetterTargetMetByFarScoresFull() {
        // EC27: "<= - 15,00 %" with -33,84 % is published at 100 % (seed 000 line 2140).
        IndicatorResult ec27 = score("massa-carrara-2022", "2022").scores()
                .indicator(new IndicatorKey("OS_2.1", "EC27", 1)).orElseThrow();
        assertThat(ec27.achievement()).isEqualByComparingTo("100");
        assertThat(ec27.rule()).contains("target negativo");
    }

    private record Scored(PlanScores scores, Methodology methodology) {
        String display(Level level, String code) {
            return methodology.display(scores.item(level, code).orElseThrow().achievement()).toPlainString();
        }
    }

    private static Scored score(String transcription, String period) {
        Plan plan = TranscribedPlans.plan(transcription);
        Period p = Period.parse(period);
        Map<IndicatorKey, ActualValue> actuals = new HashMap<>();
        ActualValueParser parser = new ActualValueParser();
        for (Published published : TranscribedPlans.published(transcription)) {
            actuals.put(published.key(), parser.parse(CellValue.text(published.actual()), p.year()));
        }
        Methodology methodology = plan.methodology(); // TranscribedPlans fails on a problem in Metodologia
        return new Scored(new PlanScorer(methodology).score(plan, actuals, Map.of(), ScoringContext.of(p)),
                methodology);
    }
}
