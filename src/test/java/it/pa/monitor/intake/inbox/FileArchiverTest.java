package it.pa.monitor.intake.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.intake.rejection.ErrorReportWriter;
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

    @Test
    void rejectedFilesWhoseNamesGiveOneReportNameGetOneEachInTheirPeriod() throws IOException {
        // In archiving order: a browser's "(2)" copy first, then the same name as .xlsx and, in another case, .ods;
        // last the same name for another period.
        List<InboxFile> files = List.of(file("scheda (2).xlsx", "q1-a"), file("scheda.xlsx", "q1-b"),
                file("Scheda.ods", "q1-c"), file("scheda.xls", "q2-a"));
        FileLedger ledger = new FileLedger(new JdbcTemplate(new JdbcDataSource())) {
            @Override
            public Optional<Entry> find(String sha256) {
                return Optional.of(new Entry(1, sha256, sha256, sha256.startsWith("q1") ? "2025-Q1" : "2025-Q2",
                        WorkbookKind.MONITORING_SHEET, FileOutcome.REJECTED, "U1", 0, "errori", Instant.EPOCH));
            }

            @Override
            public List<it.pa.monitor.problem.Problem> problems(long fileId) {
                return List.of();
            }

            @Override
            public void makeDurable() {
            }
        };
        List<String> written = java.util.Collections.synchronizedList(new ArrayList<>());
        ErrorReportWriter reports = new ErrorReportWriter() {
            @Override
            public Path write(Path submitted, List<it.pa.monitor.problem.Problem> problems, Path folder,
                              String reportName) {
                written.add(folder.getParent().getFileName() + "/" + reportName + " <- " + submitted.getFileName());
                return folder.resolve(reportName);
            }
        };

        assertThat(new FileArchiver(ledger, reports).archiveAll(files, inbox, inbox.resolve("output"))).isEqualTo(4);

        assertThat(written).containsExactlyInAnyOrder(
                "2025-Q1/scheda (2)-errori.xlsx <- scheda (2).xlsx",
                "2025-Q1/scheda-errori.xlsx <- scheda.xlsx",
                "2025-Q1/Scheda (3)-errori.xlsx <- Scheda.ods",
                "2025-Q2/scheda-errori.xlsx <- scheda.xls");
    }

    private InboxFile file(String name, String sha256) throws IOException {
        Path path = Files.writeString(inbox.resolve(name), name);
        return new InboxFile(path.toString(), name, sha256, WorkbookKind.MONITORING_SHEET, Files.size(path), Instant.EPOCH);
    }
}
