package it.pa.monitor;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
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
        System.exit(run(args));
    }

    /** Runs one command and returns its exit code. */
    public static int run(String... args) {
        // The database (and, for demo, the log folder) must be chosen before the context starts.
        Map<String, Object> startup = new HashMap<>();
        Optional<String> database = DatabaseOption.find(args);
        database.ifPresent(url -> startup.put("spring.datasource.url", withoutH2ShutdownHook(url)));
        Optional<Path> demo = DemoFolder.find(args);
        if (demo.isPresent()) {
            try {
                DemoFolder.prepare(demo.get());
            } catch (IOException | IllegalStateException e) {
                System.err.println(e instanceof IllegalStateException ? e.getMessage()
                        : "Cannot prepare the demo folder " + demo.get() + ": " + e.getMessage());
                return 1;
            }
            if (database.isEmpty()) {
                startup.put("spring.datasource.url", withoutH2ShutdownHook("jdbc:h2:file:"
                        + demo.get().resolve("data/monitor")));
            }
            startup.put("monitor.log-dir", demo.get().resolve("data/logs").toString());
        }
        SpringApplication application = new SpringApplication(MonitorApplication.class);
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("monitor-startup", startup));
        application.setEnvironment(environment);
        return StartupFailure.exitCode(() -> SpringApplication.exit(application.run(args)));
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
