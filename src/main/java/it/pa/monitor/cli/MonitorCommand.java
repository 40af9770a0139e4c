package it.pa.monitor.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code monitor} command; each sub-command is added by the capability that makes it work. */
@Component
@Command(name = "monitor", mixinStandardHelpOptions = true, version = "monitor 0.1.0",
        description = "Performance monitoring: loads the plan and the monitoring sheets dropped in the inbox.",
        subcommands = {RunCommand.class, TemplatesCommand.class, WatchCommand.class, DemoCommand.class})
public class MonitorCommand {

    /** Read before Spring starts (see {@code MonitorApplication}); declared here so every command accepts it. */
    @Option(names = "--db", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database (default: jdbc:h2:file:./data/monitor)")
    private String database;
}
