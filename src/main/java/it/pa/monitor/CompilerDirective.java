package it.pa.monitor;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * Turns HotSpot's optimising compiler (C2) off for this process, leaving the quick one (C1): a command
 * lasts seconds to minutes and runs a great deal of library code a few thousand times (Spring, POI, H2), so
 * C2 spends more CPU compiling than its faster code gives back (a run of 1 000 sheets: 37 of 83 CPU
 * seconds in C2). A compiler directive is the one such switch a running JVM accepts. {@code java -jar monitor.jar}
 * usually runs the command in a worker JVM started with {@code -XX:TieredStopAtLevel=1} ({@link Launcher}), which
 * does better still (methods then skip C1's profiling tier too) and leaves this class nothing to do; the directive
 * serves where the command runs without a worker. {@code -Dmonitor.jit.c2=true} keeps C2 (and the single JVM).
 */
final class CompilerDirective {

    /** The system property that keeps C2 on. */
    static final String KEEP_C2 = "monitor.jit.c2";
    /** Every method: never compiled by C2 (HotSpot then compiles it with C1 at full optimisation). */
    static final String WITHOUT_C2 = "[{ match: \"*.*\", c2: { Exclude: true } }]";

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    /** HotSpot's answer when the file held directives it took ("1 compiler directives added"). */
    private static final Pattern ADDED = Pattern.compile("^\\s*[1-9]\\d* compiler directives added",
            Pattern.MULTILINE);

    private CompilerDirective() {
    }

    /**
     * Applies {@link #WITHOUT_C2} on a background thread (the platform MBean server takes a few hundred
     * milliseconds to start, which the context start-up need not wait for), unless the property says to
     * keep C2.
     */
    static void withoutC2InBackground() {
        if (Boolean.getBoolean(KEEP_C2)) {
            return;
        }
        Thread thread = new Thread(CompilerDirective::withoutC2, "jit-directive");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Adds {@link #WITHOUT_C2}; returns false, changing nothing, where C2 is not the second tier of tiered
     * compilation ({@code -XX:-TieredCompilation}, {@code -XX:TieredStopAtLevel=1}) or the JVM has no HotSpot
     * diagnostic command (another JVM, or management disabled) or refused the directive.
     */
    static boolean withoutC2() {
        try {
            HotSpotDiagnosticMXBean flags = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (!Boolean.parseBoolean(flags.getVMOption("TieredCompilation").getValue())
                    || Integer.parseInt(flags.getVMOption("TieredStopAtLevel").getValue()) < 4) {
                // Without tiers C2 is the only compiler (excluding it would leave everything interpreted);
                // at level 1 to 3 C2 is off already.
                return false;
            }
            Path file = Files.createTempFile("monitor-jit", ".json");
            try {
                Files.writeString(file, WITHOUT_C2);
                return ADDED.matcher(diagnosticCommand("compilerDirectivesAdd", file.toString())).find();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (Exception | LinkageError e) {
            return false;
        }
    }

    /** Runs one diagnostic command (as {@code jcmd} would) and returns its output. */
    static String diagnosticCommand(String operation, String... arguments) throws JMException {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        return String.valueOf(server.invoke(new ObjectName(DIAGNOSTIC_COMMAND), operation,
                new Object[] {arguments}, new String[] {String[].class.getName()}));
    }
}
