package it.pa.monitor.run;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import it.pa.monitor.BundledSamples;
import it.pa.monitor.intake.sheet.SheetFixture;
import it.pa.monitor.plan.load.PlanRepository;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.report.data.ReportData;
import it.pa.monitor.report.data.ReportDataLoader;
import it.pa.monitor.results.EarlierYearsRepository;
import it.pa.monitor.results.QualityRepository;
import it.pa.monitor.results.ReportedValues;
import it.pa.monitor.results.ScoreRepository;
import it.pa.monitor.values.Period;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.test.context.ActiveProfiles;

/**
 * The values in force the scoring step reads ahead are the ones the report takes (the two steps hand them over by
 * the run's id), and a read ahead that fails is read again: the report has the same values either way.
 */
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:ahead-${random.uuid};DB_CLOSE_DELAY=-1",
        "monitor.intake.stable-seconds=0", "monitor.progress=false"})
@ActiveProfiles("test")
class ValuesReadAheadTest {

    private static final String ENTE = IntakeRunTest.ENTE;
    private static final Period PERIOD = Period.parse("2022");
    private static final IndicatorKey PARTICIPANTS = new IndicatorKey("OO_3.1.1", "PartecAttivFormat", 1);

    @Autowired
    private MonitorRun monitorRun;
    @Autowired
    private DataSource dataSource;
    @Autowired
    private PlanRepository plans;
    @Autowired
    private ScoreRepository scores;
    @Autowired
    private ReportedValues values;
    @Autowired
    private QualityRepository quality;
    @Autowired
    private EarlierYearsRepository earlierYears;
    @TempDir
    private Path inbox;
    @TempDir
    private Path output;

    @BeforeEach
    void planAndOneSheet() throws IOException {
        BundledSamples.copy("piano-2022.xlsx", inbox);
        SheetFixture.forUnit(ENTE, "Servizio Promozione", "2022")
                .row("OO_3.1.1", "Attiv_Formative", ">= 10,00 N.", "45,00 N.")
                .row("OO_3.1.1", "PartecAttivFormat", ">= 100,00 N.", 1295)
                .writeTo(inbox, "scheda_S_PRO_2022.xlsx");
    }

    @Test
    void theReportTakesTheValuesTheScoringStepReadAhead() {
        List<ILoggingEvent> logged = logged(() -> assertThat(
                monitorRun.run(new RunParameters(PERIOD, inbox, output)).completed()).isTrue());

        assertThat(logged).extracting(ILoggingEvent::getFormattedMessage)
                .containsOnlyOnce("Values in force of " + ENTE + " 2022 taken as read ahead")
                .noneMatch(message -> message.contains("read again"));
    }

    @Test
    void aReadAheadThatFailsIsReadAgainWithTheSameValues() {
        assertThat(monitorRun.run(new RunParameters(PERIOD, inbox, output)).completed()).isTrue();
        AtomicInteger connections = new AtomicInteger(1);
        // Once the count is set to 0 (below), the next connection this data source gives, the read ahead's, fails
        // as a dropped connection would.
        DataSource failingOnce = new DelegatingDataSource(dataSource) {
            @Override
            public Connection getConnection() throws SQLException {
                if (connections.getAndIncrement() == 0) {
                    throw new SQLException("connessione interrotta (prova)");
                }
                return super.getConnection();
            }
        };
        ReportDataLoader loader = new ReportDataLoader(plans, scores, values, quality, earlierYears,
                new DataSourceTransactionManager(failingOnce));
        ReportData fresh = loader.load(ENTE, PERIOD).orElseThrow();

        connections.set(0);
        List<ILoggingEvent> logged = logged(() -> {
            loader.readAhead(ENTE, PERIOD, 7L);
            ReportData again = loader.load(ENTE, PERIOD, 7L).orElseThrow();
            assertThat(again.values()).isEqualTo(fresh.values());
            assertThat(again.values().get(PARTICIPANTS).raw()).isEqualTo("1295");
            assertThat(again.values().get(PARTICIPANTS).fileName()).isEqualTo("scheda_S_PRO_2022.xlsx");
        });

        assertThat(connections.get()).as("the failed read ahead, then the read again").isEqualTo(2);
        assertThat(logged).filteredOn(event -> event.getLevel() == Level.WARN)
                .singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("read ahead failed, read again").contains("connessione interrotta (prova)");
    }

    /** What {@link ReportDataLoader} logs, its debug lines included, while {@code action} runs. */
    private static List<ILoggingEvent> logged(Runnable action) {
        Logger logger = (Logger) LoggerFactory.getLogger(ReportDataLoader.class);
        Level level = logger.getLevel();
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        logger.setLevel(Level.DEBUG);
        try {
            action.run();
        } finally {
            logger.detachAppender(events);
            logger.setLevel(level);
        }
        return events.list;
    }
}
