package it.pa.monitor.cli;

import it.pa.monitor.templates.TemplateException;
import it.pa.monitor.templates.TemplateFormat;
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
        description = "Scrive le schede di monitoraggio da inviare agli uffici, una per unità, dal piano registrato.")
public class TemplatesCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(TemplatesCommand.class);

    @Spec
    private CommandSpec spec;

    @Option(names = "--period", required = true, converter = RunCommand.PeriodConverter.class,
            description = "2025, 2025-Q1..Q4, 2025-T1..T3 o 2025-S1..S2")
    private Period period;

    @Option(names = "--output", description = "cartella dei modelli (predefinita: input-templates/<periodo>)")
    private Path output;

    @Option(names = "--unit", description = "solo il modello di questa unità (un codice di unità, un codice di cruscotto o ENTE)")
    private String unit;

    @Option(names = "--format", defaultValue = "xlsx", converter = FormatConverter.class,
            description = "xlsx (predefinito) o ods (OpenDocument: senza convalida dei dati né protezione dei fogli)")
    private TemplateFormat format;

    private final TemplateGenerator generator;

    public TemplatesCommand(TemplateGenerator generator) {
        this.generator = generator;
    }

    @Override
    public Integer call() {
        Path folder = output != null ? output : TemplateGenerator.defaultOutput(period);
        List<Path> written;
        try {
            written = generator.generate(period, folder, Optional.ofNullable(unit), format);
        } catch (TemplateException e) {
            // The console shows the sentence; the stack trace goes to the log file only (INFO is not on the console).
            LOG.info("templates --period {} failed", period.code(), e);
            spec.commandLine().getErr().println(e.getMessage());
            spec.commandLine().getErr().flush();
            return 1;
        }
        var out = spec.commandLine().getOut();
        out.printf("Modelli %s: %s in %s%n", period.code(), RunSummary.count(written.size(), "scritto", "scritti"),
                folder.toAbsolutePath().normalize());
        written.forEach(f -> out.printf("  %s%n", f.getFileName()));
        out.flush();
        return 0;
    }

    /** {@code xlsx} or {@code ods}, in any case. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<TemplateFormat> {
        @Override
        public TemplateFormat convert(String value) {
            try {
                return TemplateFormat.valueOf(value.strip().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("«" + value + "» non è un formato di modello:"
                        + " scrivere xlsx o ods");
            }
        }
    }
}
