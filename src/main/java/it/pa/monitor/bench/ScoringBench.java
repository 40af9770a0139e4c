package it.pa.monitor.bench;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanAssembler;
import it.pa.monitor.plan.load.PlanWorkbookReader;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.scoring.PeriodScorer;
import it.pa.monitor.values.ActualValue;
import it.pa.monitor.values.ActualValueParser;
import it.pa.monitor.values.CellValue;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.TargetParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Scoring alone (issue 11: "60 000 indicators for 4 periods under 1 s"): the scoring step's pure functions
 * ({@link PeriodScorer}: values in force, projections, every level of the plan) over the generated plan, with
 * generated values for the four quarters, in this JVM and without a database. The plan is read from the
 * workload's plan workbook and the values made from the workload's model before the clock starts.
 */
final class ScoringBench {

    /** Rounds run before the measured ones, so that the JIT has compiled the scoring code. */
    static final int WARM_UP_ROUNDS = 3;
    /** Measured rounds; the median is reported. */
    static final int MEASURED_ROUNDS = 5;

    /** One round = the four quarters scored; the median and fastest of the measured rounds. */
    record Result(int indicators, int periods, int values, long medianMillis, long fastestMillis, long cpuMillis,
                  int scored) {
    }

    /** A value in force of one quarter. */
    private record Reading(Period period, ActualValue value) implements PeriodScorer.Reading {
    }

    private ScoringBench() {
    }

    static Result measure(Workload workload) {
        List<Problem> problems = new ArrayList<>();
        Plan plan = new PlanAssembler(new TargetParser(), problems::add)
                .assemble(new PlanWorkbookReader().read(workload.inbox().resolve(workload.planFile()), problems::add))
                .orElseThrow(() -> new IllegalStateException("the generated plan does not load: " + problems));
        List<Period> quarters = List.of(Period.parse("2025-Q1"), Period.parse("2025-Q2"), Period.parse("2025-Q3"),
                Period.parse("2025-Q4"));
        Map<IndicatorKey, List<Reading>> history = values(new WorkloadModel(workload.spec()), plan, quarters);
        int values = history.values().stream().mapToInt(List::size).sum();
        PeriodScorer scorer = new PeriodScorer(plan.methodology());
        int scored = 0;
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            scored = round(scorer, plan, quarters, history);
        }
        long[] millis = new long[MEASURED_ROUNDS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        for (int round = 0; round < MEASURED_ROUNDS; round++) {
            long start = System.nanoTime();
            int again = round(scorer, plan, quarters, history);
            millis[round] = (System.nanoTime() - start) / 1_000_000;
            if (again != scored) {
                throw new IllegalStateException("scoring the same values twice gave " + scored + " and " + again);
            }
        }
        long cpuMillis = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000 / MEASURED_ROUNDS;
        Arrays.sort(millis);
        return new Result(plan.indicators().size(), quarters.size(), values, millis[MEASURED_ROUNDS / 2], millis[0],
                cpuMillis, scored);
    }

    /** The four quarters scored; returns how many indicator results count (so that the work is used). */
    private static int round(PeriodScorer scorer, Plan plan, List<Period> quarters,
                             Map<IndicatorKey, List<Reading>> history) {
        int counted = 0;
        for (Period quarter : quarters) {
            for (var result : scorer.score(plan, quarter, history, Map.of()).scores().indicators()) {
                counted += result.status().counts() ? 1 : 0;
            }
        }
        return counted;
    }

    /**
     * Values typed as offices type them, parsed as intake parses them: cumulative counts growing quarter by
     * quarter, days and percentages around the target, deadlines met or missed, yes/no; 5 % left empty.
     */
    private static Map<IndicatorKey, List<Reading>> values(WorkloadModel model, Plan plan, List<Period> quarters) {
        Map<IndicatorKey, WorkloadModel.GeneratedIndicator> generated = new HashMap<>();
        for (int u = 0; u < model.spec().units(); u++) {
            for (WorkloadModel.GeneratedIndicator indicator : model.indicators(model.unit(u))) {
                generated.put(new IndicatorKey(indicator.objective(), indicator.code(), 1), indicator);
            }
        }
        ActualValueParser parser = new ActualValueParser();
        SplittableRandom random = model.random(0, 3);
        Map<IndicatorKey, List<Reading>> history = new HashMap<>();
        for (Indicator indicator : plan.indicators()) {
            WorkloadModel.GeneratedIndicator source = generated.get(indicator.key());
            if (source == null) {
                continue;
            }
            List<Reading> readings = new ArrayList<>(quarters.size());
            for (Period quarter : quarters) {
                if (random.nextInt(100) < 5) {
                    continue;
                }
                String text = text(source, quarter, random);
                readings.add(new Reading(quarter, parser.parse(CellValue.text(text), quarter.year())));
            }
            history.put(indicator.key(), readings);
        }
        return history;
    }

    private static String text(WorkloadModel.GeneratedIndicator indicator, Period quarter, SplittableRandom random) {
        double factor = 0.7 + random.nextDouble() * 0.5;
        return switch (indicator.kind()) {
            case NUMBER -> String.format(Locale.ITALY, "%,d",
                    Math.round(indicator.targetValue() * quarter.index() / 4 * factor));
            case DAYS -> String.format(Locale.ITALY, "%.1f gg", indicator.targetValue() * (2 - factor));
            case PERCENT -> String.format(Locale.ITALY, "%.2f %%", Math.min(100, indicator.targetValue() * factor));
            case DEADLINE -> WorkloadModel.italian(LocalDate.ofEpochDay((long) indicator.targetValue())
                    .plusDays(random.nextInt(60) - 30));
            case YES_NO -> random.nextInt(4) == 0 ? "No" : "Sì";
        };
    }
}
