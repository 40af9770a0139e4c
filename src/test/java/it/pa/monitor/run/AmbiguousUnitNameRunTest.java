package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.plan.PlanFixture;
import it.pa.monitor.templates.TemplateException;
import it.pa.monitor.templates.TemplateGenerator;
import it.pa.monitor.values.Period;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A monitoring sheet that names its unit by a name two units of the plan share (two offices "Punto Impresa
 * Digitale" under the same area, told apart only by case) is rejected with a message saying so and naming both
 * codes, instead of being counted as the first one's; named by its code it is that unit's. A template asked for
 * by that name says the same.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:ambiguous-${random.uuid};DB_CLOSE_DELAY=-1",
        "monitor.intake.stable-seconds=0", "monitor.progress=false"})
@ActiveProfiles("test")
class AmbiguousUnitNameRunTest {

    private static final String ENTE = "CCIAA di Toscana Nord Ovest";
    private static final Period PERIOD = Period.parse("2022");

    @Autowired
    private MonitorRun monitorRun;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private TemplateGenerator templates;
    @TempDir
    private Path inbox;
    @TempDir
    private Path output;

    @BeforeEach
    void planWithTwoUnitsOfTheSameName() {
        PlanFixture.load("tno-2022")
                .addRow("Struttura", "PID1", "Punto Impresa Digitale", "Ufficio", "SG", "")
                .addRow("Struttura", "PID2", "PUNTO IMPRESA DIGITALE", "Ufficio", "SG", "")
                .writeTo(inbox, "piano-2022.xlsx");
    }

    @Test
    void aSheetNamingASharedNameIsRejectedSayingWhichUnitsHaveItAndByCodeItIsAccepted() {
        SheetFixture.forUnit(ENTE, "Punto impresa digitale", "2022")
                .row("OS_2.3", "OC_TD_01", ">= 500,00 N.", "520")
                .writeTo(inbox, "scheda pid.xlsx");
        SheetFixture.forUnit(ENTE, "PID2", "2022")
                .row("OS_2.3", "OC_TD_01", ">= 500,00 N.", "530")
                .writeTo(inbox, "scheda_PID2_2022.xlsx");

        RunReport report = monitorRun.run(new RunParameters(PERIOD, inbox, output));

        assertThat(report.completed()).isTrue();
        assertThat(messages("scheda pid.xlsx")).containsExactly("«Punto impresa digitale» è il nome di più unità del"
                + " piano (PID1, PID2): indicare il codice dell'unità");
        assertThat(report.accepted()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT unit_code || ' ' || raw_value FROM reported_value", String.class))
                .containsExactly("PID2 530");
    }

    @Test
    void aTemplateAskedForBySuchANameSaysWhichUnitsHaveIt() {
        assertThat(monitorRun.run(new RunParameters(PERIOD, inbox, output)).completed()).isTrue();

        assertThatThrownBy(() -> templates.generate(PERIOD, output.resolve("modelli"),
                Optional.of("punto impresa digitale")))
                .isInstanceOf(TemplateException.class)
                .hasMessage("«punto impresa digitale» è il nome di più unità del piano 2022 (PID1, PID2):"
                        + " indicare il codice dell'unità.");
    }

    private List<String> messages(String fileName) {
        return jdbc.queryForList("SELECT p.message FROM file_problem p JOIN submitted_file f ON f.id = p.file_id"
                + " WHERE f.file_name = ? AND p.severity = 'ERRORE' ORDER BY p.seq", String.class, fileName);
    }
}
