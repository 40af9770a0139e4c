package it.pa.monitor.plan;

import it.pa.monitor.plan.load.PlanLoader;
import it.pa.monitor.plan.load.PlanRepository;

import static org.assertj.core.api.Assertions.assertThat;

import it.pa.monitor.values.Period;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/** A new plan for the same ente and year replaces the old one; values already reported stay and re-link. */
@SpringBootTest
@ActiveProfiles("test")
class PlanReplacementTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";

    @Autowired
    private PlanLoader loader;
    @Autowired
    private PlanRepository repository;
    @Autowired
    private JdbcTemplate jdbc;
    @TempDir
    private Path inbox;

    @Test
    void replacingThePlanKeepsReportedValuesAndLinksThemToTheNewIndicators() {
        assertThat(loader.load(PlanFixture.load("tno-2022").writeTo(inbox, "piano.xlsx"), Period.parse("2022"))
                .accepted()).isTrue();
        long enteId = jdbc.queryForObject("SELECT id FROM ente WHERE name = ?", Long.class, ENTE);
        // OC_Int_01 of OS_2.4: 444 imprese against >= 500 (seed 000, line 102), reported for the third four-month.
        jdbc.update("INSERT INTO reported_value (ente_id, plan_year, period, objective_code, indicator_code, occurrence,"
                + " raw_value, received_at) VALUES (?, 2022, '2022-T3', 'OS_2.4', 'OC_Int_01', 1, '444', ?)",
                enteId, Timestamp.from(Instant.now()));

        PlanFixture revised = PlanFixture.load("tno-2022");
        int row = revised.indexOf("Indicatori", "Codice", "OC_Int_01");
        revised.set("Indicatori", row, "Target", ">= 450,00 N.");
        assertThat(loader.load(revised.writeTo(inbox, "piano-rivisto.xlsx"), Period.parse("2022")).accepted()).isTrue();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM plan p JOIN ente e ON e.id = p.ente_id WHERE e.name = ?",
                Integer.class, ENTE)).isEqualTo(1);
        BigDecimal relinkedTarget = jdbc.queryForObject("SELECT i.target_value FROM reported_value v"
                + " JOIN plan p ON p.ente_id = v.ente_id AND p.plan_year = v.plan_year"
                + " JOIN indicator i ON i.plan_id = p.id AND i.objective_code = v.objective_code"
                + " AND i.code = v.indicator_code AND i.occurrence = v.occurrence"
                + " WHERE v.period = '2022-T3'", BigDecimal.class); // the only value of that period in the shared test database
        assertThat(relinkedTarget).isEqualByComparingTo("450");
        assertThat(repository.find(ENTE, 2022).orElseThrow().indicators()).hasSize(10);
    }
}
