package it.pa.monitor;

import java.io.IOException;
import java.io.PrintStream;
import it.pa.monitor.bench.BenchCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Entry point: a Spring Boot application driven by the picocli command line. */
@SpringBootApplication
public class MonitorApplication {

    public static void main(String[] args) {
        ParentWatch.startIfWorker();
        if (args.length > 0 && args[0].equals("bench")) {
            // The benchmark needs neither Spring nor a database: it starts the application in child JVMs.
            System.exit(BenchCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
        StartupClasses.loadInBackground();
        CompilerDirective.withoutC2InBackground();
        System.exit(run(System.getenv(), args));
    }

    /** Runs one command and returns its exit code. */
    public static int run(String... args) {
        return run(System.getenv(), args);
    }

    /**
     * Runs one command with the given environment (where the database password is read) and returns
     * its exit code: 1, with one sentence on standard error, when the database cannot be opened.
     */
    public static int run(Map<String, String> environment, String... args) {
        DatabaseOption database = DatabaseOption.of(args, environment);
        PrintStream err = System.err;
        if (database.passwordInUrl()) {
            err.println("Non scrivere la password in --db: impostarla nella variabile d'ambiente "
                    + DatabaseOption.PASSWORD_VARIABLE + ".");
            return 2;
        }
        // The log folder (for demo) must be known before logging starts, so before the context.
        Map<String, Object> startup = new HashMap<>();
        Optional<Path> demo = DemoFolder.find(args);
        if (demo.isPresent()) {
            try {
                DemoFolder.prepare(demo.get());
            } catch (IOException | IllegalStateException e) {
                err.println(e instanceof IllegalStateException ? e.getMessage()
                        : "Impossibile preparare la cartella della dimostrazione " + demo.get() + ": " + e.getMessage());
                return 1;
            }
            if (database.url() == null) {
                startup.put("spring.datasource.url", "jdbc:h2:file:" + demo.get().resolve("data/monitor"));
            }
            startup.put("monitor.log-dir", demo.get().resolve("data/logs").toString());
        }
        if (database.url() == null && demo.isEmpty() && asksOnlyForHelp(args)) {
            // Help and version read no data: they must not create ./data/monitor where they are typed.
            startup.put("spring.datasource.url", "jdbc:h2:mem:monitor-help");
        }
        SpringApplication application = new SpringApplication(MonitorApplication.class);
        StandardEnvironment startupEnvironment = new StandardEnvironment();
        startupEnvironment.getPropertySources().addFirst(new MapPropertySource("monitor-startup", startup));
        application.setEnvironment(startupEnvironment);
        String[] effectiveUrl = new String[1];
        // A context that fails before its migration leaves the early one neither running nor open (see finally).
        List<Migrations.Early> started = new ArrayList<>();
        // The database must be chosen before the context starts, so the options become properties here.
        application.addInitializers(context -> {
            var environmentOfContext = context.getEnvironment();
            String url = database.url() != null ? database.url()
                    : environmentOfContext.getProperty("spring.datasource.url");
            effectiveUrl[0] = url;
            Map<String, Object> properties = new HashMap<>(database.properties(url));
            if (url != null) {
                properties.put("spring.datasource.url", withoutH2ShutdownHook(url));
            }
            environmentOfContext.getPropertySources().addFirst(new MapPropertySource("--db", properties));
            // The migration of the embedded file database starts now, beside the context's start-up.
            Migrations.Early.start(environmentOfContext.getProperty("spring.datasource.url"),
                            environmentOfContext.getProperty("spring.datasource.username"),
                            environmentOfContext.getProperty("spring.datasource.password", ""))
                    .ifPresent(early -> {
                        started.add(early);
                        context.getBeanFactory().registerSingleton("earlyMigration", early);
                        // No connection of the context's before the migration ends: its DDL holds H2's schema lock.
                        context.getBeanFactory().addBeanPostProcessor(early.beforeDataSources());
                    });
        });
        return StartupFailure.exitCode(() -> {
            try {
                return SpringApplication.exit(application.run(args));
            } catch (RuntimeException e) {
                Optional<String> sentence = StartupFailure.databaseInUse(e) ? Optional.empty()
                        : DatabaseFailure.describe(e, effectiveUrl[0]);
                if (sentence.isEmpty()) {
                    throw e;
                }
                err.println(sentence.get());
                return 1;
            } finally {
                started.forEach(Migrations.Early::close);
            }
        });
    }

    private static boolean asksOnlyForHelp(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.equals("--help") || a.equals("-h") || a.equals("--version")
                || a.equals("-V"));
    }

    /**
     * H2 closes an embedded database from its own shutdown hook on Ctrl-C/SIGTERM, while a watch may
     * still be finishing a batch; the application closes it instead, after that batch.
     */
    static String withoutH2ShutdownHook(String url) {
        return url.startsWith("jdbc:h2:") && !url.toUpperCase(java.util.Locale.ROOT).contains("DB_CLOSE_ON_EXIT")
                ? url + ";DB_CLOSE_ON_EXIT=FALSE" : url;
    }
}
