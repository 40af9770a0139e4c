package it.pa.monitor.cli;

import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code monitor} command; each sub-command is added by the capability that makes it work. */
@Component
@Command(name = "monitor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Monitoraggio della performance: il piano, i modelli per gli uffici, le schede di monitoraggio"
                + " depositate nella cartella di arrivo e la relazione, trimestre dopo trimestre.",
        commandListHeading = "%nComandi:%n",
        subcommands = {RunCommand.class, TemplatesCommand.class, WatchCommand.class, DemoCommand.class})
public class MonitorCommand {

    /** Read before Spring starts (see {@code MonitorApplication}); declared here so every command accepts it. */
    @Option(names = "--db", scope = ScopeType.INHERIT,
            description = "URL JDBC del database (predefinito: jdbc:h2:file:./data/monitor)")
    private String database;

    /** Read before Spring starts, like --db; the password comes only from MONITOR_DB_PASSWORD. */
    @Option(names = "--db-user", scope = ScopeType.INHERIT,
            description = "utente del database (PostgreSQL); la password si legge dalla variabile d'ambiente"
                    + " MONITOR_DB_PASSWORD, mai dalla riga di comando")
    private String databaseUser;
}
