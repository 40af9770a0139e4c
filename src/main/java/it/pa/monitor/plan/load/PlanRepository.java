package it.pa.monitor.plan.load;

import static java.sql.Types.BIGINT;
import static java.sql.Types.BOOLEAN;
import static java.sql.Types.CHAR;
import static java.sql.Types.DATE;
import static java.sql.Types.DECIMAL;
import static java.sql.Types.INTEGER;
import static java.sql.Types.TIMESTAMP;
import static java.sql.Types.VARCHAR;

import it.pa.monitor.concurrent.Futures;
import it.pa.monitor.jdbc.BatchInsert;
import it.pa.monitor.plan.Methodology;
import it.pa.monitor.plan.Plan;
import it.pa.monitor.plan.PlanVersion;
import it.pa.monitor.plan.tree.Ambito;
import it.pa.monitor.plan.tree.CodedLabel;
import it.pa.monitor.plan.tree.HistoricalResult;
import it.pa.monitor.plan.tree.Indicator;
import it.pa.monitor.plan.tree.IndicatorKey;
import it.pa.monitor.plan.tree.Level;
import it.pa.monitor.plan.tree.OperationalObjective;
import it.pa.monitor.plan.tree.OrgUnit;
import it.pa.monitor.plan.tree.Periodicity;
import it.pa.monitor.plan.tree.PiraLink;
import it.pa.monitor.plan.tree.Scorecard;
import it.pa.monitor.plan.tree.ScorecardRow;
import it.pa.monitor.plan.tree.StrategicObjective;
import it.pa.monitor.plan.tree.UnitType;
import it.pa.monitor.values.Operator;
import it.pa.monitor.values.Target;
import it.pa.monitor.values.TargetKind;
import it.pa.monitor.values.TargetParser;
import it.pa.monitor.values.UnitOfMeasure;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores plans in H2 and reads them back; a plan replaces the previous one of its ente and year. */
@Repository
public class PlanRepository {

    private static final Logger log = LoggerFactory.getLogger(PlanRepository.class);

    /** The tables of a plan's rows, each keyed by plan_id first (V2, V9; V18 drops their foreign keys on H2). */
    private static final List<String> PLAN_TABLES = List.of("methodology_parameter", "org_unit", "ambito",
            "strategic_objective", "operational_objective", "operational_objective_unit", "indicator", "scorecard",
            "scorecard_row", "pira_link", "plan_history");

    /** This repository's key for its waiting hand-overs among the transaction's resources. */
    private final Object pendingKey = new Object();

    private final NamedParameterJdbcTemplate named;
    private final DataSource dataSource;
    /**
     * A savepoint in the transaction of the calling thread, or a transaction of its own without one: a transaction
     * manager of the same data source joins the transaction its connection is in, whichever manager began it.
     */
    private final TransactionTemplate nested;
    private final BatchInsert insertEnte;
    private final BatchInsert insertPlan;
    private final BatchInsert insertMethodology;
    private final BatchInsert insertUnit;
    private final BatchInsert insertAmbito;
    private final BatchInsert insertStrategic;
    private final BatchInsert insertOperational;
    private final BatchInsert insertInvolvement;
    private final BatchInsert insertIndicator;
    private final BatchInsert insertScorecard;
    private final BatchInsert insertScorecardRow;
    private final BatchInsert insertPira;
    private final BatchInsert insertHistory;
    private final PlanCache cache = new PlanCache();

