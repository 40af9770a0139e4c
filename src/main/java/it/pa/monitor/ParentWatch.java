package it.pa.monitor;

import java.util.Optional;

/**
 * In a worker JVM started by {@link Launcher}: halts this JVM, as if it had been killed with its launcher, once
 * the launcher is gone. A launcher stopped normally stops its worker itself; one killed outright cannot, and its
 * worker must not go on writing to the database that the next run will open.
 */
final class ParentWatch {

    /** How often the launcher is looked for. */
    static final long INTERVAL_MILLIS = 100;
    /** The exit code of a halted worker (nobody waits for it: its launcher is gone). */
    static final int HALTED = 137;

    private ParentWatch() {
    }

    /**
     * Starts the watch when this JVM is a worker; does nothing otherwise. A worker whose launcher is gone already
     * (its parent is another process now) halts at once.
     */
    static void startIfWorker() {
        String launcherPid = System.getProperty(Launcher.PARENT);
        if (launcherPid == null) {
            return;
        }
        // Empty where this process's parent is no longer the launcher: it died before the worker looked, and its
        // process id may since be another process's.
        Optional<ProcessHandle> launcher = ProcessHandle.current().parent()
                .filter(parent -> Long.toString(parent.pid()).equals(launcherPid.strip()));
        Thread watch = new Thread(() -> {
            while (launcher.map(ProcessHandle::isAlive).orElse(false)) {
                try {
                    Thread.sleep(INTERVAL_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
            Runtime.getRuntime().halt(HALTED);
        }, "controllo-avvio");
        watch.setDaemon(true);
        watch.start();
    }
}
