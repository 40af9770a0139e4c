package it.pa.monitor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The jar's entry point ({@code java -jar monitor.jar ...}): runs the command in a second JVM, the worker, started
 * with the options that suit a command of seconds to minutes, which a jar cannot ask for itself: HotSpot's quick
 * compiler only ({@link #WORKER_OPTIONS}). A run of 1 000 monitoring sheets took 13 % less time in such a JVM than
 * with C2 turned off by {@link CompilerDirective}: methods then skip C1's profiling tier too.
 * <p>
 * The worker gets this JVM's own options after those (so {@code -Xmx}, {@code -D...} and an option given on the
 * command line still win), the same class path, standard input and output; this JVM waits for it and exits with its
 * exit code. Stopping this JVM (Ctrl-C, {@code kill}) stops the worker the same way; killed outright, it leaves a
 * worker that notices within {@link ParentWatch#INTERVAL_MILLIS} ms and halts as a killed JVM would, so a crash
 * stays a crash, which intake recovers from. The command runs in this JVM instead with
 * {@code -Dmonitor.relaunch=false}, where the JVM is not HotSpot with its tiers, where its options already leave
 * C2 out, under a debugger or profiler agent, and for {@code bench} (whose own child runs go through here).
 */
public final class Launcher {

    /** {@code -Dmonitor.relaunch=false}: run in this JVM. */
    static final String RELAUNCH = "monitor.relaunch";
    /** Set on the worker: the process id of the JVM that started it, which it watches. */
    static final String PARENT = "monitor.launcher-pid";
    /** Further options for the worker only (separated by spaces), such as a GC log file of its own. */
    static final String WORKER_EXTRA = "monitor.worker-options";
    /** What the worker gets before this JVM's own options. */
    static final List<String> WORKER_OPTIONS = List.of("-XX:TieredStopAtLevel=1");

    /** How long a stopped launcher waits for its worker to end before killing it. */
    private static final long STOP_GRACE_SECONDS = 30;

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (!relaunches(args, jvmOptions, Boolean.parseBoolean(System.getProperty(RELAUNCH, "true")),
                tieredUpToC2())) {
            MonitorApplication.main(args);
            return;
        }
        List<String> command = workerCommand(javaExecutable(), jvmOptions, System.getProperty(WORKER_EXTRA, ""),
                ProcessHandle.current().pid(), System.getProperty("java.class.path"), args);
        Process worker = new ProcessBuilder(command).inheritIO().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(worker), "arresto-worker"));
        System.exit(worker.waitFor());
    }

    /**
     * Whether to start a worker: allowed, on HotSpot with C2 as its top tier, no agent given (a debugger or a
     * profiler wants this JVM), not for {@code bench}, and not from a worker.
     */
    static boolean relaunches(String[] args, List<String> jvmOptions, boolean allowed, boolean tieredUpToC2) {
        if (!allowed || !tieredUpToC2 || System.getProperty(PARENT) != null
                || (args.length > 0 && args[0].equals("bench"))) {
            return false;
        }
        return jvmOptions.stream().noneMatch(o -> o.startsWith("-agentlib") || o.startsWith("-agentpath")
                || o.startsWith("-javaagent") || o.startsWith("-Xrun") || o.startsWith("-Xdebug"));
    }

    /** The worker's command line: this application's main class, with this JVM's class path. */
    static List<String> workerCommand(String java, List<String> jvmOptions, String extraOptions, long parentPid,
                                      String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(WORKER_OPTIONS);
        command.addAll(jvmOptions);
        Arrays.stream(extraOptions.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.add("-D" + PARENT + "=" + parentPid);
        command.add("-cp");
        command.add(classPath);
        command.add(MonitorApplication.class.getName());
        command.addAll(Arrays.asList(args));
        return command;
    }

    /** True on HotSpot with tiered compilation up to C2 (level 4), the JVM's default. */
    private static boolean tieredUpToC2() {
        try {
            HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return flags != null && Boolean.parseBoolean(flags.getVMOption("TieredCompilation").getValue())
                    && Integer.parseInt(flags.getVMOption("TieredStopAtLevel").getValue()) >= 4;
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** This JVM is stopping (Ctrl-C, kill): the worker stops too, gracefully if it can. */
    private static void stop(Process worker) {
        if (!worker.isAlive()) {
            return;
        }
        worker.destroy();
        try {
            if (!worker.waitFor(STOP_GRACE_SECONDS, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        } catch (InterruptedException e) {
            worker.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The launcher's process, as the worker finds it from {@link #PARENT}; empty elsewhere. */
    static Optional<ProcessHandle> launcherOfThisWorker() {
        String pid = System.getProperty(PARENT);
        if (pid == null) {
            return Optional.empty();
        }
        try {
            return ProcessHandle.of(Long.parseLong(pid));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