    public PlanRepository(JdbcTemplate jdbc) {
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.dataSource = jdbc.getDataSource();
        this.nested = new TransactionTemplate(new JdbcTransactionManager(dataSource));
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.insertEnte = BatchInsert.into("ente").column("name", VARCHAR).using(named);
        this.insertPlan = BatchInsert.into("plan").column("ente_id", BIGINT).column("plan_year", INTEGER)
                .column("periodicity", VARCHAR).column("source_file", VARCHAR).column("source_sha256", CHAR)
                .column("loaded_at", TIMESTAMP).using(named);
        this.insertMethodology = planTable("methodology_parameter").column("name", VARCHAR)
                .column("param_value", VARCHAR).using(named);
        this.insertUnit = planTable("org_unit").column("code", VARCHAR).column("name", VARCHAR)
                .column("unit_type", VARCHAR).column("parent_code", VARCHAR).column("head", VARCHAR)
                .column("row_no", INTEGER).using(named);
        this.insertAmbito = planTable("ambito").column("code", VARCHAR).column("description", VARCHAR)
                .column("weight", DECIMAL).column("row_no", INTEGER).using(named);
        this.insertStrategic = planTable("strategic_objective").column("code", VARCHAR)
                .column("description", VARCHAR).column("ambito_code", VARCHAR).column("weight", DECIMAL)
                .column("bsc_perspective", VARCHAR).column("missione_code", VARCHAR).column("missione_label", VARCHAR)
                .column("programma_code", VARCHAR).column("programma_label", VARCHAR)
                .column("planned_resources", DECIMAL).column("used_resources", DECIMAL).column("row_no", INTEGER)
                .using(named);
        this.insertOperational = planTable("operational_objective").column("code", VARCHAR)
                .column("description", VARCHAR).column("strategic_objective_code", VARCHAR).column("weight", DECIMAL)
                .column("row_no", INTEGER).using(named);
        this.insertInvolvement = planTable("operational_objective_unit").column("objective_code", VARCHAR)
                .column("unit_code", VARCHAR).column("seq", INTEGER).using(named);
        this.insertIndicator = planTable("indicator").column("objective_code", VARCHAR).column("code", VARCHAR)
                .column("occurrence", INTEGER).column("name", VARCHAR).column("algorithm", VARCHAR)
                .column("source", VARCHAR).column("typology", VARCHAR).column("unit_of_measure", VARCHAR)
                .column("target_raw", VARCHAR).column("target_kind", VARCHAR).column("target_operator", VARCHAR)
                .column("target_explicit_operator", BOOLEAN).column("target_value", DECIMAL)
                .column("target_deadline", DATE).column("target_unit", VARCHAR).column("target_next_raw", VARCHAR)
                .column("target_after_next_raw", VARCHAR).column("weight", DECIMAL).column("cumulative", BOOLEAN)
                .column("periodicity", VARCHAR).column("responsible_unit_code", VARCHAR).column("row_no", INTEGER)
                .column("significant", BOOLEAN).using(named);
        this.insertScorecard = planTable("scorecard").column("code", VARCHAR).column("dirigente", VARCHAR)
                .column("role", VARCHAR).column("row_no", INTEGER).using(named);
        this.insertScorecardRow = planTable("scorecard_row").column("scorecard_code", VARCHAR)
                .column("seq", INTEGER).column("reference", VARCHAR).column("ref_objective_code", VARCHAR)
                .column("ref_indicator_code", VARCHAR).column("ref_occurrence", INTEGER).column("weight", DECIMAL)
                .column("row_no", INTEGER).column("target_raw", VARCHAR).using(named);
        this.insertPira = planTable("pira_link").column("seq", INTEGER).column("missione_code", VARCHAR)
                .column("missione_label", VARCHAR).column("programma_code", VARCHAR)
                .column("programma_label", VARCHAR).column("objective_code", VARCHAR)
                .column("ref_objective_code", VARCHAR).column("ref_indicator_code", VARCHAR)
                .column("ref_occurrence", INTEGER).column("row_no", INTEGER).using(named);
        this.insertHistory = planTable("plan_history").column("seq", INTEGER).column("history_year", INTEGER)
                .column("item_level", VARCHAR).column("code", VARCHAR).column("raw_value", VARCHAR)
                .column("achievement", DECIMAL).column("row_no", INTEGER).using(named);
    }

    /**
     * Deletes the plan of an ente and year with its rows. The plan's tables keep no foreign key on H2 (V18), so
     * their rows go first, by the plan_id their primary keys begin with; PostgreSQL's keys would cascade.
     */
    private void delete(long enteId, int year) {
        MapSqlParameterSource plan = new MapSqlParameterSource("ente", enteId).addValue("year", year);
        for (long planId : named.queryForList("SELECT id FROM plan WHERE ente_id = :ente AND plan_year = :year",
                plan, Long.class)) {
            MapSqlParameterSource rows = new MapSqlParameterSource("plan", planId);
            for (String table : PLAN_TABLES) {
                named.update("DELETE FROM " + table + " WHERE plan_id = :plan", rows);
            }
            named.update("DELETE FROM plan WHERE id = :plan", rows);
        }
    }

    /** One of the plan's tables: its rows start with the plan they belong to. */
    private static BatchInsert.Columns planTable(String table) {
        return BatchInsert.into(table).column("plan_id", BIGINT);
    }

