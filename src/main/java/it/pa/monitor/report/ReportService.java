package it.pa.monitor.report;

import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.data.ReportDataLoader;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.results.QualityRepository;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.springframework.stereotype.Service;

/** Writes the consolidated workbook of every ente that has results for the period. */
@Service
public class ReportService {

    private final PlanRepository plans;
    private final ReportDataLoader loader;
    private final RelazioneWriter writer;
    private final RecipientWorkbooks recipients;
    private final QualityRepository quality;

    public ReportService(PlanRepository plans, ReportDataLoader loader, RelazioneWriter writer,
                         RecipientWorkbooks recipients, QualityRepository quality) {
        this.plans = plans;
        this.loader = loader;
        this.writer = writer;
        this.recipients = recipients;
        this.quality = quality;
    }

    /**
     * The Relazione of each ente (one in the usual single-ente database), returned; beside it, the
     * workbooks for every unit and dirigente ({@link RecipientWorkbooks}), written at the same time.
     */
    public List<Path> write(Period period, Path output) {
        return write(period, output, loader::load);
    }

    /**
     * As {@link #write(Period, Path)} in run {@code run} (its job execution), taking the values in force its scoring
     * step had read ahead ({@link #readAhead}).
     */
    public List<Path> write(Period period, Path output, long run) {
        try {
            return write(period, output, (ente, at) -> loader.load(ente, at, run));
        } finally {
            loader.forget(run);
        }
    }

    /**
     * Starts reading the values in force of the first ente with a plan for the period (the only one, in the usual
     * single-ente database), which the report of run {@code run} then takes: the scoring step calls it as it ends, so
     * that they are read while it commits. One only: each read holds a connection and, once done, the ente's values
     * until its report takes them; the other entes' are read when their report comes.
     */
    public void readAhead(Period period, long run) {
        plans.entiWithPlan(period.year()).stream().findFirst().ifPresent(ente -> loader.readAhead(ente, period, run));
    }

    private List<Path> write(Period period, Path output,
                             BiFunction<String, Period, Optional<ReportData>> load) {
        List<Path> written = new ArrayList<>();
        for (String ente : plans.entiWithPlan(period.year())) {
            load.apply(ente, period).ifPresent(data -> {
                // The unit and dirigente workbooks are written beside the Relazione, which keeps one core
                // busy; once it is written they have all the cores.
                // Each unit's problems read when its workbook is written: a period's may not fit in memory at once.
                Set<String> noted = quality.unitsWithIssues(ente, period);
                try (RecipientWorkbooks.Writing recipientsWriting = recipients.start(data,
                        unit -> noted.contains(unit) ? quality.issuesOf(ente, period, unit) : List.of(), output)) {
                    written.add(writer.write(data, output));
                    recipientsWriting.useAllCores();
                    recipientsWriting.await();
                }
            });
        }
        return written;
    }
}
