package it.pa.monitor.report;

import it.pa.monitor.report.data.ReportDataLoader;

import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.results.QualityRepository;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        List<Path> written = new ArrayList<>();
        for (String ente : plans.entiWithPlan(period.year())) {
            loader.load(ente, period).ifPresent(data -> {
                // The unit and dirigente workbooks are written beside the Relazione, which keeps one core
                // busy; once it is written they have all the cores.
                try (RecipientWorkbooks.Writing recipientsWriting = recipients.start(data,
                        quality.issuesByUnit(ente, period), output)) {
                    written.add(writer.write(data, output));
                    recipientsWriting.useAllCores();
                    recipientsWriting.await();
                }
            });
        }
        return written;
    }
}
