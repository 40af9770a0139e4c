package it.pa.monitor.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code monitor} command; each sub-command is added by the capability that makes it work. */
@Component
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Performance monitoring: the plan, the templates for the offices, the monitoring sheets"
                + " dropped in the inbox and the consolidated workbook, quarter after quarter.",
        commandListHeading = "%nCommands:%n",
        subcommands = {RunCommand.class, TemplatesCommand.class, WatchCommand.class, DemoCommand.class})
public class MonitorCommand {

    /** Read before Spring starts (see {@code MonitorApplication}); declared here so every command accepts it. */
    @Option(names = "--db", scope = ScopeType.INHERIT,
            description = "JDBC URL of the database (default: jdbc:h2:file:./data/monitor)")
    private String database;

    /** Read before Spring starts, like --db; the password comes only from MONITOR_DB_PASSWORD. */
    @Option(names = "--db-user", scope = ScopeType.INHERIT,
            description = "database user (PostgreSQL); the password is read from the environment variable"
                    + " MONITOR_DB_PASSWORD, never from the command line")
    private String databaseUser;
}
