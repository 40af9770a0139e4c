package it.pa.monitor.intake.inbox;

import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.intake.sheet.TestWorkbooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan: processing order, lock and hidden files, files still being copied. */
public class InboxScannerTest {

    @TempDir
    private Path inbox;

    @Test
    void planFirstThenSheetsByReceiptTimeThenOverridesThenUnknownFiles() throws IOException {
        Path later = sheet("a-arrivata-dopo.xlsx", 60);
        Path earlier = sheet("z-arrivata-prima.xlsx", 120);
        TestWorkbooks.xlsx(inbox, "piano.xlsx", wb -> TestWorkbooks.sheet(wb, "Indicatori",
                TestWorkbooks.row("Obiettivo", "Codice")));
        TestWorkbooks.xlsx(inbox, "rettifiche.xlsx", wb -> TestWorkbooks.sheet(wb, "Rettifiche",
                TestWorkbooks.row("Periodo", "Codice indicatore", "Livello", "Motivazione")));
        Files.writeString(inbox.resolve("leggimi.txt"), "note");
        Files.writeString(inbox.resolve("~$piano.xlsx"), "lock");
        Files.writeString(inbox.resolve(".DS_Store"), "hidden");
        age(inbox.resolve("piano.xlsx"), 10);
        age(inbox.resolve("rettifiche.xlsx"), 500);
        age(inbox.resolve("leggimi.txt"), 500);

        InboxScanner.Scan scan = new InboxScanner(new WorkbookClassifier(), 0).scan(inbox);

        assertThat(scan.files()).extracting(InboxFile::fileName).containsExactly("piano.xlsx",
                earlier.getFileName().toString(), later.getFileName().toString(), "rettifiche.xlsx", "leggimi.txt");
        assertThat(scan.files()).extracting(InboxFile::kind).containsExactly(WorkbookKind.PLAN,
                WorkbookKind.MONITORING_SHEET, WorkbookKind.MONITORING_SHEET, WorkbookKind.OVERRIDES,
                WorkbookKind.UNKNOWN);
        assertThat(scan.files()).allSatisfy(f -> assertThat(f.sha256()).hasSize(64));
        assertThat(scan.skipped()).isEmpty();
    }

    @Test
    void aFileStillGrowingIsLeftForTheNextRun() throws Exception {
        Path stable = sheet("ferma.xlsx", 60);
        Path growing = inbox.resolve("in-copia.xlsx");
        Files.write(growing, new byte[1000]);
        // A copy in progress: it keeps growing for longer than the scanner's one-second wait.
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(growing, StandardOpenOption.APPEND)) {
                for (int i = 0; i < 20; i++) {
                    Thread.sleep(100);
                    out.write(new byte[1000]);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.start();

        InboxScanner.Scan scan = new InboxScanner(new WorkbookClassifier(), 1).scan(inbox);
        writer.join();

        assertThat(scan.files()).extracting(InboxFile::fileName).containsExactly(stable.getFileName().toString());
        assertThat(scan.skipped()).containsExactly(new SkippedFile("in-copia.xlsx",
                "file ancora in scrittura: sarà elaborato alla prossima esecuzione"));
    }

    private Path sheet(String name, int secondsAgo) throws IOException {
        Path file = SheetFixture.forUnit("Ente", "U", "2022").row("O", "I", null, "1").writeTo(inbox, name);
        age(file, secondsAgo);
        return file;
    }

    private static void age(Path file, int secondsAgo) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(secondsAgo)));
    }
}
