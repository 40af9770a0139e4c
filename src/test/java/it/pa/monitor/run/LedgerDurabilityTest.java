package it.pa.monitor.run;

import static it.pa.monitor.run.SchemaLookups.dataSource;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import it.pa.monitor.intake.inbox.FileLedger;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Before the archive moves files, {@link FileLedger#makeDurable} forces H2's file to the disk ({@code CHECKPOINT
 * SYNC}: H2 writes commits to the operating system only); PostgreSQL, durable at every commit, is sent nothing.
 */
class LedgerDurabilityTest {

    @TempDir
    private Path work;

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void h2IsToldToSyncItsFilePostgreSqlIsSentNothing(TestDatabase.Kind kind) {
        TestDatabase db = TestDatabase.create(kind, work);
        List<String> executed = new ArrayList<>();

        new FileLedger(new JdbcTemplate(recording(dataSource(db), executed))).makeDurable();

        assertThat(executed).isEqualTo(kind == TestDatabase.Kind.H2 ? List.of("CHECKPOINT SYNC") : List.of());
    }

    @Test
    void anH2UserWithoutAdminRightsGetsTheFilesMovedAsBeforeWithAWarning() {
        // Possible on a server's H2 (the connections to an embedded file set WRITE_DELAY, which needs the rights).
        TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2, work);
        new JdbcTemplate(dataSource(db)).execute("CREATE USER impiegato PASSWORD 'x'");
        List<String> executed = new ArrayList<>();
        DataSource clerk = new DriverManagerDataSource(db.url(), "impiegato", "x");

        Logger logger = (Logger) LoggerFactory.getLogger(FileLedger.class);
        ListAppender<ILoggingEvent> warnings = new ListAppender<>();
        warnings.start();
        logger.addAppender(warnings);
        try {
            new FileLedger(new JdbcTemplate(recording(clerk, executed))).makeDurable(); // refused by H2, not thrown
        } finally {
            logger.detachAppender(warnings);
        }

        assertThat(executed).containsExactly("CHECKPOINT SYNC");
        // H2's refusal (90040: admin rights required) is in the log, as a warning.
        assertThat(warnings.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("90040");
        });
    }

    /** {@code target}, recording the SQL its plain statements execute. */
    private static DataSource recording(DataSource target, List<String> executed) {
        return new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return proxy(Connection.class, connection, (method, result) -> method.getName().equals(
                        "createStatement") ? proxy(Statement.class, (Statement) result, (m, r) -> r, executed) : result,
                        executed);
            }
        };
    }

    /** What a proxied call returns, given the method and what the target returned. */
    private interface Returned {
        Object apply(Method method, Object result);
    }

    private static <T> T proxy(Class<T> type, T target, Returned returned, List<String> executed) {
        return type.cast(Proxy.newProxyInstance(LedgerDurabilityTest.class.getClassLoader(), new Class<?>[] {type},
                (self, method, args) -> {
                    if (type == Statement.class && method.getName().startsWith("execute") && args != null
                            && args.length > 0 && args[0] instanceof String sql) {
                        executed.add(sql);
                    }
                    try {
                        return returned.apply(method, method.invoke(target, args));
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                }));
    }
}
