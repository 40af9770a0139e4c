package it.pa.monitor.cli;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/** Runs the picocli command line inside the Spring context and hands its exit code to Spring Boot. */
@Component
@ConditionalOnProperty(name = "monitor.cli.enabled", havingValue = "true", matchIfMissing = true)
class CommandLineApp implements CommandLineRunner, ExitCodeGenerator {

    private final MonitorCommand command;
    private final IFactory factory;
    private int exitCode;

    CommandLineApp(MonitorCommand command, IFactory factory) {
        this.command = command;
        this.factory = factory;
    }

    @Override
    public void run(String... args) {
        exitCode = new CommandLine(command, factory).execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
