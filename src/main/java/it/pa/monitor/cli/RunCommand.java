package it.pa.monitor.cli;

import it.pa.monitor.StartupFailure;
import it.pa.monitor.run.MonitorRun;
import it.pa.monitor.run.RunParameters;
import it.pa.monitor.run.RunReport;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: intake of every file in the inbox, scoring and output for a period (FORMATS.md §6). */
@Component
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Acquisisce ogni file della cartella di arrivo, calcola i risultati e scrive la relazione del"
                + " periodo.")
public class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--period", required = true, converter = PeriodConverter.class,
            description = "2025, 2025-Q1..Q4, 2025-T1..T3 o 2025-S1..S2")
    private Period period;

    @Option(names = "--inbox", defaultValue = "inbox", description = "cartella di arrivo dei file (predefinita: ${DEFAULT-VALUE})")
    private Path inbox;

    @Option(names = "--output", defaultValue = "output", description = "cartella dei risultati (predefinita: ${DEFAULT-VALUE})")
    private Path output;

    private final MonitorRun monitorRun;

    public RunCommand(MonitorRun monitorRun) {
        this.monitorRun = monitorRun;
    }

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(inbox)) {
            return run(); // the run reports the missing inbox
        }
        Optional<InboxLock> lock = InboxLock.tryAcquire(inbox);
        if (lock.isEmpty()) {
            spec.commandLine().getErr().println(InboxLock.refusal(inbox));
            spec.commandLine().getErr().flush();
            return 1;
        }
        try (InboxLock held = lock.get()) {
            return run();
        }
    }

    private int run() {
        // A run of the same period, inbox and output that failed (say, the workbook could not be written)
        // is resumed at the step that failed; the job's last step writes the workbooks.
        RunReport report = monitorRun.resume(new RunParameters(period, inbox, output));
        new RunSummary(report, report.workbooks()).print(spec.commandLine().getOut());
        if (report.cause() != null) {
            // As for any failed command: one sentence, the stack trace is in the log (Spring Batch wrote it).
            spec.commandLine().getErr().println(StartupFailure.sentence(report.cause()));
            spec.commandLine().getErr().flush();
        }
        return report.completed() ? 0 : 1;
    }

    /** Parses the period with the message of {@link Period#parse}. */
    static final class PeriodConverter implements ITypeConverter<Period> {
        @Override
        public Period convert(String value) {
            try {
                return Period.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage()); // the sentence alone
            }
        }
    }
}
