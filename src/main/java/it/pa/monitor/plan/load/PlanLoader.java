package it.pa.monitor.plan.load;

import it.pa.monitor.plan.Plan;
import it.pa.monitor.workbook.FileDigest;

import it.pa.monitor.problem.Problem;
import it.pa.monitor.values.Period;
import it.pa.monitor.values.TargetParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Loads a plan workbook: reads, validates and, when nothing rejects it, stores it in place of
 * the previous plan of the same ente and year. A rejected plan leaves the stored one untouched.
 */
@Service
public class PlanLoader {

    private static final Logger log = LoggerFactory.getLogger(PlanLoader.class);

    private final PlanWorkbookReader reader;
    private final PlanRepository repository;
    private final TargetParser targetParser = new TargetParser();

    public PlanLoader(PlanWorkbookReader reader, PlanRepository repository) {
        this.reader = reader;
        this.repository = repository;
    }

    /**
     * Adds problems to {@code problems}, but only the first error of a located cell: a cell that
     * cannot be read at all (a formula without its value) is not also reported as a wrong value.
     */
    private static Consumer<Problem> oneErrorPerCell(List<Problem> problems) {
        Set<List<Object>> cellsInError = new HashSet<>();
        return problem -> {
            if (problem.isError() && problem.row() != null && problem.column() != null
                    && !cellsInError.add(Arrays.asList(problem.sheet(), problem.row(), problem.column()))) {
                return;
            }
            problems.add(problem);
        };
    }

    public PlanLoadOutcome load(Path file, Period period) {
        return load(file, period, FileDigest.sha256(file));
    }

    /**
     * Loads a file whose sha256 the caller already has (the inbox scan computes it once per file). Its indicators
     * are stored while the workbook is read ({@link PlanRepository#storingAhead}), and rolled back if it is rejected.
     */
    public PlanLoadOutcome load(Path file, Period period, String sha256) {
        String fileName = file.getFileName().toString();
        if (repository == null) {
            return load(file, fileName, period, sha256, null); // a loader that stores nothing (tests of rejections)
        }
        return repository.storingAhead(fileName, sha256, replacing -> load(file, fileName, period, sha256, replacing));
    }

    private PlanLoadOutcome load(Path file, String fileName, Period period, String sha256,
                                 PlanRepository.Replacing replacing) {
        List<Problem> problems = new ArrayList<>();
        Consumer<Problem> report = oneErrorPerCell(problems);
        // A plan for another year is rejected: nothing of it is stored ahead.
        IndicatorRows.StoredAhead storedAhead = replacing == null ? null : (ente, year, periodicity, soFar) -> {
            if (year == period.year()) {
                replacing.indicators(ente, year, periodicity, soFar);
            }
        };
        Optional<Plan> plan = assembled(file, report, storedAhead);
        plan.ifPresent(p -> new PlanValidator(report).validate(p));
        if (plan.isPresent() && plan.get().year() != period.year()) {
            problems.add(Problem.error(PlanSheet.ENTE.sheetName(), null, "Valore", "il piano è per l'anno "
                    + plan.get().year() + " ma l'elaborazione è per il periodo " + period.code()
                    + ": inviare il piano dell'anno " + period.year()));
        }
        boolean accepted = plan.isPresent() && problems.stream().noneMatch(Problem::isError);
        if (accepted) {
            if (replacing == null) {
                repository.replace(plan.get(), fileName, sha256);
            } else {
                replacing.finish(plan.get());
            }
            log.info("Plan {} {} loaded from {}: {}", plan.get().ente(), plan.get().year(), fileName,
                    plan.get().counts());
        } else {
            log.warn("Plan {} rejected: {} error(s)", fileName, problems.stream().filter(Problem::isError).count());
        }
        problems.forEach(p -> log.info("{}: {}", fileName, p.describe()));
        return new PlanLoadOutcome(fileName, accepted, plan.map(Plan::ente).orElse(null),
                plan.map(Plan::year).orElse(null), plan.map(Plan::counts).orElse(null), problems);
    }

    /**
     * The plan of the workbook, if it has one. Its Indicatori rows are assembled as they are read (an .xlsx's on
     * this thread, while the reader's thread parses the next ones and, when this one is behind, reads their cells),
     * so they are never all held; the other tables are no longer reachable once this returns: the plan is validated
     * and stored, and its stored form made beside it, without them.
     */
    private Optional<Plan> assembled(Path file, Consumer<Problem> report, IndicatorRows.StoredAhead storedAhead) {
        PlanWorkbook workbook = reader.read(file, report,
                sheetsBefore -> PlanAssembler.indicatorsAhead(targetParser, sheetsBefore, storedAhead));
        return workbook.tables().isEmpty() ? Optional.empty()
                : new PlanAssembler(targetParser, report).assemble(workbook);
    }
}
