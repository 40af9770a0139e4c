package it.pa.monitor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Loads, on a second thread, the classes a command is about to need, in the order it needs them: a command
 * starts by loading some 6 000 classes of Spring, Flyway, H2 and POI on one thread while the other core is
 * mostly idle, and a class the main thread finds already loaded costs it nothing but a look-up. The classes
 * are only loaded, never initialised (no static initialiser runs earlier or on another thread than it would
 * have), so what a command does and prints is the same; a name that is not on the class path is skipped.
 * The list ({@value #LIST}) is the order in which a {@code run} loads them up to its intake step (see the
 * file's header);
 * {@code -Dmonitor.startup-classes=false} turns this off.
 */
final class StartupClasses {

    /** The resource listing the classes, one name a line; lines starting with {@code #} are comments. */
    static final String LIST = "it/pa/monitor/startup-classes.txt";
    /** The system property that turns the loading off. */
    static final String ENABLED = "monitor.startup-classes";

    private StartupClasses() {
    }

    /** Starts the loading on a daemon thread, unless the property says not to; returns the thread, or null. */
    static Thread loadInBackground() {
        if (!Boolean.parseBoolean(System.getProperty(ENABLED, "true"))) {
            return null;
        }
        ClassLoader loader = StartupClasses.class.getClassLoader();
        Thread thread = new Thread(() -> load(loader, LIST), "classi-avvio");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /**
     * Loads, without initialising, every class named in {@code list} (a resource of {@code loader}) that
     * {@code loader} can find; returns how many it loaded. A missing list loads nothing.
     */
    static int load(ClassLoader loader, String list) {
        int loaded = 0;
        try (InputStream in = loader.getResourceAsStream(list)) {
            if (in == null) {
                return 0;
            }
            BufferedReader names = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = names.readLine(); line != null; line = names.readLine()) {
                String name = line.strip();
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // Not on this class path (the list is from another build): the command loads what it needs.
                }
            }
        } catch (IOException | RuntimeException e) {
            // Only a head start: whatever was not loaded here is loaded when it is needed.
        }
        return loaded;
    }
}
