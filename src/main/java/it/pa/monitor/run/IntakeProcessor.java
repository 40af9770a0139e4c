package it.pa.monitor.run;

import it.pa.monitor.intake.store.RunLocks;
import it.pa.monitor.intake.check.OverridesValidator;
import it.pa.monitor.intake.check.SheetValidator;
import it.pa.monitor.intake.inbox.FileLedger;
import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.SkippedFile;
import it.pa.monitor.intake.inbox.WorkbookKind;
import it.pa.monitor.intake.sheet.MonitoringSheetReader;
import it.pa.monitor.intake.sheet.ReadAhead;
import it.pa.monitor.intake.sheet.SubmittedWorkbook;
import it.pa.monitor.intake.store.ProcessedFile;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.PlanVersion;
import java.nio.file.Path;
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

    /** Each monitoring sheet read and checked against the plan ahead, on all cores. */
    private final ReadAhead<ProcessedFile> sheets;
    private final Map<Path, InboxFile> sheetFiles = new HashMap<>();
    private final MonitoringSheetReader reader;
    private final FileLedger ledger;
    private final PlanRepository plans;
    private final RunLocks locks;
    private final StepExecution step;
    private final RunOutcomes outcomes;
    private final Period period;
    private List<Plan> yearPlans;
    private Map<String, PlanVersion> planVersions;
    /**
     * Built once per run, on this thread, before the first sheet is read: it indexes the plans, which
     * must not be redone for every file. Only read afterwards, also by the reading threads.
     */
    private volatile SheetValidator validator;

    IntakeProcessor(MonitoringSheetReader reader, FileLedger ledger, PlanRepository plans, RunLocks locks,
                    StepExecution step, RunOutcomes outcomes) {
        // The monitoring sheets in the order the step's reader hands them: parsed ahead on all cores.
        this.reader = reader;
        List<InboxFile> monitoring = outcomes.files(step.getJobExecution()).stream()
                .filter(f -> f.kind() == WorkbookKind.MONITORING_SHEET).toList();
        monitoring.forEach(f -> sheetFiles.putIfAbsent(f.file(), f));
        this.sheets = reader.readAhead(monitoring.stream().map(InboxFile::file).toList(),
                (path, read) -> checked(sheetFiles.get(path), read));
        this.ledger = ledger;
        this.plans = plans;
        this.locks = locks;
        this.step = step;
        this.outcomes = outcomes;
        this.period = RunParameters.from(step.getJobParameters()).period();
    }

    @Override
    public ProcessedFile process(InboxFile file) {
        // Held until the file's transaction commits: another run sharing the database waits here, then
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
        if (validator == null) {
            validator = new SheetValidator(plans(), period, versions(),
                    sha -> ledger.find(sha).map(FileLedger.Entry::fileName));
        }
        if (!file.equals(sheetFiles.get(file.file()))) {
            return checked(file, reader.read(file.file())); // not among the scan's sheets: read here
        }
        return sheets.read(file.file());
    }

    /**
     * The sheet read from the file, checked against the plan: runs on the reading threads (no
     * database, but for the rare name of an older plan a template was made from).
     */
    private ProcessedFile checked(InboxFile file, MonitoringSheetReader.ReadOutcome read) {
        if (read.sheet() == null) {
            return ProcessedFile.rejected(file, read.failure(), List.of(Problem.fileError(read.failure())));
        }
        return validator.validate(file, read.sheet());
    }

    /** Stops the parsing ahead (called by the step scope when the step ends). */
    @Override
    public void close() {
        sheets.close();
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
