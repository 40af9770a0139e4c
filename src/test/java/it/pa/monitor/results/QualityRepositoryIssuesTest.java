package it.pa.monitor.results;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.report.ReportFixtures;
import it.pa.monitor.problem.Severity;
import it.pa.monitor.values.Period;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import it.pa.monitor.jdbc.TestDataSources;
import java.io.IOException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The problems of a period's files are read as they are listed, and a unit's own workbook reads only those of the
 * files that unit sent, through an index, up to a limit: a period of thousands of files, each with up to 200
 * problems, does not fit in memory at once. On H2 and PostgreSQL.
 */
class QualityRepositoryIssuesTest {

    private static final Period PERIOD = Period.parse("2025-Q2");

    private static final TestDataSources DATABASES = new TestDataSources();

    private JdbcTemplate jdbc;
    private QualityRepository quality;
    private long files;

    @AfterAll
    static void stopPostgres() throws IOException {
        DATABASES.close();
    }

    /** A migrated database with two entes and no file: a new H2 one, or PostgreSQL's emptied of files. */
    private void database(String kind) throws IOException {
        DataSource dataSource = DATABASES.fresh(kind, "quality");
        Flyway.configure().dataSource(dataSource).load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("DELETE FROM file_problem");
        jdbc.update("DELETE FROM submitted_file");
        jdbc.update("DELETE FROM ente");
        jdbc.update("INSERT INTO ente (id, name) VALUES (1, 'Camera'), (2, 'Altra camera')");
        quality = new QualityRepository(jdbc);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitGetsTheErrorsOfItsRejectedFilesAndTheWarningsOfItsAcceptedOnesOldestFirst(String kind)
            throws IOException {
        database(kind);
        file("U1", "REJECTED", 1, "2025-07-02T10:00:00Z", List.of("ERRORE:H3:vedi allegato", "AVVISO:H4:12 kg"));
        file("U1", "ACCEPTED", 1, "2025-07-01T10:00:00Z", List.of("AVVISO:H5:>= 12", "ERRORE:H6:not listed"));
        file("U2", "REJECTED", 1, "2025-07-01T09:00:00Z", List.of("ERRORE:H7:other unit"));
        file("U1", "REJECTED", 2, "2025-07-01T08:00:00Z", List.of("ERRORE:H8:other ente"));
        fileOfPeriod("U1", "2025-Q1", List.of("ERRORE:H9:other period"));

        // The accepted file came first: its warning, then the rejected file's error; not the other severities.
        assertThat(quality.issuesOf("Camera", PERIOD, "U1")).extracting(Problem::raw)
                .containsExactly(">= 12", "vedi allegato");
        assertThat(quality.issuesOf("Camera", PERIOD, "U2")).extracting(Problem::raw).containsExactly("other unit");
        assertThat(quality.issuesOf("Camera", PERIOD, "U3")).isEmpty();
        assertThat(quality.unitsWithIssues("Camera", PERIOD)).containsExactlyInAnyOrder("U1", "U2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aUnitsListStopsAtItsLimitWithOneLineCountingTheRest(String kind) throws IOException {
        database(kind);
        // Six rejected files of 200 errors each: 1 200, of which the first 1 000 are listed and 200 counted.
        for (int f = 0; f < 6; f++) {
            List<String> problems = new ArrayList<>();
            for (int p = 0; p < 200; p++) {
                problems.add("ERRORE:H" + (p + 1) + ":f" + f + "p" + p);
            }
            file("U1", "REJECTED", 1, Instant.parse("2025-07-01T10:00:00Z").plusSeconds(f).toString(), problems);
        }

        List<Problem> issues = quality.issuesOf("Camera", PERIOD, "U1");

        assertThat(QualityRepository.MAX_PER_UNIT).isEqualTo(1_000);
        assertThat(issues).hasSize(1_000 + 1);
        assertThat(issues.get(0).raw()).isEqualTo("f0p0");
        assertThat(issues.get(999).raw()).isEqualTo("f4p199");
        Problem last = issues.get(1_000);
        assertThat(last.severity()).isEqualTo(Severity.AVVISO);
        assertThat(last.message()).isEqualTo("Sono elencati i primi 1.000 problemi su 1.200 dei file inviati dall'unità per"
                + " il periodo. Ogni file scartato ha il suo rapporto di errore.");
    }

    @Test
    void theRejectedFilesErrorsAreReadAgainEachTimeTheyAreListed() throws IOException {
        database("h2");
        file("U1", "REJECTED", 1, "2025-07-02T10:00:00Z", List.of("ERRORE:H3:first"));
        DataQuality loaded = quality.load(ReportFixtures.massaCarrara().plan(), PERIOD, List.of());
        file("U2", "REJECTED", 1, "2025-07-03T10:00:00Z", List.of("ERRORE:H4:second"));

        List<String> listed = new ArrayList<>();
        loaded.rejected().forEach(problem -> listed.add(problem.raw()));
        assertThat(listed).containsExactly("first", "second");
    }

    @Test
    void aUnitsFilesAreFoundThroughTheirIndex() throws IOException {
        database("h2");
        file("U1", "REJECTED", 1, "2025-07-02T10:00:00Z", List.of("ERRORE:H3:x"));
        jdbc.execute("ANALYZE");
        String plan = new NamedParameterJdbcTemplate(jdbc).queryForObject("EXPLAIN " + QualityRepository.ISSUES_OF_UNIT,
                new MapSqlParameterSource("period", PERIOD.code()).addValue("ente", "Camera").addValue("unit", "U1"),
                String.class);
        assertThat(plan).containsIgnoringCase("SUBMITTED_FILE_UNIT_IX");
    }

    private void file(String unit, String status, long ente, String receivedAt, List<String> problems) {
        insert(unit, status, ente, PERIOD.code(), Instant.parse(receivedAt), problems);
    }

    private void fileOfPeriod(String unit, String period, List<String> problems) {
        insert(unit, "REJECTED", 1, period, Instant.parse("2025-04-01T10:00:00Z"), problems);
    }

    private void insert(String unit, String status, long ente, String period, Instant receivedAt,
                        List<String> problems) {
        long id = ++files;
        jdbc.update("INSERT INTO submitted_file (id, sha256, file_name, period, kind, status, ente_id, unit_code,"
                + " received_at, processed_at, size_bytes) VALUES (?, ?, ?, ?, 'MONITORING_SHEET', ?, ?, ?, ?, ?, 1)",
                id, String.format("%064d", id), "scheda_" + unit + "_" + id + ".xlsx", period, status, ente, unit,
                Timestamp.from(receivedAt), Timestamp.from(receivedAt));
        for (int seq = 0; seq < problems.size(); seq++) {
            String[] parts = problems.get(seq).split(":", 3);
            jdbc.update("INSERT INTO file_problem (file_id, seq, severity, sheet, cell, raw, message)"
                    + " VALUES (?, ?, ?, 'Rilevazione', ?, ?, 'Valore non riconosciuto')", id, seq, parts[0],
                    parts[1], parts[2]);
        }
    }
}
