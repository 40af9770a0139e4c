package it.pa.monitor.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for files in an inbox that are ready to be taken: a file is ready once its size and time
 * have not changed for {@code stable}. A {@link WatchService} wakes it up as files arrive; the folder
 * is also listed every {@code poll}, so a file system without change events (a network share) works
 * the same, only later.
 */
final class InboxWatcher implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InboxWatcher.class);

    /** What a file looked like when last listed, and since when it has looked like that. */
    private record Seen(long size, long modified, long since) {
    }

    private final Path inbox;
    private final long stableNanos;
    private final Duration poll;
    private final WatchService events;
    private final Map<Path, Seen> seen = new HashMap<>();
    /** Files handed over as they are now: not handed over again unless they change (e.g. left in the inbox). */
    private final Set<String> handedOver = new HashSet<>();

    InboxWatcher(Path inbox, Duration stable, Duration poll) {
        this.inbox = inbox;
        this.stableNanos = stable.toNanos();
        this.poll = poll;
        this.events = openWatchService(inbox);
    }

    boolean usesEvents() {
        return events != null;
    }

    /**
     * Blocks until at least one file is ready and returns the ready ones; an empty list once
     * {@code stopping} says so (checked at least every {@code poll}).
     *
     * @throws InterruptedException when the waiting thread is interrupted (the watch is to stop)
     */
    List<Path> awaitReady(BooleanSupplier stopping) throws InterruptedException {
        while (!stopping.getAsBoolean()) {
            List<Path> ready = ready();
            if (!ready.isEmpty()) {
                return ready;
            }
            waitForChange();
        }
        return List.of();
    }

    /** The files ready now (stable long enough and not handed over as they are). */
    List<Path> ready() {
        long now = System.nanoTime();
        Map<Path, Seen> current = new HashMap<>();
        for (Path file : candidates()) {
            try {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                Seen before = seen.get(file);
                long modified = attributes.lastModifiedTime().toMillis();
                boolean same = before != null && before.size() == attributes.size() && before.modified() == modified;
                current.put(file, same ? before : new Seen(attributes.size(), modified, now));
            } catch (IOException e) {
                // gone between listing and reading: nothing to take
            }
        }
        seen.clear();
        seen.putAll(current);
        // Files gone from the inbox (archived, rejected) need no memory: the set stays as small as the inbox.
        Set<String> present = new HashSet<>();
        current.forEach((file, s) -> present.add(signature(file, s)));
        handedOver.retainAll(present);
        return current.entrySet().stream()
                .filter(e -> now - e.getValue().since() >= stableNanos)
                .filter(e -> !handedOver.contains(signature(e.getKey(), e.getValue())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    /** Remembers the files of a batch as they were, so a file the run left in place is not taken again. */
    void handedOver(List<Path> files) {
        for (Path file : files) {
            Seen s = seen.get(file);
            if (s != null) {
                handedOver.add(signature(file, s));
            }
        }
    }

    private static String signature(Path file, Seen s) {
        return file + "|" + s.size() + "|" + s.modified();
    }

    private List<Path> candidates() {
        try (Stream<Path> entries = Files.list(inbox)) {
            return entries.filter(Files::isRegularFile).filter(p -> {
                String name = p.getFileName().toString();
                return !name.startsWith(".") && !name.startsWith("~$");
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("impossibile leggere la cartella di arrivo " + inbox, e);
        }
    }

    private void waitForChange() throws InterruptedException {
        if (events == null) {
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
            return;
        }
        try {
            WatchKey key = events.poll(poll.toMillis(), TimeUnit.MILLISECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        } catch (ClosedWatchServiceException e) {
            TimeUnit.MILLISECONDS.sleep(poll.toMillis());
        }
    }

    private static WatchService openWatchService(Path inbox) {
        try {
            WatchService service = FileSystems.getDefault().newWatchService();
            inbox.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            return service;
        } catch (IOException | UnsupportedOperationException e) {
            log.info("No change events for {} ({}): listing it every few seconds instead", inbox, e.toString());
            return null;
        }
    }

    @Override
    public void close() {
        if (events != null) {
            try {
                events.close();
            } catch (IOException e) {
                log.debug("closing the watch service", e);
            }
        }
    }
}