    /**
     * Replaces the plan of the same ente and year in one transaction; reported values stay. Once the transaction
     * commits, {@link #find} serves the plan in its stored form ({@link PlanAsStored}) without reading it back.
     */
    @Transactional
    public void replace(Plan plan, String sourceFile, String sha256) {
        // The form handed over is made on another thread while this one stores: the second core is idle here.
        Future<Optional<Plan>> asStored = Futures.start("piano-consegnato", () -> PlanAsStored.of(plan));
        long planId = begin(plan.ente(), plan.year(), plan.periodicity(), sourceFile, sha256);
        BatchInsert.Rows indicators = insertIndicator.rows();
        plan.indicators().forEach(indicator -> indicators.add(row -> indicatorRow(planId, indicator, row)));
        indicators.flush();
        storeRest(plan, planId);
        handOver(plan, planId, asStored);
    }

    /**
     * Runs {@code load} in a savepoint of the caller's transaction (a transaction of its own without one), giving it
     * a {@link Replacing} that stores the plan's indicators while its workbook is still being read: the plan step
     * otherwise stored 60 000 indicators after reading them, on one core. What was stored is rolled back to the
     * savepoint unless the plan was accepted and stored whole ({@link Replacing#finish}): a rejected plan leaves the
     * stored one untouched, as before.
     */
    public <T> T storingAhead(String sourceFile, String sha256, Function<Replacing, T> load) {
        boolean inTransaction = TransactionSynchronizationManager.isActualTransactionActive();
        return nested.execute(transaction -> {
            if (inTransaction && transaction.isNewTransaction()) {
                // The caller's transaction is on another data source than this repository's: the plan would commit
                // apart from the rest of it.
                throw new IllegalStateException("plan not stored in the caller's transaction");
            }
            Replacing replacing = new Replacing(sourceFile, sha256, transaction);
            T loaded;
            try {
                loaded = load.apply(replacing);
            } finally {
                replacing.settle(false); // nothing may still write when the transaction ends, whichever way
            }
            if (replacing.planId != null && !replacing.finished) {
                transaction.setRollbackOnly();
            }
            return loaded;
        });
    }

    /**
     * A plan being stored while its workbook is read ({@link #storingAhead}): its indicators as they are assembled,
     * under a plan row begun with the first of them, sent by a thread of their own through the transaction's
     * connection (the reading thread is the plan step's busiest); the rest once the plan is whole and accepted.
     */
    public final class Replacing implements IndicatorRows.StoredAhead {

        /** Batches of indicators handed to the storing thread and not stored yet, at most. */
        private static final int BATCHES_AHEAD = 3;

        private final String sourceFile;
        private final String sha256;
        private final TransactionStatus transaction;
        /** Where the transaction stood before the plan was begun. */
        private Object beforePlan;
        private Long planId;
        private String ente;
        private int year;
        private Periodicity periodicity;
        /** The indicators assembled so far, as the assembler holds them, and how many of them went to be stored. */
        private List<Indicator> assembled = List.of();
        private int stored;
        private boolean finished;
        /** The transaction's connection, lent to the storing thread while this one reads. */
        private Connection connection;
        private ExecutorService storer;
        /** The storing thread's rows: used on that thread only. */
        private BatchInsert.Rows storerRows;
        private final Deque<Future<?>> batches = new ArrayDeque<>();

        private Replacing(String sourceFile, String sha256, TransactionStatus transaction) {
            this.sourceFile = sourceFile;
            this.sha256 = sha256;
            this.transaction = transaction;
        }

        @Override
        public void indicators(String ente, int year, Periodicity periodicity, List<Indicator> soFar) {
            if (planId == null) {
                this.beforePlan = transaction.createSavepoint();
                this.planId = begin(ente, year, periodicity, sourceFile, sha256);
                this.ente = ente;
                this.year = year;
                this.periodicity = periodicity;
                connection = DataSourceUtils.getConnection(dataSource);
                storerRows = insertIndicator.through(new JdbcTemplate(new SingleConnectionDataSource(connection, true)))
                        .rows();
                storer = Executors.newSingleThreadExecutor(PlanRepository::storingThread);
            } else if (soFar != assembled) {
                // The workbook read again from the start another way (the fast reader left it half-way to the
                // streaming one): what the first read stored is rolled back and this read's indicators stored.
                restart();
                indicators(ente, year, periodicity, soFar);
                return;
            } else if (!ente.equals(this.ente) || year != this.year || periodicity != this.periodicity) {
                throw new IllegalStateException("indicators stored ahead for another plan");
            }
            assembled = soFar;
            List<Indicator> batch = List.copyOf(soFar.subList(stored, soFar.size()));
            stored = soFar.size();
            if (batches.size() == BATCHES_AHEAD) {
                Futures.await(batches.removeFirst(), "memorizzazione del piano interrotta");
            }
            long id = planId;
            batches.addLast(storer.submit(() -> {
                batch.forEach(indicator -> storerRows.add(row -> indicatorRow(id, indicator, row)));
                storerRows.flush();
            }));
        }

