package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every form of URL by which H2 opens a database file of its own gets each commit handed to the operating system
 * ({@code WRITE_DELAY 0}), as {@code jdbc:h2:file:} always did: a bare path is the same database opened the same way.
 */
class DatabaseOptionTest {

    private static final String INIT_SQL = "spring.datasource.hikari.connection-init-sql";

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:file:./data/monitor", "jdbc:h2:./data/monitor", "jdbc:h2:~/monitor",
            "jdbc:h2:/srv/monitor/db", "jdbc:h2:nio:./data/monitor",
            "jdbc:h2:./data/monitor;AUTO_SERVER=TRUE"})
    void anEmbeddedH2FileCommitsWithoutDelay(String url) {
        Map<String, Object> properties = new DatabaseOption(url, null, null).properties(url);

        assertThat(properties).containsEntry(INIT_SQL, "SET WRITE_DELAY 0");
        assertThat(properties).containsEntry("spring.datasource.username", "sa");
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:h2:mem:prova", "jdbc:h2:tcp://localhost/~/monitor", "jdbc:h2:ssl://server/monitor",
            "jdbc:h2:zip:~/archivio.zip!/monitor", "jdbc:postgresql://localhost/monitor"})
    void databasesInMemoryOnAServerOrElsewhereAreLeftAsTheyAre(String url) {
        Map<String, Object> properties = new DatabaseOption(url, null, null).properties(url);

        assertThat(properties).doesNotContainKey(INIT_SQL);
    }
}
