package it.pa.monitor.cli;

import it.pa.monitor.StartupFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IFactory;

/** Runs the picocli command line inside the Spring context and hands its exit code to Spring Boot. */
@Component
@ConditionalOnProperty(name = "monitor.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineApp implements CommandLineRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger("it.pa.monitor.failure");

    private final MonitorCommand command;
    private final IFactory factory;
    private int exitCode;

    CommandLineApp(MonitorCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        CommandLine commandLine = new CommandLine(command, factory);
        commandLine.setColorScheme(CommandLine.Help.defaultColorScheme(ansi()));
        // After the colour scheme: both are handed down to the sub-commands as they are set.
        commandLine.setResourceBundle(new ItalianHelp());
        commandLine.setParameterExceptionHandler(new UsageErrors());
        // A failing command prints one sentence; the stack trace goes to the log.
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            log.error("Command '{}' failed", String.join(" ", args), e);
            line.getErr().println(StartupFailure.sentence(e));
            line.getErr().flush();
            return 1;
        });
        exitCode = commandLine.execute(args);
    }

    /** Colours only on a terminal: never in a log, a pipe or CI. */
    static Ansi ansi() {
        return System.console() != null && System.getenv("CI") == null && System.getenv("NO_COLOR") == null
                ? Ansi.AUTO : Ansi.OFF;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
