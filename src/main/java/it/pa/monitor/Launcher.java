package it.pa.monitor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import sun.misc.Signal;

/**
 * The jar's entry point ({@code java -jar monitor.jar ...}): runs the command in a second JVM, the worker, started
 * with the options that suit a command of seconds to minutes, which a jar cannot ask for itself: HotSpot's quick
 * compiler only ({@link #WORKER_OPTIONS}) and the heap in huge pages where the system allows them
 * ({@link #hugePageOptions}). A run of 1 000 monitoring sheets took 13 % less time with the quick compiler only than
 * with C2 turned off by {@link CompilerDirective}: methods then skip C1's profiling tier too.
 * <p>
 * The worker gets this JVM's own options after those (so {@code -Xmx}, {@code -D...} and an option given on the
 * command line still win), the same class path, standard input and output; this JVM waits for it and exits with its
 * exit code, also after Ctrl-C or {@code kill}, which reach the worker as they would a single JVM. Killed outright,
 * this JVM leaves a worker that notices within {@link ParentWatch#INTERVAL_MILLIS} ms and halts as a killed JVM
 * would, so a crash stays a crash, which intake recovers from. The command runs in this JVM instead with
 * {@code -Dmonitor.relaunch=false} or {@code -Dmonitor.jit.c2=true}, where the JVM is not HotSpot with its tiers or
 * its options already leave C2 out, with an option two JVMs cannot share (an agent, a debugger, a flight recording,
 * JMX, a log or archive file: {@link #ONE_JVM_ONLY}), and for {@code bench} (whose own child runs go through here).
 */
public final class Launcher {

    /** {@code -Dmonitor.relaunch=false}: run in this JVM. */
    static final String RELAUNCH = "monitor.relaunch";
    /** Set on the worker: the process id of the JVM that started it, which it watches. */
    static final String PARENT = "monitor.launcher-pid";
    /** Further options for the worker only, separated by {@code |}, such as a GC log file of its own. */
    static final String WORKER_EXTRA = "monitor.worker-options";
    /** What the worker gets before this JVM's own options. */
    static final List<String> WORKER_OPTIONS = List.of("-XX:TieredStopAtLevel=1");
    /**
     * Where Linux tells whether a process may ask for transparent huge pages: {@code [always]} or {@code [madvise]}
     * selected ({@link #hugePageOptions}).
     */
    static final Path HUGE_PAGES_SETTING = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    /** Beside {@link #HUGE_PAGES_SETTING}: the huge pages' size in bytes (kernel 4.10 on). */
    static final String HUGE_PAGE_SIZE = "hpage_pmd_size";
    /**
     * The class-data-sharing archive the build makes beside the jar ({@code target/monitor.jsa}, pom.xml): the
     * classes a demo year loads, parsed and verified once. An archive that no longer matches the jars or the JDK
     * is left unused by the JVM; its messages about it are turned off, as they would go to standard output.
     */
    static final String CLASS_ARCHIVE = "monitor.jsa";
    /**
     * Options that would act twice, or clash, in two JVMs: agents and debuggers, flight recordings, a JMX port,
     * a log or class-archive file both would write.
     */
    static final Pattern ONE_JVM_ONLY = Pattern.compile("-agentlib.*|-agentpath.*|-javaagent.*|-Xrun.*|-Xdebug"
            + "|-XX:StartFlightRecording.*|-XX:\\+FlightRecorder|-Dcom\\.sun\\.management\\.jmxremote.*"
            + "|-Xlog.*file=.*|-Xloggc:.*|-XX:ArchiveClassesAtExit.*|-XX:\\+AutoCreateSharedArchive"
            + "|-XX:DumpLoadedClassList.*");
    /** Environment variables that add JVM options: the worker has them already, as this JVM's options. */
    static final List<String> OPTIONS_VARIABLES = List.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean allowed = Boolean.parseBoolean(System.getProperty(RELAUNCH, "true"))
                && !Boolean.getBoolean(CompilerDirective.KEEP_C2);
        if (!relaunches(args, jvmOptions, allowed, tieredUpToC2())) {
            MonitorApplication.main(args);
            return;
        }
        String classPath = System.getProperty("java.class.path");
        List<String> command = workerCommand(javaExecutable(), workerOptions(jvmOptions, classPath), jvmOptions,
                System.getProperty(WORKER_EXTRA, ""), ProcessHandle.current().pid(), classPath, args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        OPTIONS_VARIABLES.forEach(builder.environment()::remove);
        Process worker = builder.start();
        passSignalsTo(worker);
        System.exit(worker.waitFor());
    }

    /**
     * Whether to start a worker: allowed, on HotSpot with C2 as its top tier, no option that two JVMs cannot share
     * ({@link #ONE_JVM_ONLY}), not for {@code bench}, and not from a worker.
     */
    static boolean relaunches(String[] args, List<String> jvmOptions, boolean allowed, boolean tieredUpToC2) {
        if (!allowed || !tieredUpToC2 || System.getProperty(PARENT) != null
                || (args.length > 0 && args[0].equals("bench"))) {
            return false;
        }
        return jvmOptions.stream().noneMatch(o -> ONE_JVM_ONLY.matcher(o).matches());
    }

