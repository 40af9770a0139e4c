package it.pa.monitor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages read like the pipeline and depend one way (docs/ARCHITECTURE.md):
 * cli → run (the job) → report / templates / intake → results → scoring → plan → workbook (reading any
 * workbook's cells) → values, with problem beside values.
 * The benchmark ({@code bench}) stands beside the pipeline: nothing depends on it, and it depends on no stage
 * except the pure ones its "scoring alone" measure needs (plan reading, scoring, values).
 */
@AnalyzeClasses(packages = "it.pa.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] IO = {"java.io..", "java.nio..", "java.sql..", "javax.sql..",
        "org.springframework..", "org.apache.poi..", "org.dhatim..", "com.github.."};

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .optionalLayer("bench").definedBy("..monitor.bench..")
            .optionalLayer("cli").definedBy("..monitor.cli..")
            .optionalLayer("run").definedBy("..monitor.run..")
            .optionalLayer("report").definedBy("..monitor.report..")
            .optionalLayer("templates").definedBy("..monitor.templates..")
            .optionalLayer("intake").definedBy("..monitor.intake..")
            .optionalLayer("results").definedBy("..monitor.results..")
            .optionalLayer("scoring").definedBy("..monitor.scoring..")
            .optionalLayer("plan").definedBy("..monitor.plan..")
            .optionalLayer("workbook").definedBy("..monitor.workbook..")
            .optionalLayer("jdbc").definedBy("..monitor.jdbc..")
            .optionalLayer("concurrent").definedBy("..monitor.concurrent..")
            .layer("values").definedBy("..monitor.values..")
            .layer("problem").definedBy("..monitor.problem..")
            .whereLayer("bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("run").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "run")
            .whereLayer("templates").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("intake").mayOnlyBeAccessedByLayers("cli", "run")
            .whereLayer("results").mayOnlyBeAccessedByLayers("cli", "run", "intake", "report", "templates")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("bench", "cli", "run", "intake", "report", "templates",
                    "results")
            .whereLayer("plan").mayOnlyBeAccessedByLayers("bench", "cli", "run", "intake", "report", "templates",
                    "results", "scoring")
            .whereLayer("workbook").mayOnlyBeAccessedByLayers("cli", "run", "intake", "report", "templates",
                    "results", "scoring", "plan")
            .whereLayer("jdbc").mayOnlyBeAccessedByLayers("run", "intake", "results", "plan")
            .whereLayer("values").mayOnlyBeAccessedByLayers("bench", "cli", "run", "intake", "report", "templates",
                    "results", "scoring", "plan", "workbook")
            .whereLayer("problem").mayOnlyBeAccessedByLayers("bench", "cli", "run", "intake", "report", "templates",
                    "results", "scoring", "plan");

    /**
     * No two packages depend on each other in a circle, sub-packages included (the stages of intake,
     * plan and its loading, the report's data, layout and sheets).
     */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("it.pa.monitor.(**)").should().beFreeOfCycles();

    /** Reading a sheet knows nothing of what is done with it: checks, storage, the inbox, the error workbook. */
    @ArchTest
    static final ArchRule sheetReadingStandsAlone = noClasses().that().resideInAPackage("..monitor.intake.sheet..")
            .should().dependOnClassesThat().resideInAnyPackage("..monitor.intake.inbox..",
                    "..monitor.intake.check..", "..monitor.intake.store..", "..monitor.intake.rejection..");

    /**
     * The benchmark drives the application from outside (child JVMs running the command line), so it
     * measures the pipeline without reaching into it; only "scoring alone" ({@code ScoringBench}) calls the
     * pure stages in process: the plan's reader and assembler, scoring and values, never the job, intake,
     * the database or the report.
     */
    @ArchTest
    static final ArchRule benchStaysOutsideThePipeline = noClasses().that().resideInAPackage("..monitor.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("..monitor.cli..", "..monitor.run..",
                    "..monitor.intake..", "..monitor.report..", "..monitor.templates..", "..monitor.results..",
                    "..monitor.workbook..");

    /** Only the scoring-alone measure reaches the pure stages. */
    @ArchTest
    static final ArchRule onlyScoringAloneUsesThePureStages = noClasses().that().resideInAPackage("..monitor.bench..")
            .and().haveNameNotMatching(".*\\.ScoringBench(\\$.*)?")
            .should().dependOnClassesThat().resideInAnyPackage("..monitor.scoring..", "..monitor.plan..",
                    "..monitor.values..", "..monitor.problem..");

    /** Scoring is pure functions: no files, no database, no Spring, no workbooks. */
    @ArchTest
    static final ArchRule scoringDoesNoIo = noClasses().that().resideInAPackage("..monitor.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage(IO);

    /** Values are pure parsing and formatting: no files, no database, no Spring, no workbooks. */
    @ArchTest
    static final ArchRule valuesDoNoIo = noClasses().that().resideInAPackage("..monitor.values..")
            .should().dependOnClassesThat().resideInAnyPackage(IO);

    /** A problem is a value: it reads and writes nothing. */
    @ArchTest
    static final ArchRule problemsDoNoIo = noClasses().that().resideInAPackage("..monitor.problem..")
            .should().dependOnClassesThat().resideInAnyPackage(IO);
}
