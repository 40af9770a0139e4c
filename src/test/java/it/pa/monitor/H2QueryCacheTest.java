package it.pa.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An H2 database is opened with a statement cache that holds what one intake transaction runs. */
class H2QueryCacheTest {

    @Test
    void anH2UrlAsksForTheLargerCacheAndOtherDatabasesAreLeftAlone() {
        assertThat(MonitorApplication.withQueryCache("jdbc:h2:file:./data/monitor"))
                .isEqualTo("jdbc:h2:file:./data/monitor;QUERY_CACHE_SIZE=64");
        assertThat(MonitorApplication.withQueryCache("jdbc:h2:mem:x;query_cache_size=4"))
                .isEqualTo("jdbc:h2:mem:x;query_cache_size=4");
        assertThat(MonitorApplication.withQueryCache("jdbc:postgresql://localhost/monitor"))
                .isEqualTo("jdbc:postgresql://localhost/monitor");
    }

    @Test
    void theDatabaseOpenedWithTheUrlHasIt(@TempDir Path folder) throws SQLException {
        String url = MonitorApplication.withQueryCache(MonitorApplication.withoutH2ShutdownHook(
                "jdbc:h2:file:" + folder.resolve("monitor").toAbsolutePath()));

        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             ResultSet setting = connection.createStatement().executeQuery("SELECT SETTING_VALUE FROM"
                     + " INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'QUERY_CACHE_SIZE'")) {
            assertThat(setting.next()).isTrue();
            assertThat(setting.getString(1)).isEqualTo("64");
        }
    }
}
