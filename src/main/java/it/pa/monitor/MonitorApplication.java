package it.pa.monitor;

import it.pa.monitor.bench.BenchCommand;
import java.util.Arrays;
import java.util.Map;
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
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code. */
    public static int run(String... args) {
        SpringApplication application = new SpringApplication(MonitorApplication.class);
        // The database must be chosen before the context starts, so --db becomes a property here.
        DatabaseOption.find(args).ifPresent(url -> application.addInitializers(context -> context.getEnvironment()
                .getPropertySources().addFirst(new MapPropertySource("--db", Map.of("spring.datasource.url", url)))));
        return SpringApplication.exit(application.run(args));
    }
}
