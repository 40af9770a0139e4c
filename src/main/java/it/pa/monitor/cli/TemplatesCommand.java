package it.pa.monitor.cli;

import it.pa.monitor.templates.TemplateException;
import it.pa.monitor.templates.TemplateGenerator;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code templates}: the monitoring workbooks the offices fill in, from the stored plan (FORMATS.md §2, §6). */
@Component
@Command(name = "templates", mixinStandardHelpOptions = true,
        description = "Writes the monitoring sheets to send to the offices, one per unit, from the stored plan.")
public class TemplatesCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TemplatesCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--period", required = true, converter = RunCommand.PeriodConverter.class,
            description = "2025, 2025-Q1..Q4, 2025-T1..T3 or 2025-S1..S2")
    private Period period;

    @Option(names = "--output", description = "output folder (default: input-templates/<period>)")
    private Path output;

    @Option(names = "--unit", description = "only the template of this unit (a unit code, a cruscotto code or ENTE)")
    private String unit;

    private final TemplateGenerator generator;

    public TemplatesCommand(TemplateGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Integer call() {
        Path folder = output != null ? output : TemplateGenerator.defaultOutput(period);
        List<Path> written;
        try {
            written = generator.generate(period, folder, Optional.ofNullable(unit));
        } catch (TemplateException e) {
            // The console shows the sentence; the stack trace goes to the log file only (INFO is not on the console).
            LOG.info("templates --period {} failed", period.code(), e);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.printf("Templates %s: %d written in %s%n", period.code(), written.size(),
                folder.toAbsolutePath().normalize());
        written.forEach(f -> out.printf("  %s%n", f.getFileName()));
        out.flush();
        return 0;
    }
}
