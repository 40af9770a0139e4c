package it.pa.monitor.report.data;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.results.DataQuality;
import it.pa.monitor.results.EarlierYears;
import it.pa.monitor.results.EarlierYearsRepository;
import it.pa.monitor.results.PeriodResults;
import it.pa.monitor.results.QualityRepository;
import it.pa.monitor.results.ReportedValue;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.values.Period;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** Gathers the report's data from H2 for an ente and period. */
@Component
public class ReportDataLoader {

    private static final Logger log = LoggerFactory.getLogger(ReportDataLoader.class);

    private final PlanRepository plans;
    private final ScoreRepository scores;
    private final ReportedValues values;
    private final QualityRepository quality;
    private final EarlierYearsRepository earlierYears;

    /** A read-only transaction of its own for the values in force, read beside the rest. */
    private final TransactionTemplate readOnly;
    /** The values in force read ahead, by ente, period code and run, until their report takes them. */
    private final Map<List<Object>, InForce> valuesAhead = new ConcurrentHashMap<>();

    public ReportDataLoader(PlanRepository plans, ScoreRepository scores, ReportedValues values,
                            QualityRepository quality, EarlierYearsRepository earlierYears,
                            PlatformTransactionManager transactions) {
        this.plans = plans;
        this.scores = scores;
        this.values = values;
        this.quality = quality;
        this.earlierYears = earlierYears;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        readOnly.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Starts reading the values in force of an ente and period for the report of run {@code run} (its job
     * execution), which {@link #load(String, Period, long)} then takes instead of reading them: the scoring step
     * starts it as it ends, so that the values are read while its transaction commits, on a core otherwise idle.
     * Within a run nothing writes values between the two steps (another process sharing the database could: the
     * report then shows the values its scores were computed from). What another run read ahead is dropped here, and
     * a read of the same run and ente started again.
     */
    public void readAhead(String ente, Period period, long run) {
        forget(other -> other != run);
        InForce earlier = valuesAhead.put(List.of(ente, period.code(), run), InForce.start(readOnly, this, ente, period));
        if (earlier != null) {
            earlier.end();
        }
    }

    /** Drops what was read ahead for run {@code run} and not taken (an ente without a report). */
    public void forget(long run) {
        forget(other -> other == run);
    }

    private void forget(LongPredicate runs) {
        for (List<Object> key : List.copyOf(valuesAhead.keySet())) {
            if (runs.test((Long) key.get(2))) {
                InForce dropped = valuesAhead.remove(key); // removed before it is ended: never taken once cancelled
                if (dropped != null) {
                    dropped.end();
                }
            }
        }
    }

    /** Empty when the ente has no plan or no results for the period. */
    public Optional<ReportData> load(String ente, Period period) {
        return load(ente, period, null);
    }

    /** As {@link #load(String, Period)}, with the values in force read ahead for run {@code run}, if they were. */
    public Optional<ReportData> load(String ente, Period period, long run) {
        return load(ente, period, valuesAhead.remove(List.of(ente, period.code(), run)));
    }

    /**
     * The values in force being read on a thread of their own, with a connection of their own, while the caller
     * reads the scores and the rest (everything read is committed by the earlier steps).
     */
    private record InForce(FutureTask<Map<IndicatorKey, ReportedValue>> values, Thread reader) {

        static InForce start(TransactionTemplate readOnly, ReportDataLoader loader, String ente, Period period) {
            FutureTask<Map<IndicatorKey, ReportedValue>> values = new FutureTask<>(() -> readOnly.execute(
                    status -> loader.inForce(ente, period)));
            Thread reader = new Thread(values, "valori-in-vigore");
            reader.setDaemon(true);
            reader.start();
            return new InForce(values, reader);
        }

        /**
         * Done by now, unless the caller failed first: then the reader ends its query (not interrupted inside
         * H2) and gives its connection back before the caller goes on failing.
         */
        void end() {
            values.cancel(false);
            awaitEnd(reader);
        }
    }

    /** The report's data, the values in force taken from {@code ahead} when they were read ahead (else null). */
    private Optional<ReportData> load(String ente, Period period, InForce ahead) {
        Optional<Plan> plan = plans.find(ente, period.year());
        List<Period> periods = scores.periods(ente, period.year());
        if (plan.isEmpty() || !periods.contains(period)) {
            if (ahead != null) {
                ahead.end();
            }
            return Optional.empty();
        }
        InForce inForceReading = ahead != null ? ahead : InForce.start(readOnly, this, ente, period);
        FutureTask<Map<IndicatorKey, ReportedValue>> inForce = inForceReading.values();
        try {
            List<PeriodResults> history = periods.stream()
                    .filter(p -> !p.referenceDate().isAfter(period.referenceDate()))
                    .map(p -> scores.load(ente, period.year(), p)).toList();
            PeriodResults current = history.get(history.size() - 1);
            DataQuality dataQuality = quality.load(plan.get(), period, current.indicators());
            Map<IndicatorKey, List<ReportedValues.Reported>> earlierValues = earlierValues(ente, period, history);
            EarlierYears years = earlierYears.load(plan.get());
            Map<IndicatorKey, ReportedValue> values;
            try {
                values = read(inForce);
                if (ahead != null) {
                    log.debug("Values in force of {} {} taken as read ahead", ente, period.code());
                }
            } catch (RuntimeException e) {
                if (ahead == null) {
                    throw e;
                }
                // Read ahead and failed (its connection, say): read again now, as without the read ahead.
                Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
                log.warn("Values in force of {} {} read ahead failed, read again: {}{}", ente, period.code(), e,
                        cause == e ? "" : " (" + cause + ")");
                inForceReading.end();
                inForceReading = InForce.start(readOnly, this, ente, period);
                values = read(inForceReading.values());
            }
            // Fonti lists the same rows in the query's order: read once, kept in that order beside the map.
            List<ReportedValue> inOrder = List.copyOf(values.values());
            return Optional.of(new ReportData(plan.get(), plan.get().methodology(), period, current, history,
                    values, dataQuality, inOrder::forEach, earlierValues, years));
        } finally {
            inForceReading.end();
        }
    }

    private static void awaitEnd(Thread reader) {
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** What the second thread read, or its failure. */
    private static <T> T read(FutureTask<T> task) {
        return Futures.await(task, "lettura dei valori in vigore interrotta");
    }

    /**
     * The values in force, one per indicator (the table's key), in the order of the query (by objective,
     * indicator, occurrence), which is the order of the Fonti sheet: the texts every value of a file
     * repeats (file name, sha256, sheet, codes) are kept once, not once per value.
     */
    private Map<IndicatorKey, ReportedValue> inForce(String ente, Period period) {
        Map<String, String> texts = new HashMap<>();
        Map<IndicatorKey, ReportedValue> inForce = new LinkedHashMap<>();
        values.forEachInForce(ente, period.year(), period, v -> {
            IndicatorKey key = new IndicatorKey(shared(texts, v.key().objectiveCode()), shared(texts, v.key().code()),
                    v.key().occurrence());
            inForce.put(key, new ReportedValue(key, v.raw(), shared(texts, v.fileName()), shared(texts, v.sha256()),
                    shared(texts, v.sheet()), v.cell(), shared(texts, v.unitCode()), v.receivedAt()));
        });
        return inForce;
    }

    private static String shared(Map<String, String> texts, String text) {
        return text == null ? null : texts.computeIfAbsent(text, t -> t);
    }

    /**
     * The values of the periods before this one, which is all {@link ReportData#rawValue} reads
     * them for (this period's come from the values in force): none to hold at the first period.
     */
    private Map<IndicatorKey, List<ReportedValues.Reported>> earlierValues(String ente, Period period,
                                                                          List<PeriodResults> history) {
        Set<Period> earlier = new HashSet<>();
        history.forEach(p -> earlier.add(p.period()));
        earlier.remove(period);
        if (earlier.isEmpty()) {
            return Map.of();
        }
        Map<IndicatorKey, List<ReportedValues.Reported>> values = this.values.history(ente, period.year());
        values.values().forEach(list -> list.removeIf(r -> !earlier.contains(r.period())));
        values.values().removeIf(List::isEmpty);
        return values;
    }
}
