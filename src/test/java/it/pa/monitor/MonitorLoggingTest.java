package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.mock.env.MockEnvironment;

/** The logging set up in code says what logback-spring.xml said: who writes where, in which form. */
class MonitorLoggingTest {

    @TempDir
    Path logDir;

    @Test
    void consoleShowsWarningsInOneLineTheFileKeepsEverythingTheFrameworkGoesToTheFileOnly() throws Exception {
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        assertThat(system).isInstanceOf(MonitorLogging.class);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = System.out;
        System.setOut(new PrintStream(console, true, StandardCharsets.UTF_8));
        try {
            system.cleanUp(); // the surefire JVM may have set it up already for another test
            system.beforeInitialize();
            system.initialize(new LoggingInitializationContext(
                    new MockEnvironment().withProperty("monitor.log-dir", logDir.toString())), null, null);
            LoggerFactory.getLogger("it.pa.monitor.intake.Esempio").info("file letto");
            LoggerFactory.getLogger("it.pa.monitor.intake.Esempio").warn("foglio senza valori",
                    new IllegalStateException("causa del problema"));
            LoggerFactory.getLogger("it.pa.monitor.failure").error("comando fallito", new RuntimeException("guasto"));
            LoggerFactory.getLogger("org.springframework.jdbc.Esempio").warn("avviso del framework");
            LoggerFactory.getLogger("org.springframework.jdbc.Esempio").info("dettaglio del framework");
            LoggerFactory.getLogger("org.h2.Esempio").error("errore del database");
            LoggerFactory.getLogger("com.altro.Esempio").info("informazione di altri");
        } finally {
            System.setOut(out);
            system.cleanUp();
            ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
        }
        // Console: warnings of the application only, pattern %-5level %logger{0} - %msg, never a stack trace.
        assertThat(console.toString(StandardCharsets.UTF_8).lines().toList())
                .containsExactly("WARN  Esempio - foglio senza valori");
        String file = Files.readString(logDir.resolve("monitor.log"), StandardCharsets.UTF_8);
        assertThat(file.lines().filter(l -> l.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} .*"))
                .map(l -> l.substring(24)).toList()).containsExactly(
                "INFO  [main] it.pa.monitor.intake.Esempio - file letto",
                "WARN  [main] it.pa.monitor.intake.Esempio - foglio senza valori",
                "ERROR [main] it.pa.monitor.failure - comando fallito",
                "WARN  [main] org.springframework.jdbc.Esempio - avviso del framework",
                "ERROR [main] org.h2.Esempio - errore del database");
        assertThat(file).contains("java.lang.IllegalStateException: causa del problema",
                "java.lang.RuntimeException: guasto", "\tat it.pa.monitor.MonitorLoggingTest.");
        // No packaging data after the frames (logback's default, as with the XML file).
        assertThat(file).doesNotContain(".jar:");
    }

    @Test
    void aLogFolderThatCannotBeWrittenStopsTheCommand() throws Exception {
        Path notAFolder = Files.writeString(logDir.resolve("not-a-folder"), "");
        LoggingSystem system = LoggingSystem.get(getClass().getClassLoader());
        PrintStream out = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            system.cleanUp();
            system.beforeInitialize();
            assertThatThrownBy(() -> system.initialize(new LoggingInitializationContext(
                    new MockEnvironment().withProperty("monitor.log-dir", notAFolder.toString())), null, null))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Impossibile scrivere il file di log " + notAFolder + "/monitor.log");
        } finally {
            System.setOut(out);
            system.cleanUp();
            ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
        }
    }
}
