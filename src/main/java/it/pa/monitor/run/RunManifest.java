package it.pa.monitor.run;

import it.pa.monitor.intake.inbox.InboxFile;
import it.pa.monitor.intake.inbox.InboxScanner;
import it.pa.monitor.intake.inbox.SkippedFile;

import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.StepExecution;
import org.springframework.batch.item.ExecutionContext;

/** The scan's findings, kept in the job's execution context for the steps that follow. */
public final class RunManifest {

    private static final String FILES = "inbox.files";
    private static final String SKIPPED = "inbox.skipped";
    static final String DUPLICATES = "inbox.duplicates";

    private RunManifest() {
    }

    static void save(StepExecution step, InboxScanner.Scan scan) {
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        job.put(FILES, new ArrayList<>(scan.files()));
        job.put(SKIPPED, new ArrayList<>(scan.skipped()));
    }

    @SuppressWarnings("unchecked")
    static List<InboxFile> files(StepExecution step) {
        return (List<InboxFile>) step.getJobExecution().getExecutionContext().get(FILES, List.class, List.of());
    }

    @SuppressWarnings("unchecked")
    static List<SkippedFile> skipped(ExecutionContext job) {
        return (List<SkippedFile>) job.get(SKIPPED, List.class, List.of());
    }

    /** Files whose content had already been processed (dropped twice), for the summary. */
    @SuppressWarnings("unchecked")
    static synchronized void addDuplicate(StepExecution step, SkippedFile duplicate) {
        ExecutionContext job = step.getJobExecution().getExecutionContext();
        List<SkippedFile> duplicates = new ArrayList<>((List<SkippedFile>) job.get(DUPLICATES, List.class, List.of()));
        duplicates.add(duplicate);
        job.put(DUPLICATES, duplicates);
    }

    @SuppressWarnings("unchecked")
    static List<SkippedFile> duplicates(ExecutionContext job) {
        return (List<SkippedFile>) job.get(DUPLICATES, List.class, List.of());
    }
}
