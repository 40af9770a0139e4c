package it.pa.monitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs {@code monitor run} in a fresh JVM with a bounded heap, in its own working folder (so its {@code data/}
 * and logs stay there), on a file H2 database; the heap peak comes from the child's {@code -Xlog:gc} log.
 */
final class ChildRun {

    /** The run's line counting its files, as the run command prints it in Italian. */
    static final Pattern FILES = Pattern.compile(
            "File: (\\d+) accettat[oi], (\\d+) scartat[oi], (\\d+) saltat[oi]; (\\d+) valor[ei] registrat[oi]");
    /** "Pause Young (Normal) (G1 Evacuation Pause) 120M->30M(512M)": the heap in use before each collection. */
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    private static final Pattern STEP = Pattern.compile("Step: \\[(\\w+)\\] executed in (\\S+)");
    private static final Pattern DURATION_PART = Pattern.compile("(\\d+)(ms|h|m|s)");
    private static final Pattern EXIT_USED = Pattern.compile("used (\\d+)K");

    /** {@code it.pa.monitor.Launcher}'s property for the worker's own JVM options. */
    private static final String WORKER_OPTIONS = "monitor.worker-options";

    private final String heap;
    private final long timeoutMinutes;
    private final long sampleSeconds;

    /** {@code sampleSeconds} > 0 takes a thread dump of the child that often (see {@link StackSampler}). */
    ChildRun(String heap, long timeoutMinutes, long sampleSeconds) {
        this.heap = heap;
        this.timeoutMinutes = timeoutMinutes;
        this.sampleSeconds = sampleSeconds;
    }

