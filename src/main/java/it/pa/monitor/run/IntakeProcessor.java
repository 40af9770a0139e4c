package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.intake.check.OverridesValidator;
import it.pa.monitor.intake.check.SheetValidator;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.MonitoringSheetReader;
import it.pa.monitor.intake.sheet.SheetReadAhead;
import it.pa.monitor.intake.sheet.SubmittedWorkbook;
import it.pa.monitor.intake.store.ProcessedFile;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.PlanVersion;
import java.util.HashMap;
import java.util.Map;
import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Period;
import java.util.List;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/**
 * Reads and validates one monitoring sheet or overrides workbook; a content already processed
 * (same sha256) is filtered out, so a rerun changes nothing.
 */
public class IntakeProcessor implements ItemProcessor<InboxFile, ProcessedFile>, AutoCloseable {

    private final SheetReadAhead reader;
    private final FileLedger ledger;
    private final PlanRepository plans;
    private final RunLocks locks;
    private final StepExecution step;
    private final RunOutcomes outcomes;
    private final Period period;
    private List<Plan> yearPlans;
    private Map<String, PlanVersion> planVersions;
    /** Built once per run: it indexes the plans, which must not be redone for every file. */
    private SheetValidator validator;

    IntakeProcessor(MonitoringSheetReader reader, FileLedger ledger, PlanRepository plans, RunLocks locks,
                    StepExecution step, RunOutcomes outcomes) {
        // The monitoring sheets in the order the step's reader hands them: parsed ahead on all cores.
        this.reader = reader.readAhead(outcomes.files(step.getJobExecution()).stream()
                .filter(f -> f.kind() == WorkbookKind.MONITORING_SHEET).map(InboxFile::file).toList());
        this.ledger = ledger;
        this.plans = plans;
        this.locks = locks;
        this.step = step;
        this.outcomes = outcomes;
        this.period = RunParameters.from(step.getJobParameters()).period();
    }

    @Override
    public ProcessedFile process(InboxFile file) {
        // Held until the chunk (this file) commits: another run sharing the database waits here, then
        // finds the file in the ledger and skips it.
        locks.lockFile(file.sha256());
        var previous = ledger.find(file.sha256());
        if (previous.isPresent()) {
            outcomes.addDuplicate(step.getJobExecutionId(), file, "contenuto identico a «"
                    + previous.get().fileName() + "», già elaborato");
            return null;
        }
        return switch (file.kind()) {
            case MONITORING_SHEET -> monitoringSheet(file);
            case OVERRIDES -> new OverridesValidator(plans(), period).validate(file);
            default -> ProcessedFile.rejected(file, "formato non accettato (formati accettati: "
                    + SubmittedWorkbook.ACCEPTED_FORMATS + ")", List.of(Problem.fileError(
                    "il file non è una cartella di lavoro in un formato accettato (" + SubmittedWorkbook.ACCEPTED_FORMATS
                            + "): salvare la scheda di rilevazione come .xlsx (Excel) o .ods (LibreOffice) e inviarla"
                            + " di nuovo")));
        };
    }

    private ProcessedFile monitoringSheet(InboxFile file) {
        MonitoringSheetReader.ReadOutcome read = reader.read(file.file());
        if (read.sheet() == null) {
            return ProcessedFile.rejected(file, read.failure(), List.of(Problem.fileError(read.failure())));
        }
        if (validator == null) {
            validator = new SheetValidator(plans(), period, versions(),
                    sha -> ledger.find(sha).map(FileLedger.Entry::fileName));
        }
        return validator.validate(file, read.sheet());
    }

    /** Stops the parsing ahead (called by the step scope when the step ends). */
    @Override
    public void close() {
        reader.close();
    }

    /** Which workbook each plan came from (templates carry its sha256), read once per run. */
    private Map<String, PlanVersion> versions() {
        if (planVersions == null) {
            planVersions = new HashMap<>();
            plans().forEach(p -> plans.version(p.ente(), p.year()).ifPresent(v -> planVersions.put(p.ente(), v)));
        }
        return planVersions;
    }

    /** The plans of the year, read once per run (the plan step may just have replaced one). */
    private List<Plan> plans() {
        if (yearPlans == null) {
            yearPlans = plans.entiWithPlan(period.year()).stream()
                    .flatMap(ente -> plans.find(ente, period.year()).stream()).toList();
        }
        return yearPlans;
    }
}