    /**
     * The worker's options before this JVM's own: {@link #WORKER_OPTIONS}, {@link #hugePageOptions} and, unless
     * the command line sets class sharing itself ({@code -Xshare:...}, an archive of its own),
     * {@link #classArchiveOptions}: with
     * {@code -Xshare:on} a stale archive of ours would stop the worker from starting.
     */
    static List<String> workerOptions(List<String> jvmOptions, String classPath) {
        return workerOptions(jvmOptions, classPath, HUGE_PAGES_SETTING);
    }

    /** As {@link #workerOptions(List, String)}, the huge pages' setting read from {@code hugePagesSetting}. */
    static List<String> workerOptions(List<String> jvmOptions, String classPath, Path hugePagesSetting) {
        List<String> ours = new ArrayList<>(WORKER_OPTIONS);
        ours.addAll(hugePageOptions(jvmOptions, hugePagesSetting));
        if (jvmOptions.stream().noneMatch(o -> o.startsWith("-Xshare") || o.startsWith("-XX:SharedArchiveFile"))) {
            ours.addAll(classArchiveOptions(classPath));
        }
        return ours;
    }

    /**
     * {@code -XX:+UseTransparentHugePages} where the system lets a process ask for them and the command line does
     * not choose the pages or a collector that wants them otherwise: the heap in pages of 2 MB instead of 4 kB. A
     * run of 1 000 sheets spent about a fifth less time in the kernel (the first touch of every heap page) and ran
     * 5–7 % faster. Left out where Linux has them off or does not say their size (before kernel 4.10, where
     * some JDK 17 updates crash with the option), off Linux (the JVM does not know the option there), with an
     * option of the user's about large pages ({@code LargePage*}, {@code TransparentHugePages},
     * {@code UseHugeTLBFS}, {@code UseSHM}, which ours would override) and with ZGC (whose heap is shared memory:
     * a newer JDK warns on standard output where such huge pages are off).
     */
    static List<String> hugePageOptions(List<String> jvmOptions, Path hugePagesSetting) {
        if (jvmOptions.stream().anyMatch(o -> o.contains("LargePage") || o.contains("TransparentHugePages")
                || o.contains("UseHugeTLBFS") || o.contains("UseSHM") || o.contains("UseZGC"))) {
            return List.of();
        }
        try {
            String setting = Files.readString(hugePagesSetting);
            Path size = hugePagesSetting.resolveSibling(HUGE_PAGE_SIZE);
            boolean sized = Files.isRegularFile(size) && Long.parseLong(Files.readString(size).strip()) > 0;
            return sized && (setting.contains("[always]") || setting.contains("[madvise]"))
                    ? List.of("-XX:+UseTransparentHugePages") : List.of();
        } catch (IOException | RuntimeException e) {
            return List.of(); // no such setting here: not Linux, or not readable
        }
    }

    /**
     * {@link #CLASS_ARCHIVE} for the worker where the class path is one jar with the archive beside it (as
     * {@code java -jar target/monitor.jar} has it); nothing otherwise.
     */
    static List<String> classArchiveOptions(String classPath) {
        if (classPath == null || classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return List.of();
        }
        Path archive = Path.of(classPath).toAbsolutePath().resolveSibling(CLASS_ARCHIVE);
        if (archive.toString().contains(File.pathSeparator)) {
            return List.of(); // SharedArchiveFile would read it as two archives, base and top
        }
        return Files.isRegularFile(archive) ? List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds*=off")
                : List.of();
    }

    /**
     * The worker's command line: {@code ours} ({@link #workerOptions(List, String)}), this JVM's options
     * and the extra ones, then this application's main class with this JVM's class path.
     */
    static List<String> workerCommand(String java, List<String> ours, List<String> jvmOptions, String extraOptions,
                                      long parentPid, String classPath, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(ours);
        command.addAll(jvmOptions);
        Arrays.stream(extraOptions.split("\\|")).map(String::strip).filter(o -> !o.isEmpty()).forEach(command::add);
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

    /**
     * Ctrl-C, {@code kill} and a closed terminal stop the worker, not this JVM, which waits for the worker to end
     * and exits with its code ({@code watch} ends 0 on Ctrl-C). From a terminal the worker has the signal already
     * (the whole foreground group gets it); passing it on again changes nothing. Where a process cannot be asked
     * to stop (Windows: its console already told the worker), nothing is passed on.
     */
    private static void passSignalsTo(Process worker) {
        for (String name : List.of("INT", "TERM", "HUP")) {
            try {
                Signal.handle(new Signal(name), signal -> {
                    if (worker.supportsNormalTermination()) {
                        worker.destroy();
                    }
                });
            } catch (IllegalArgumentException e) {
                // A signal this system does not have (HUP on Windows), or one the JVM keeps for itself.
            }
        }
    }
}