    Result run(Path work, Path inbox, String period) throws IOException, InterruptedException {
        Path gcLog = work.resolve("gc.log");
        Path output = work.resolve("child-output.txt");
        List<String> launcher = launcher();
        String gcLogging = "-Xlog:gc,gc+heap+exit:file=" + gcLog.toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx" + heap,
                // Through the jar, as a user runs it, the run is in the worker JVM the jar starts: the GC log
                // must be the worker's alone (the launcher would write its own into the same file).
                launcher.contains("-jar") ? "-D" + WORKER_OPTIONS + "=" + gcLogging : gcLogging,
                "-Dmonitor.intake.stable-seconds=0", "-Dmonitor.progress=false",
                "-Dlogging.level.org.springframework.batch.core.step.AbstractStep=INFO"));
        command.addAll(launcher);
        command.addAll(List.of("run", "--period", period, "--inbox", inbox.toAbsolutePath().toString(), "--output",
                work.resolve("output").toAbsolutePath().toString(), "--db",
                "jdbc:h2:file:" + work.resolve("db/monitor").toAbsolutePath()));
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        long peakRssKb = 0;
        boolean finished = false;
        long deadline = start + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        StackSampler sampler = new StackSampler(work.resolve("stacks.txt"));
        long nextSample = start + TimeUnit.SECONDS.toNanos(Math.max(1, sampleSeconds));
        ProcessHandle run = process.toHandle();
        while (!finished && System.nanoTime() < deadline) {
            run = worker(process, run);
            peakRssKb = Math.max(peakRssKb, residentHighWaterKb(run.pid()));
            if (sampleSeconds > 0 && System.nanoTime() >= nextSample) {
                sampler.sample(run.pid());
                nextSample = System.nanoTime() + TimeUnit.SECONDS.toNanos(sampleSeconds);
            }
            finished = process.waitFor(250, TimeUnit.MILLISECONDS);
        }
        if (!finished) {
            process.destroyForcibly().waitFor();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        String text = Files.readString(output, StandardCharsets.UTF_8);
        long peakHeapMb = peakHeapMb(gcLog);
        String shown = String.join(" ", command);
        Matcher files = FILES.matcher(text);
        boolean counted = files.find();
        String failure = failure(text, finished, finished ? process.exitValue() : -1, counted);
        return new Result(millis, failure == null, failure, counted ? Integer.parseInt(files.group(1)) : 0,
                counted ? Integer.parseInt(files.group(2)) : 0, counted ? Long.parseLong(files.group(4)) : 0,
                peakHeapMb, peakRssKb / 1024, stepMillis(work.resolve("data/logs/monitor.log")), shown,
                sampleSeconds > 0 ? sampler.summary() : "");
    }

    private String failure(String text, boolean finished, int exitCode, boolean counted) {
        if (!finished) {
            return "killed after a timeout of " + timeoutMinutes + " min";
        }
        if (text.contains("OutOfMemoryError")) {
            int at = text.indexOf("OutOfMemoryError");
            String line = text.substring(at, Math.min(text.length(), text.indexOf('\n', at) < 0 ? text.length()
                    : text.indexOf('\n', at)));
            return line.strip() + " (exit " + exitCode + ")";
        }
        // "è" may reach the file as "?" from a JVM whose console is ASCII.
        Matcher incomplete = Pattern.compile("L'elaborazione non si \\S{1,2} conclusa: (.*)").matcher(text);
        if (incomplete.find()) {
            return "run did not complete: " + incomplete.group(1).strip() + " (exit " + exitCode + ")";
        }
        if (exitCode != 0 || !counted) {
            return "exit " + exitCode + (counted ? "" : ", no file summary printed");
        }
        return null;
    }

    /**
     * The JVM doing the run: the worker the jar's launcher starts, once it has started ({@code it.pa.monitor.Launcher}),
     * else the process itself.
     */
    private static ProcessHandle worker(Process process, ProcessHandle known) {
        if (known.pid() != process.pid()) {
            return known;
        }
        return process.children().findFirst().orElse(known);
    }

    /** A command that starts this application in a new JVM with the given options and arguments. */
    static List<String> javaCommand(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.addAll(launcher());
        command.addAll(args);
        return command;
    }

    /** The child is started the way this JVM was: {@code -jar monitor.jar} or the classpath and main class. */
    private static List<String> launcher() {
        String classpath = System.getProperty("java.class.path");
        if (!classpath.contains(java.io.File.pathSeparator) && classpath.endsWith(".jar")) {
            return List.of("-jar", Path.of(classpath).toAbsolutePath().toString());
        }
        return List.of("-cp", classpath, "it.pa.monitor.MonitorApplication");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** VmHWM of a Linux process (0 elsewhere, or once it has exited). */
    private static long residentHighWaterKb(long pid) {
        Path status = Path.of("/proc", Long.toString(pid), "status");
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    /** The largest heap occupancy in the GC log: before any collection, or at exit. */
    static long peakHeapMb(Path gcLog) throws IOException {
        if (!Files.exists(gcLog)) {
            return 0;
        }
        long peakKb = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher gc = GC.matcher(line);
            if (line.contains("Pause") && gc.find()) {
                peakKb = Math.max(peakKb, kilobytes(gc.group(1), gc.group(2)));
            }
            Matcher used = EXIT_USED.matcher(line);
            if (line.contains("garbage-first heap") && used.find()) {
                peakKb = Math.max(peakKb, Long.parseLong(used.group(1)));
            }
        }
        return peakKb / 1024;
    }

    /** "Step: [intake] executed in 2m3s45ms", logged by Spring Batch for every step. */
    static Map<String, Long> stepMillis(Path log) throws IOException {
        Map<String, Long> steps = new LinkedHashMap<>();
        if (!Files.exists(log)) {
            return steps;
        }
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher step = STEP.matcher(line);
            if (step.find()) {
                steps.put(step.group(1), durationMillis(step.group(2)));
            }
        }
        return steps;
    }

    static long durationMillis(String text) {
        long millis = 0;
        Matcher part = DURATION_PART.matcher(text);
        while (part.find()) {
            long amount = Long.parseLong(part.group(1));
            millis += switch (part.group(2)) {
                case "h" -> amount * 3_600_000;
                case "m" -> amount * 60_000;
                case "s" -> amount * 1_000;
                default -> amount;
            };
        }
        return millis;
    }

    private static long kilobytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "G" -> value * 1024 * 1024;
            case "M" -> value * 1024;
            default -> value;
        };
    }

    /**
     * The full {@code run} in a child process: wall time, whether it completed, what it accepted and stored, and
     * the duration of each Spring Batch step (from the child's log), the peak heap (largest heap occupancy the GC log shows) and peak resident memory of the child.
     */
    record Result(long millis, boolean completed, String failure, int accepted, int rejected, long values,
            long peakHeapMb, long peakRssMb, java.util.Map<String, Long> stepMillis, String command,
            String profile) {
    }
}
