package it.pa.monitor.intake.sheet;

import static it.pa.monitor.intake.sheet.TestWorkbooks.row;
import static it.pa.monitor.intake.sheet.TestWorkbooks.sheet;
import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.sheet.MonitoringSheetReader.ReadOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sheets parsed ahead on a pool come back as if read one by one, whichever the caller skips. */
class SheetReadAheadTest {

    private final MonitoringSheetReader reader = new MonitoringSheetReader(20_000, 2);

    @TempDir
    private Path dir;

    /** Eight sheets, the i-th holding IND_i with value i; the fifth is not a workbook at all. */
    private List<Path> files() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            int n = i;
            if (i == 5) {
                Path text = dir.resolve("scheda_5.xlsx");
                Files.writeString(text, "non è una cartella di lavoro");
                files.add(text);
            } else {
                files.add(TestWorkbooks.xlsx(dir, "scheda_" + i + ".xlsx", wb -> sheet(wb, "Rilevazione",
                        row("Codice indicatore", "Consuntivo"), row("IND_" + n, n))));
            }
        }
        return files;
    }

    @Test
    void everyFileReadsAsTheReaderAloneReadsIt() throws Exception {
        List<Path> files = files();
        try (ReadAhead<ReadOutcome> ahead = reader.readAhead(files, (file, read) -> read)) {
            for (Path file : files) {
                assertThat(ahead.read(file)).isEqualTo(reader.read(file));
            }
        }
    }

    @Test
    void filesTheCallerSkipsDoNotShiftTheOthers() throws Exception {
        List<Path> files = files();
        try (ReadAhead<ReadOutcome> ahead = reader.readAhead(files, (file, read) -> read)) {
            // The caller skips files 1, 3, 4 (already in the ledger, say) and 7.
            for (int i : new int[] {1, 4, 5, 6, 7}) {
                ReadOutcome outcome = ahead.read(files.get(i));
                if (i == 4) {
                    assertThat(outcome.failure()).contains("scheda_5.xlsx").contains("non è una cartella di lavoro");
                } else {
                    assertThat(outcome.sheet().rows()).singleElement().satisfies(r -> {
                        assertThat(r.cell(MonitoringColumn.INDICATOR_CODE).value().text()).isEqualTo("IND_" + (i + 1));
                        assertThat(r.cell(MonitoringColumn.ACTUAL).value().number()).isEqualByComparingTo("" + (i + 1));
                    });
                }
            }
            // A file asked again, or out of order, is simply read.
            assertThat(ahead.read(files.get(1))).isEqualTo(reader.read(files.get(1)));
            assertThat(ahead.read(files.get(0))).isEqualTo(reader.read(files.get(0)));
        }
    }

    @Test
    void closingStopsThePool() throws Exception {
        List<Path> files = files();
        ReadAhead<ReadOutcome> ahead = reader.readAhead(files, (file, read) -> read);
        ahead.read(files.get(0));
        assertThat(readerThreads()).isPositive();
        ahead.close();
        for (int wait = 0; wait < 100 && readerThreads() > 0; wait++) {
            Thread.sleep(50);
        }
        assertThat(readerThreads()).isZero();
    }

    private static long readerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lettura-schede-"))
                .filter(Thread::isAlive).count();
    }

    /**
     * The window is topped up a few files at a time (a wake-up of an idle thread per file cost the writer), yet
     * every file is still worked on a reading thread, never on the caller's, and never more than the window
     * (two files a thread) ahead of the file asked for.
     */
    @Test
    void filesAreWorkedOnTheReadingThreadsWithinTheWindow() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            files.add(dir.resolve("scheda_" + i + ".xlsx"));
        }
        Map<Path, String> workedOn = new ConcurrentHashMap<>();
        AtomicInteger furthest = new AtomicInteger(-1);
        int threads = 2;
        int window = 2 * threads;
        try (ReadAhead<Integer> ahead = new ReadAhead<>(file -> {
            workedOn.put(file, Thread.currentThread().getName());
            int index = files.indexOf(file);
            furthest.accumulateAndGet(index, Math::max);
            return index;
        }, files, threads)) {
            for (int i = 0; i < files.size(); i++) {
                assertThat(ahead.read(files.get(i))).isEqualTo(i);
                assertThat(furthest.get()).as("furthest file worked when file %d is taken", i)
                        .isLessThanOrEqualTo(i + window);
            }
        }
        assertThat(workedOn).hasSize(files.size());
        assertThat(workedOn.values()).allSatisfy(name -> assertThat(name).startsWith("lettura-schede-"));
    }

    @Test
    void oneThreadGivesTheSameOutcomes() throws Exception {
        List<Path> files = files();
        MonitoringSheetReader one = new MonitoringSheetReader(20_000, 1);
        try (ReadAhead<ReadOutcome> ahead = one.readAhead(files, (file, read) -> read)) {
            assertThat(IntStream.range(0, files.size()).mapToObj(i -> ahead.read(files.get(i))).toList())
                    .isEqualTo(files.stream().map(reader::read).toList());
        }
    }
}
