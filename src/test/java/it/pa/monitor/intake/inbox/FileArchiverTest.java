package it.pa.monitor.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

class FileArchiverTest {

    @TempDir
    Path inbox;

    @Test
    void aFileAnotherRunMovedAfterTheCheckIsLeftToItAndTheOthersAreArchived() throws IOException {
        InboxFile first = file("scheda_A.xlsx", "sha-a");
        InboxFile second = file("scheda_B.xlsx", "sha-b");
        // The ledger is asked about each file once it was seen in the inbox; while it answers for the
        // second, another run (same database, same inbox) takes that file away.
        FileLedger ledger = new FileLedger(new JdbcTemplate(new JdbcDataSource())) {
            @Override
            public Optional<Entry> find(String sha256) {
                if (sha256.equals("sha-b")) {
                    try {
                        Files.delete(second.file());
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
                return Optional.of(new Entry(1, sha256, sha256, "2025-Q1", WorkbookKind.MONITORING_SHEET,
                        FileOutcome.ACCEPTED, "U1", 3, null, Instant.EPOCH));
            }
        };

        int moved = new FileArchiver(ledger, null).archiveAll(List.of(first, second), inbox, inbox.resolve("output"));

        assertThat(moved).isEqualTo(1);
        assertThat(inbox.resolve("archivio/2025-Q1/scheda_A.xlsx")).exists();
        assertThat(first.file()).doesNotExist();
        assertThat(inbox.resolve("archivio/2025-Q1/scheda_B.xlsx")).doesNotExist();
    }

    @Test
    void theLedgerIsMadeDurableOnceBeforeTheFirstFileMoves() throws IOException {
        InboxFile first = file("scheda_A.xlsx", "sha-a");
        InboxFile second = file("scheda_B.xlsx", "sha-b");
        List<Boolean> filesStillInTheInbox = new ArrayList<>();
        FileLedger ledger = new FileLedger(new JdbcTemplate(new JdbcDataSource())) {
            @Override
            public Optional<Entry> find(String sha256) {
                return Optional.of(new Entry(1, sha256, sha256, "2025-Q1", WorkbookKind.MONITORING_SHEET,
                        FileOutcome.ACCEPTED, "U1", 3, null, Instant.EPOCH));
            }

            @Override
            public void makeDurable() {
                filesStillInTheInbox.add(Files.exists(first.file()) && Files.exists(second.file()));
            }
        };

        int moved = new FileArchiver(ledger, null).archiveAll(List.of(first, second), inbox, inbox.resolve("output"));

        assertThat(moved).isEqualTo(2);
        assertThat(filesStillInTheInbox).containsExactly(true);
        assertThat(inbox.resolve("archivio/2025-Q1/scheda_B.xlsx")).exists();
    }

    @Test
    void withNothingToMoveTheDatabaseIsNotAskedToSync() throws IOException {
        InboxFile notProcessed = file("scheda_A.xlsx", "sha-a");
        List<String> calls = new ArrayList<>();
        FileLedger ledger = new FileLedger(new JdbcTemplate(new JdbcDataSource())) {
            @Override
            public Optional<Entry> find(String sha256) {
                return Optional.empty();
            }

            @Override
            public void makeDurable() {
                calls.add("makeDurable");
            }
        };

        assertThat(new FileArchiver(ledger, null).archiveAll(List.of(notProcessed), inbox, inbox.resolve("output")))
                .isZero();
        assertThat(calls).isEmpty();
        assertThat(notProcessed.file()).exists();
    }

    private InboxFile file(String name, String sha256) throws IOException {
        Path path = Files.writeString(inbox.resolve(name), name);
        return new InboxFile(path.toString(), name, sha256, WorkbookKind.MONITORING_SHEET, Files.size(path), Instant.EPOCH);
    }
}
