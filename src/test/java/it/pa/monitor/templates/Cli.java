package it.pa.monitor.templates;

import it.pa.monitor.MonitorApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Runs {@code monitor} in-process as {@code java -jar monitor.jar ...} would, capturing what it prints. */
final class Cli {

    record Result(int exitCode, String out, String err) {
    }

    private Cli() {
    }

    static String fileDb(Path folder) {
        return "jdbc:h2:file:" + folder.resolve("monitor").toAbsolutePath();
    }

    static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
        ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
        try {
            System.setProperty("monitor.intake.stable-seconds", "0");
            System.setProperty("monitor.progress", "false");
            int exit = MonitorApplication.run(args);
            return new Result(exit, capturedOut.toString(StandardCharsets.UTF_8),
                    capturedErr.toString(StandardCharsets.UTF_8));
        } finally {
            System.clearProperty("monitor.intake.stable-seconds");
            System.clearProperty("monitor.progress");
            System.setOut(out);
            System.setErr(err);
        }
    }
}
