package it.pa.monitor;

import java.io.PrintStream;
import it.pa.monitor.bench.BenchCommand;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.MapPropertySource;

/** Entry point: a Spring Boot application driven by the picocli command line. */
@SpringBootApplication
public class MonitorApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("bench")) {
            // The benchmark needs neither Spring nor a database: it starts the application in child JVMs.
            System.exit(BenchCommand.execute(Arrays.copyOfRange(args, 1, args.length)));
        }
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
            err.println("Do not write the password in --db: set the environment variable "
                    + DatabaseOption.PASSWORD_VARIABLE + " instead.");
            return 2;
        }
        SpringApplication application = new SpringApplication(MonitorApplication.class);
        String[] effectiveUrl = new String[1];
        // The database must be chosen before the context starts, so the options become properties here.
        application.addInitializers(context -> {
            var environmentOfContext = context.getEnvironment();
            effectiveUrl[0] = database.url() != null ? database.url()
                    : environmentOfContext.getProperty("spring.datasource.url");
            environmentOfContext.getPropertySources().addFirst(
                    new MapPropertySource("--db", database.properties(effectiveUrl[0])));
        });
        try {
            return SpringApplication.exit(application.run(args));
        } catch (RuntimeException e) {
            Optional<String> sentence = DatabaseFailure.describe(e, effectiveUrl[0]);
            if (sentence.isEmpty()) {
                throw e;
            }
            err.println(sentence.get());
            return 1;
        }
    }
}