        /**
         * Waits until the storing thread has sent everything handed to it and has ended, an interrupt
         * notwithstanding (the connection goes back to this thread only then); its failure is thrown if
         * {@code failures}, else logged (what it stored is rolled back with the rest).
         */
        void settle(boolean failures) {
            if (storer == null) {
                return;
            }
            try {
                while (!batches.isEmpty()) {
                    Future<?> batch = batches.removeFirst();
                    try {
                        Futures.await(batch, "memorizzazione del piano interrotta");
                    } catch (RuntimeException | Error e) {
                        if (failures) {
                            batches.forEach(rest -> rest.cancel(false));
                            throw e;
                        }
                        // Rolled back with the rest of what was stored ahead; kept in the log all the same.
                        log.warn("Plan {}: indicators stored ahead failed: {}", sourceFile, e.toString());
                    }
                }
            } finally {
                storer.shutdown();
                awaitTermination(storer);
                storer = null;
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** Back to before the plan was begun: the storing thread ended, what it stored rolled back. */
        private void restart() {
            settle(false);
            transaction.rollbackToSavepoint(beforePlan);
            planId = null;
            assembled = List.of();
            stored = 0;
        }

        /** How many indicators were handed to the storing thread while the plan was read. */
        int storedAhead() {
            return stored;
        }

        /**
         * Stores the rest of the accepted plan. Should it not be the plan whose indicators were stored ahead (a
         * workbook read again another way, say), what was stored is rolled back and the plan is stored whole.
         */
        public void finish(Plan plan) {
            settle(true);
            finished = true;
            if (planId == null || !storedAheadFrom(plan)) {
                if (planId != null) {
                    transaction.rollbackToSavepoint(beforePlan);
                }
                replace(plan, sourceFile, sha256);
                return;
            }
            transaction.releaseSavepoint(beforePlan);
            Future<Optional<Plan>> asStored = Futures.start("piano-consegnato", () -> PlanAsStored.of(plan));
            long id = planId;
            List<Indicator> all = plan.indicators();
            BatchInsert.Rows indicators = insertIndicator.rows();
            for (int i = stored; i < all.size(); i++) {
                Indicator indicator = all.get(i);
                indicators.add(row -> indicatorRow(id, indicator, row));
            }
            indicators.flush();
            storeRest(plan, id);
            handOver(plan, id, asStored);
        }

        /** Whether the indicators stored are the plan's first ones, the very same, for its ente, year and periodicity. */
        private boolean storedAheadFrom(Plan plan) {
            List<Indicator> all = plan.indicators();
            if (!plan.ente().equals(ente) || plan.year() != year || plan.periodicity() != periodicity
                    || all.size() < stored) {
                return false;
            }
            for (int i = 0; i < stored; i++) {
                if (all.get(i) != assembled.get(i)) {
                    return false;
                }
            }
            return true;
        }
    }

    /** The thread that stores a plan's indicators while it is read: a daemon, never holding the program open. */
    private static Thread storingThread(Runnable store) {
        Thread thread = new Thread(store, "scrittura-piano");
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Waits for a pool that was shut down to end its last task, an interrupt notwithstanding (kept for the caller):
     * the task may be using a connection that goes back to the caller.
     */
    private static void awaitTermination(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.SECONDS)) {
                    break;
                }
                log.debug("waiting for the plan's storing thread");
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts a plan in place of the stored one of its ente and year: the old plan deleted, the new plan's row
     * inserted (its other rows follow); its id.
     */
    private long begin(String ente, int year, Periodicity periodicity, String sourceFile, String sha256) {
        cache.forget(ente, year);
        long enteId = enteId(ente);
        delete(enteId, year);
        return insertPlan.insertReturningKey(row -> row
                .set("ente_id", enteId)
                .set("plan_year", year)
                .set("periodicity", periodicity.name())
                .set("source_file", sourceFile)
                .set("source_sha256", sha256)
                .set("loaded_at", Timestamp.from(Instant.now())), "id");
    }

    private static void indicatorRow(long planId, Indicator i, BatchInsert.Row row) {
        row
                .set("plan_id", planId)
                .set("objective_code", i.objectiveCode())
                .set("code", i.code())
                .set("occurrence", i.key().occurrence())
                .set("name", i.name())
                .set("algorithm", i.algorithm())
                .set("source", i.source())
                .set("typology", i.typology())
                .set("unit_of_measure", i.unit() == null ? null : i.unit().name())
                .set("target_raw", i.target().raw())
                .set("target_kind", i.target().kind().name())
                .set("target_operator", i.target().operator() == null ? null : i.target().operator().name())
                .set("target_explicit_operator", i.target().explicitOperator())
                .set("target_value", i.target().value())
                .set("target_deadline", i.target().deadline() == null ? null
                        : Date.valueOf(i.target().deadline()))
                .set("target_unit", i.target().unit() == null ? null : i.target().unit().name())
                .set("target_next_raw", i.targetNext())
                .set("target_after_next_raw", i.targetAfterNext())
                .set("weight", i.weight())
                .set("cumulative", i.cumulative())
                .set("periodicity", i.periodicity())
                .set("responsible_unit_code", i.responsibleUnitCode())
                .set("row_no", i.rowNo())
                .set("significant", i.significant());
    }

    /** The plan's rows other than its row and its indicators. */
    private void storeRest(Plan plan, long planId) {
        insertMethodology.insert(plan.methodology().parameters().entrySet(), (e, row) -> row
                .set("plan_id", planId)
                .set("name", e.getKey())
                .set("param_value", e.getValue()));
        insertUnit.insert(plan.units(), (u, row) -> row
                .set("plan_id", planId)
                .set("code", u.code())
                .set("name", u.name())
                .set("unit_type", u.type().name())
                .set("parent_code", u.parentCode())
                .set("head", u.head())
                .set("row_no", u.rowNo()));
        insertAmbito.insert(plan.ambiti(), (a, row) -> row
                .set("plan_id", planId)
                .set("code", a.code())
                .set("description", a.description())
                .set("weight", a.weight())
                .set("row_no", a.rowNo()));
        insertStrategic.insert(plan.strategicObjectives(), (o, row) -> row
                .set("plan_id", planId)
                .set("code", o.code())
                .set("description", o.description())
                .set("ambito_code", o.ambitoCode())
                .set("weight", o.weight())
                .set("bsc_perspective", o.bscPerspective())
                .set("missione_code", code(o.missione()))
                .set("missione_label", label(o.missione()))
                .set("programma_code", code(o.programma()))
                .set("programma_label", label(o.programma()))
                .set("planned_resources", o.plannedResources())
                .set("used_resources", o.usedResources())
                .set("row_no", o.rowNo()));
        insertOperational.insert(plan.operationalObjectives(), (o, row) -> row
                .set("plan_id", planId)
                .set("code", o.code())
                .set("description", o.description())
                .set("strategic_objective_code", o.strategicObjectiveCode())
                .set("weight", o.weight())
                .set("row_no", o.rowNo()));
        BatchInsert.Rows involvement = insertInvolvement.rows();
        for (OperationalObjective o : plan.operationalObjectives()) {
            for (int i = 0; i < o.unitCodes().size(); i++) {
                int seq = i + 1;
                String unitCode = o.unitCodes().get(i);
                involvement.add(row -> row
                        .set("plan_id", planId)
                        .set("objective_code", o.code())
                        .set("unit_code", unitCode)
                        .set("seq", seq));
            }
        }
        involvement.flush();
        insertScorecard.insert(plan.scorecards(), (s, row) -> row
                .set("plan_id", planId)
                .set("code", s.code())
                .set("dirigente", s.dirigente())
                .set("role", s.role())
                .set("row_no", s.rowNo()));
        BatchInsert.Rows scorecardRows = insertScorecardRow.rows();
        for (Scorecard s : plan.scorecards()) {
            for (int i = 0; i < s.rows().size(); i++) {
                int seq = i + 1;
                ScorecardRow r = s.rows().get(i);
                scorecardRows.add(row -> row
                        .set("plan_id", planId)
                        .set("scorecard_code", s.code())
                        .set("seq", seq)
                        .set("reference", r.reference())
                        .set("ref_objective_code", r.objectiveCode())
                        .set("ref_indicator_code", r.indicatorCode())
                        .set("ref_occurrence", r.referencesIndicator() ? r.occurrence() : null)
                        .set("weight", r.weight())
                        .set("row_no", r.rowNo())
                        .set("target_raw", r.target() == null ? null : r.target().raw()));
            }
        }
        scorecardRows.flush();
        BatchInsert.Rows pira = insertPira.rows();
        for (int i = 0; i < plan.pira().size(); i++) {
            int seq = i + 1;
            PiraLink p = plan.pira().get(i);
            pira.add(row -> row
                    .set("plan_id", planId)
                    .set("seq", seq)
                    .set("missione_code", code(p.missione()))
                    .set("missione_label", label(p.missione()))
                    .set("programma_code", code(p.programma()))
                    .set("programma_label", label(p.programma()))
                    .set("objective_code", p.objectiveCode())
                    .set("ref_objective_code", p.indicator().objectiveCode())
                    .set("ref_indicator_code", p.indicator().code())
                    .set("ref_occurrence", p.indicator().occurrence())
                    .set("row_no", p.rowNo()));
        }
        pira.flush();
        BatchInsert.Rows history = insertHistory.rows();
        for (int i = 0; i < plan.history().size(); i++) {
            int seq = i + 1;
            HistoricalResult h = plan.history().get(i);
            history.add(row -> row
                    .set("plan_id", planId)
                    .set("seq", seq)
                    .set("history_year", h.year())
                    .set("item_level", h.level().name())
                    .set("code", h.code())
                    .set("raw_value", h.value())
                    .set("achievement", h.result())
                    .set("row_no", h.rowNo()));
        }
        history.flush();
    }

    /**
     * Once the plan's transaction commits, the plan just stored serves the run's {@link #find} calls in its
     * stored form, instead of a rebuild from the rows it was written to (the same plan, built again). The stored
     * form is awaited then, not here: it is made on the other core while the transaction commits.
     */
    private void handOver(Plan plan, long planId, Future<Optional<Plan>> normalised) {
        Optional<StoredPlan> stored = stored(plan.ente(), plan.year()).filter(s -> s.version().planId() == planId);
        if (stored.isEmpty() || !TransactionSynchronizationManager.isSynchronizationActive()) {
            normalised.cancel(true);
            return;
        }
        String ente = plan.ente();
        int year = plan.year();
        PlanCache.Version version = stored.get().version();
        // One waiting hand-over per ente and year (a later file of the same transaction replaces it), and nothing
        // else kept: the plan as built is free once its stored form is made.
        pendingHandOvers().put(ente + "\u0000" + year,
                () -> handedOver(ente, year, normalised).ifPresent(asStored -> cache.put(ente, year, version, asStored)));
    }

    /**
     * The plan's stored form, once made; empty if making it failed (the run then reads the plan back). An error
     * (out of memory) is thrown on: it fails the step after the plan was committed, and a run started again finds
     * the plan stored and reads it back.
     */
    private static Optional<Plan> handedOver(String ente, int year, Future<Optional<Plan>> normalised) {
        try {
            return normalised.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error; // out of memory, say: not a reason to go on as if nothing happened
            }
            log.warn("Plan {} {} not handed over: {}", ente, year, e.getCause().toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }

    /** The hand-overs waiting for the current transaction to commit, made on its first use. */
    @SuppressWarnings("unchecked")
    private Map<String, Runnable> pendingHandOvers() {
        Object key = pendingKey;
        Map<String, Runnable> pending = (Map<String, Runnable>) TransactionSynchronizationManager.getResource(key);
        if (pending != null) {
            return pending;
        }
        Map<String, Runnable> created = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(key, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                created.values().forEach(Runnable::run);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return created;
    }

    /**
     * The stored plan of an ente and year, as it was loaded. Rebuilt from the database once per stored version
     * (or, for a plan this repository has just stored, handed over in its stored form without a read): later
     * calls (the steps of a run) get the same immutable instance until the plan is replaced.
     */
    @Transactional(readOnly = true)
    public Optional<Plan> find(String ente, int year) {
        Optional<StoredPlan> found = stored(ente, year);
        if (found.isEmpty()) {
            cache.forget(ente, year);
            return Optional.empty();
        }
        StoredPlan stored = found.get();
        // One rebuild at a time: steps asking together wait for the first one's plan instead of building their own.
        synchronized (cache) {
            Optional<Plan> cached = cache.get(ente, year, stored.version());
            if (cached.isPresent()) {
                return cached;
            }
            Plan plan = read(ente, year, stored);
            cache.put(ente, year, stored.version(), plan);
            return Optional.of(plan);
        }
    }

    private Optional<StoredPlan> stored(String ente, int year) {
        return named.query("SELECT p.id, p.periodicity, p.source_sha256, p.loaded_at FROM plan p"
                + " JOIN ente e ON e.id = p.ente_id WHERE e.name = :ente AND p.plan_year = :year", enteAndYear(ente, year),
                (rs, n) -> new StoredPlan(new PlanCache.Version(rs.getLong(1), rs.getString(3),
                        rs.getTimestamp(4).toInstant()), Periodicity.valueOf(rs.getString(2)))).stream().findFirst();
    }

    /** A plan's row: the version the cache keys on, and the periodicity the rebuilt plan carries. */
    private record StoredPlan(PlanCache.Version version, Periodicity periodicity) {
    }

    private Plan read(String ente, int year, StoredPlan stored) {
        long planId = stored.version().planId();
        Map<String, Object> plan = Map.of("plan", planId);
        Map<String, String> methodology = new LinkedHashMap<>();
        named.query("SELECT name, param_value FROM methodology_parameter WHERE plan_id = :plan ORDER BY name", plan,
                rs -> {
                    methodology.put(rs.getString(1), rs.getString(2));
                });
        List<OrgUnit> units = named.query("SELECT * FROM org_unit WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> new OrgUnit(rs.getString("code"), rs.getString("name"),
                        UnitType.valueOf(rs.getString("unit_type")), rs.getString("parent_code"), rs.getString("head"),
                        rs.getInt("row_no")));
        List<Ambito> ambiti = named.query("SELECT * FROM ambito WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> new Ambito(rs.getString("code"), rs.getString("description"), weight(rs),
                        rs.getInt("row_no")));
        List<StrategicObjective> strategic = named.query(
                "SELECT * FROM strategic_objective WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> new StrategicObjective(rs.getString("code"), rs.getString("description"),
                        rs.getString("ambito_code"), weight(rs), rs.getString("bsc_perspective"),
                        codedLabel(rs, "missione"), codedLabel(rs, "programma"),
                        rs.getBigDecimal("planned_resources"), rs.getBigDecimal("used_resources"),
                        rs.getInt("row_no")));
        Map<String, List<String>> unitsByObjective = new LinkedHashMap<>();
        named.query("SELECT objective_code, unit_code FROM operational_objective_unit WHERE plan_id = :plan"
                + " ORDER BY objective_code, seq", plan, rs -> {
                    unitsByObjective.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        List<OperationalObjective> operational = named.query(
                "SELECT * FROM operational_objective WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> new OperationalObjective(rs.getString("code"), rs.getString("description"),
                        rs.getString("strategic_objective_code"), weight(rs),
                        unitsByObjective.getOrDefault(rs.getString("code"), List.of()), rs.getInt("row_no")));
        List<Indicator> indicators = named.query("SELECT * FROM indicator WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> indicator(rs));
        Map<String, List<ScorecardRow>> rowsByScorecard = new LinkedHashMap<>();
        named.query("SELECT * FROM scorecard_row WHERE plan_id = :plan ORDER BY scorecard_code, seq", plan, rs -> {
            rowsByScorecard.computeIfAbsent(rs.getString("scorecard_code"), k -> new ArrayList<>())
                    .add(new ScorecardRow(rs.getString("reference"), rs.getString("ref_objective_code"),
                            rs.getString("ref_indicator_code"), rs.getObject("ref_occurrence") == null ? 1
                            : rs.getInt("ref_occurrence"), weight(rs), rs.getInt("row_no"),
                            rs.getString("target_raw") == null ? null
                                    : new TargetParser().parse(rs.getString("target_raw"), year)));
        });
        List<Scorecard> scorecards = named.query("SELECT * FROM scorecard WHERE plan_id = :plan ORDER BY row_no", plan,
                (rs, n) -> new Scorecard(rs.getString("code"), rs.getString("dirigente"), rs.getString("role"),
                        rowsByScorecard.getOrDefault(rs.getString("code"), List.of()), rs.getInt("row_no")));
        List<PiraLink> pira = named.query("SELECT * FROM pira_link WHERE plan_id = :plan ORDER BY seq", plan,
                (rs, n) -> new PiraLink(codedLabel(rs, "missione"), codedLabel(rs, "programma"),
                        rs.getString("objective_code"), new IndicatorKey(rs.getString("ref_objective_code"),
                        rs.getString("ref_indicator_code"), rs.getInt("ref_occurrence")), rs.getInt("row_no")));
        List<HistoricalResult> history = named.query("SELECT * FROM plan_history WHERE plan_id = :plan ORDER BY seq", plan,
                (rs, n) -> new HistoricalResult(rs.getInt("history_year"),
                        Level.valueOf(rs.getString("item_level")), rs.getString("code"),
                        rs.getString("raw_value"), rs.getBigDecimal("achievement") == null ? null
                        : rs.getBigDecimal("achievement").stripTrailingZeros(), rs.getInt("row_no")));
        // The parameters were checked, and their problems reported with their cells, when the plan was loaded.
        Methodology parsed = Methodology.from(methodology, (name, message) -> { });
        return new Plan(ente, year, stored.periodicity(), parsed, units,
                ambiti, strategic, operational, indicators, scorecards, pira, history);
    }

    /** The workbook the stored plan of an ente and year was loaded from (templates record its sha256). */
    public Optional<PlanVersion> version(String ente, int year) {
        return named.query("SELECT p.source_file, p.source_sha256, p.loaded_at FROM plan p JOIN ente e"
                        + " ON e.id = p.ente_id WHERE e.name = :ente AND p.plan_year = :year", enteAndYear(ente, year),
                (rs, n) -> new PlanVersion(rs.getString(1), rs.getString(2).strip(), rs.getTimestamp(3).toInstant()))
                .stream().findFirst();
    }

    /** The enti that have a plan for the year, by name. */
    public List<String> entiWithPlan(int year) {
        return named.queryForList("SELECT e.name FROM plan p JOIN ente e ON e.id = p.ente_id WHERE p.plan_year = :year"
                + " ORDER BY e.name", Map.of("year", year), String.class);
    }

    private static Map<String, Object> enteAndYear(String ente, int year) {
        return Map.of("ente", ente, "year", year);
    }

    private long enteId(String name) {
        List<Long> ids = named.queryForList("SELECT id FROM ente WHERE name = :name", Map.of("name", name),
                Long.class);
        if (!ids.isEmpty()) {
            return ids.get(0);
        }
        return insertEnte.insertReturningKey(row -> row.set("name", name), "id");
    }

    private static Indicator indicator(ResultSet rs) throws SQLException {
        String operator = rs.getString("target_operator");
        String unit = rs.getString("unit_of_measure");
        Date deadline = rs.getDate("target_deadline");
        String targetUnit = rs.getString("target_unit");
        Target target = new Target(rs.getString("target_raw"), TargetKind.valueOf(rs.getString("target_kind")),
                operator == null ? null : Operator.valueOf(operator), rs.getBoolean("target_explicit_operator"),
                rs.getBigDecimal("target_value") == null ? null : rs.getBigDecimal("target_value").stripTrailingZeros(),
                targetUnit == null ? null : UnitOfMeasure.valueOf(targetUnit),
                deadline == null ? null : deadline.toLocalDate(), null);
        return new Indicator(new IndicatorKey(rs.getString("objective_code"), rs.getString("code"),
                rs.getInt("occurrence")), rs.getString("name"), rs.getString("algorithm"), rs.getString("source"),
                rs.getString("typology"), unit == null ? null : UnitOfMeasure.valueOf(unit), target,
                rs.getString("target_next_raw"), rs.getString("target_after_next_raw"), weight(rs),
                rs.getBoolean("cumulative"), rs.getString("periodicity"), rs.getString("responsible_unit_code"),
                rs.getInt("row_no"), rs.getBoolean("significant"));
    }

    private static BigDecimal weight(ResultSet rs) throws SQLException {
        BigDecimal weight = rs.getBigDecimal("weight");
        return weight == null ? null : weight.stripTrailingZeros();
    }

    private static CodedLabel codedLabel(ResultSet rs, String prefix) throws SQLException {
        String code = rs.getString(prefix + "_code");
        String label = rs.getString(prefix + "_label");
        return code == null && label == null ? null : new CodedLabel(code, label);
    }

    private static String code(CodedLabel label) {
        return label == null ? null : label.code();
    }

    private static String label(CodedLabel label) {
        return label == null ? null : label.label();
    }
}
