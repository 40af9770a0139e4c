package it.pa.monitor.report;

import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.TranscribedPlans;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.results.DataQuality;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.scoring.Forecast;
import it.pa.monitor.scoring.PlanScorer;
import it.pa.monitor.scoring.PlanScores;
import it.pa.monitor.scoring.ScoringContext;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Report data built without a database from a plan transcribed from a seed report and the
 * values that report publishes (Consuntivi.tsv), scored by the real engine: the year end and,
 * for the Andamento sheet, a mid-year period with half of every numeric value.
 */
public final class ReportFixtures {

    private ReportFixtures() {
    }

    /** Massa-Carrara 2022 at year end (ente 99,89 % as published), with the first half-year before it. */
    public static ReportData massaCarrara() {
        return build("massa-carrara-2022", Period.parse("2022-S1"), Period.parse("2022"));
    }

    /** TNO 2022 (a PIRA plan: ente 99,30 %, OS_2.4 97,20 %). */
    public static ReportData tno() {
        return build("tno-2022", Period.parse("2022-S1"), Period.parse("2022"));
    }

    /**
     * Massa-Carrara 2022 with a Storico sheet ({@code storico}, header first) and the indicators the
     * report lists as "più significativi" marked, the earlier years taken from that sheet alone.
     */
    public static ReportData massaCarraraWithStorico(List<List<String>> storico, List<String> significant,
                                                     List<Problem> problems) {
        Plan plan = TranscribedPlans.planWith("massa-carrara-2022", storico, significant, problems);
        ReportData data = build(plan, "massa-carrara-2022", Period.parse("2022-S1"), Period.parse("2022"));
        return data.withEarlierYears(it.pa.monitor.results.EarlierYears.of(Map.of(), plan));
    }

    public static ReportData build(String transcription, Period interim, Period period) {
        return build(TranscribedPlans.plan(transcription), transcription, interim, period);
    }

    public static ReportData build(Plan plan, String transcription, Period interim, Period period) {
        return build(plan, transcription, interim, period, 0);
    }

    /**
     * As {@link #build(String, Period, Period)}, every {@code nth} published value left out (not reported: the
     * report's cards then note why those indicators have no result); none left out for 0.
     */
    public static ReportData withoutEvery(int nth, String transcription, Period interim, Period period) {
        return build(TranscribedPlans.plan(transcription), transcription, interim, period, nth);
    }

    private static ReportData build(Plan plan, String transcription, Period interim, Period period, int leftOut) {
        Methodology methodology = plan.methodology();
        List<TranscribedPlans.Published> all = TranscribedPlans.published(transcription);
        List<TranscribedPlans.Published> published = java.util.stream.IntStream.range(0, all.size())
                .filter(i -> leftOut == 0 || i % leftOut != 0).mapToObj(all::get).toList();
        ActualValueParser parser = new ActualValueParser();
        Map<IndicatorKey, ActualValue> yearEnd = new HashMap<>();
        Map<IndicatorKey, ActualValue> halfYear = new HashMap<>();
        Map<IndicatorKey, ReportedValue> values = new LinkedHashMap<>();
        Instant received = Instant.parse("2023-01-20T09:30:00Z");
        int row = 8;
        for (TranscribedPlans.Published p : published) {
            ActualValue value = parser.parse(CellValue.text(p.actual()), period.year());
            yearEnd.put(p.key(), value);
            if (value.number() != null) {
                BigDecimal half = value.number().divide(BigDecimal.valueOf(2));
                halfYear.put(p.key(), ActualValue.ofNumber(half.toPlainString(), half, value.unit()));
            }
            String unit = plan.indicators().stream().filter(i -> i.key().equals(p.key())).findFirst()
                    .map(Indicator::responsibleUnitCode).orElse(null);
            values.put(p.key(), new ReportedValue(p.key(), p.actual(), "scheda_" + (unit == null ? "SG" : unit)
                    + "_" + period.code() + ".xlsx", "9f2c".repeat(16), "Rilevazione", "D" + row++, unit, received));
        }
        PeriodResults first = results(plan, methodology, interim, halfYear);
        PeriodResults last = results(plan, methodology, period, yearEnd);
        IndicatorKey someKey = published.get(0).key();
        DataQuality quality = new DataQuality(
                List.of(Problem.cellError("Rilevazione", "D9", "circa 1300",
                        "Valore non riconosciuto: \"circa 1300\".").inFile("scheda promozione.xlsx")),
                List.of(Problem.cellWarning("Rilevazione", "C8", ">= 12",
                        "target diverso dal piano («>= 10,00 N.»): vale quello del piano")
                        .inFile("scheda_S_RM_2022.xlsx")),
                List.of("S_RF - Servizio Risorse finanziarie, Acquisti e Patrimonio"),
                List.of(new DataQuality.Conflict(someKey, "10", "scheda_S_RM_2022 corretta.xlsx", received,
                        "6", "scheda_S_RM_2022.xlsx", received.minusSeconds(3600))),
                List.of(Problem.error("Indicatori", 12, null,
                        "il codice «X» compare più volte sotto l'obiettivo «O»").inFile("piano-2022.xlsx")),
                List.of(new DataQuality.AppliedOverride(someKey, BigDecimal.valueOf(90),
                        "progetto rinviato dalla Regione", "OIV", LocalDate.of(2023, 3, 15), "rettifiche-2022.xlsx")),
                last.indicators().stream().filter(r -> !r.status().counts()).toList());
        Map<IndicatorKey, List<ReportedValues.Reported>> valueHistory = new LinkedHashMap<>();
        halfYear.forEach((key, value) -> valueHistory.put(key, List.of(new ReportedValues.Reported(interim, value),
                new ReportedValues.Reported(period, yearEnd.get(key)))));
        return new ReportData(plan, methodology, period, last, List.of(first, last), values, quality,
                consumer -> values.values().forEach(consumer), valueHistory);
    }

    private static PeriodResults results(Plan plan, Methodology methodology, Period period,
                                         Map<IndicatorKey, ActualValue> actuals) {
        ScoringContext context = ScoringContext.of(period);
        PlanScores scores = new PlanScorer(methodology).score(plan, actuals, Map.of(), context);
        Map<IndicatorKey, Forecast.Projection> projections = new HashMap<>();
        Forecast forecast = new Forecast(methodology);
        for (Indicator indicator : plan.indicators()) {
            ActualValue value = actuals.get(indicator.key());
            if (value != null && value.number() != null && !context.yearEnd()) {
                forecast.project(indicator, List.of(new Forecast.Point(context.elapsedMonths(), value.number())),
                        context).ifPresent(p -> projections.put(indicator.key(), p));
            }
        }
        return new PeriodResults(period, scores.indicators(), scores.items(), projections);
    }
}
