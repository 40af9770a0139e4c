package it.pa.monitor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.filter.ThresholdFilter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.rolling.RollingFileAppender;
import ch.qos.logback.core.rolling.SizeAndTimeBasedRollingPolicy;
import ch.qos.logback.core.util.FileSize;
import org.slf4j.LoggerFactory;
import org.springframework.boot.logging.LogFile;
import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.logging.LoggingSystemFactory;
import org.springframework.boot.logging.logback.LogbackLoggingSystem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * The application's logging, set up in code rather than from a logback XML file: reading the XML costs
 * every command some 450 classes (logback's Joran and the XML parser) at start-up.
 * <p>
 * The console is for people running the command: warnings only, never a stack trace; the run summary
 * is printed by the command itself. The rolling file {@code <monitor.log-dir>/monitor.log} keeps the
 * full story of every run. A failure is told on the console in one sentence by the command itself; the
 * framework's own account of it (Spring's start-up failure, the pool, Flyway, H2) goes to the file only.
 * {@code logging.level.*} properties still apply on top.
 */
public class MonitorLogging extends LogbackLoggingSystem {

    static final String CONSOLE_PATTERN = "%-5level %logger{0} - %msg%n%nopex";
    static final String FILE_PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n";

    /** Loggers whose events go to the file only, at these levels. */
    private static final String[][] FILE_ONLY = {{"it.pa.monitor.failure", "INFO"}, {"org.springframework", "WARN"},
        {"org.flywaydb", "WARN"}, {"com.zaxxer.hikari", "WARN"}, {"org.h2", "WARN"}};

    public MonitorLogging(ClassLoader classLoader) {
        super(classLoader);
    }

    /** No logback.xml or logback-spring.xml is looked for: the configuration is {@link #loadDefaults}. */
    @Override
    protected String[] getStandardConfigLocations() {
        return new String[0];
    }

    @Override
    protected String[] getSpringConfigLocations() {
        return new String[0];
    }

    @Override
    protected void loadDefaults(LoggingInitializationContext initializationContext, LogFile logFile) {
        // Spring Boot's own set-up (reset, JUL bridge, its properties, status listener), then ours instead
        // of its console appender and levels. No logging.file.name: the file is the one below, as before.
        super.loadDefaults(initializationContext, null);
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.detachAndStopAllAppenders();
        context.setPackagingDataEnabled(false);
        context.getLoggerList().forEach(logger -> {
            if (logger != root) {
                logger.setLevel(null);
            }
        });
        Environment environment = initializationContext.getEnvironment();
        String logDir = environment == null ? "data/logs" : environment.getProperty("monitor.log-dir", "data/logs");
        Appender<ILoggingEvent> console = console(context);
        Appender<ILoggingEvent> file = file(context, logDir);
        context.getLogger("it.pa.monitor").setLevel(Level.INFO);
        for (String[] fileOnly : FILE_ONLY) {
            Logger logger = context.getLogger(fileOnly[0]);
            logger.setLevel(Level.toLevel(fileOnly[1]));
            logger.setAdditive(false);
            logger.addAppender(file);
        }
        root.setLevel(Level.WARN);
        root.addAppender(console);
        root.addAppender(file);
    }

    private static Appender<ILoggingEvent> console(LoggerContext context) {
        ThresholdFilter warnings = new ThresholdFilter();
        warnings.setContext(context);
        warnings.setLevel("WARN");
        warnings.start();
        ConsoleAppender<ILoggingEvent> console = new ConsoleAppender<>();
        console.setContext(context);
        console.setName("CONSOLE");
        console.addFilter(warnings);
        console.setEncoder(encoder(context, CONSOLE_PATTERN));
        console.start();
        return console;
    }

    private static Appender<ILoggingEvent> file(LoggerContext context, String logDir) {
        RollingFileAppender<ILoggingEvent> file = new RollingFileAppender<>();
        file.setContext(context);
        file.setName("FILE");
        file.setFile(logDir + "/monitor.log");
        SizeAndTimeBasedRollingPolicy<ILoggingEvent> policy = new SizeAndTimeBasedRollingPolicy<>();
        policy.setContext(context);
        policy.setParent(file);
        policy.setFileNamePattern(logDir + "/monitor.%d{yyyy-MM-dd}.%i.log.gz");
        policy.setMaxFileSize(FileSize.valueOf("10MB"));
        policy.setMaxHistory(90);
        policy.setTotalSizeCap(FileSize.valueOf("500MB"));
        policy.start();
        file.setRollingPolicy(policy);
        file.setEncoder(encoder(context, FILE_PATTERN));
        file.start();
        if (!file.isStarted()) {
            // As with the XML file, where Spring Boot stopped on logback's errors: a run must not go unlogged.
            throw new IllegalStateException("Impossibile scrivere il file di log " + logDir + "/monitor.log");
        }
        return file;
    }

    private static PatternLayoutEncoder encoder(LoggerContext context, String pattern) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(pattern);
        encoder.start();
        return encoder;
    }

    /** Chosen by Spring Boot before its own logback system (META-INF/spring.factories). */
    @Order(Ordered.HIGHEST_PRECEDENCE)
    public static class Factory implements LoggingSystemFactory {

        @Override
        public LoggingSystem getLoggingSystem(ClassLoader classLoader) {
            return new MonitorLogging(classLoader);
        }
    }
}
