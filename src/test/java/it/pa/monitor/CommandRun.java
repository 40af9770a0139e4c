package it.pa.monitor;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs the command in-process, as {@code java -jar monitor.jar ...} would: its exit code, what it
 * printed on standard output and on standard error.
 */
public record CommandRun(int exitCode, String output, String errors) {

    public static CommandRun of(String... args) {
        return of(java.util.Map.of(), args);
    }

    /** With {@code environment} as the process environment (where the database password is read). */
    public static CommandRun of(java.util.Map<String, String> environment, String... args) {
        PrintStream original = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("monitor.intake.stable-seconds", "0");
            System.setProperty("monitor.progress", "false");
            int code = MonitorApplication.run(environment, args);
            return new CommandRun(code, captured.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
            System.setOut(original);
            System.setErr(originalErr);
        }
    }

    /** An H2 file database in {@code folder}, for commands that must see each other's data. */
    public static String fileDb(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("monitor").toAbsolutePath();
    }
}
