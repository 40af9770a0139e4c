package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V15 on H2 and PostgreSQL: the identity of reported_value hands out ids from a cache of 1 000, so
 * that intake's commit per file does not also store the sequence every 32 ids (H2's default).
 */
class ReportedValueIdCacheTest {

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void theIdentityOfReportedValueCachesAThousandIds(TestDatabase.Kind kind) {
        JdbcTemplate jdbc = new JdbcTemplate(SchemaLookups.migrated(kind, work));
        Long cache = kind == TestDatabase.Kind.H2
                ? jdbc.queryForObject("SELECT IDENTITY_CACHE FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_NAME = 'REPORTED_VALUE' AND COLUMN_NAME = 'ID'", Long.class)
                : jdbc.queryForObject("SELECT seqcache FROM pg_sequence"
                        + " WHERE seqrelid = pg_get_serial_sequence('reported_value', 'id')::regclass", Long.class);
        assertThat(cache).isEqualTo(1000L);
    }
}
