package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * On an H2 file database, intake's commits reach the disk a group of files at a time and all of them
 * when the step ends. "On disk" is checked as a crash would: {@code SHUTDOWN IMMEDIATELY} closes the
 * database without writing what is only in memory, and the database is opened again.
 */
class IntakeDiskWritesTest {

    @TempDir
    private Path work;

    @Test
    void everyCommitIsOnDiskWhenTheStepEnds() {
        String url = "jdbc:h2:file:" + work.resolve("db");
        JdbcTemplate jdbc = open(url);
        jdbc.execute("CREATE TABLE stored_file (n INT)");
        jdbc.execute("SET WRITE_DELAY 0"); // as DatabaseOption sets it on every connection
        IntakeDiskWrites writes = new IntakeDiskWrites(jdbc.getDataSource());

        writes.beforeStep(null);
        fileCommitted(jdbc, writes, 1);
        fileCommitted(jdbc, writes, 2);
        fileCommitted(jdbc, writes, 3);
        writes.afterStep(null);

        assertThat(delay(jdbc)).as("every commit written at once again after the step").isEqualTo(0);
        crash(jdbc);
        assertThat(open(url).queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class)).isEqualTo(3);
    }

    @Test
    void aCrashDuringTheStepLosesOnlyTheFilesSinceTheLastGroup() {
        String url = "jdbc:h2:file:" + work.resolve("db");
        JdbcTemplate jdbc = open(url);
        jdbc.execute("CREATE TABLE stored_file (n INT)");
        jdbc.execute("SET WRITE_DELAY 0");
        IntakeDiskWrites writes = new IntakeDiskWrites(jdbc.getDataSource());

        writes.beforeStep(null);
        int files = IntakeDiskWrites.FILES_PER_WRITE + 3;
        for (int n = 1; n <= files; n++) {
            fileCommitted(jdbc, writes, n);
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stored_file", Integer.class)).isEqualTo(files);
        crash(jdbc);

        // The last 3 files were committed but not written: they are still in the inbox, read again next run.
        assertThat(open(url).queryForList("SELECT n FROM stored_file ORDER BY n", Integer.class))
                .hasSize(IntakeDiskWrites.FILES_PER_WRITE)
                .startsWith(1).endsWith(IntakeDiskWrites.FILES_PER_WRITE);
    }

    @Test
    void otherDatabasesAreLeftAlone() {
        JdbcTemplate jdbc = open("jdbc:h2:mem:intake-disk-writes");
        IntakeDiskWrites writes = new IntakeDiskWrites(jdbc.getDataSource());
        int before = delay(jdbc);

        writes.beforeStep(null);
        writes.afterChunk((ChunkContext) null);

        assertThat(delay(jdbc)).isEqualTo(before);
        writes.afterStep(null);
        assertThat(delay(jdbc)).isEqualTo(before);
    }

    /** One file's transaction, then the step's chunk listener, as Spring Batch calls it after the commit. */
    private static void fileCommitted(JdbcTemplate jdbc, IntakeDiskWrites writes, int n) {
        jdbc.update("INSERT INTO stored_file VALUES (?)", n);
        writes.afterChunk((ChunkContext) null);
    }

    private static int delay(JdbcTemplate jdbc) {
        // H2 lists the setting twice (as set and as stored), with the same value.
        return Integer.parseInt(jdbc.queryForList(
                "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'", String.class)
                .get(0));
    }

    private static void crash(JdbcTemplate jdbc) {
        jdbc.execute("SHUTDOWN IMMEDIATELY");
        ((SingleConnectionDataSource) jdbc.getDataSource()).destroy();
    }

    private static JdbcTemplate open(String url) {
        return new JdbcTemplate(new SingleConnectionDataSource(url, "sa", "", true));
    }
}
