package it.pa.monitor;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The packages read like the pipeline and depend one way:
 * cli → intake/report/templates → results (stored period results) → scoring → plan → values.
 * The benchmark ({@code bench}) stands beside the pipeline: nothing depends on it and it depends on no stage.
 */
@AnalyzeClasses(packages = "it.pa.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule layers = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .optionalLayer("bench").definedBy("..monitor.bench..")
            .optionalLayer("cli").definedBy("..monitor.cli..")
            .optionalLayer("intake").definedBy("..monitor.intake..")
            .optionalLayer("report").definedBy("..monitor.report..")
            .optionalLayer("templates").definedBy("..monitor.templates..")
            .optionalLayer("results").definedBy("..monitor.results..")
            .optionalLayer("scoring").definedBy("..monitor.scoring..")
            .optionalLayer("plan").definedBy("..monitor.plan..")
            .layer("values").definedBy("..monitor.values..")
            .whereLayer("bench").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("intake").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("templates").mayOnlyBeAccessedByLayers("cli")
            .whereLayer("results").mayOnlyBeAccessedByLayers("cli", "intake", "report", "templates")
            .whereLayer("scoring").mayOnlyBeAccessedByLayers("cli", "intake", "report", "templates", "results")
            .whereLayer("plan").mayOnlyBeAccessedByLayers("cli", "intake", "report", "templates", "results", "scoring")
            .whereLayer("values").mayOnlyBeAccessedByLayers("cli", "intake", "report", "templates", "results",
                    "scoring", "plan");

    /**
     * The benchmark drives the application only from outside (child JVMs running the command line), so it
     * measures the pipeline without reaching into it.
     */
    @ArchTest
    static final ArchRule benchStaysOutsideThePipeline = noClasses().that().resideInAPackage("..monitor.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("..monitor.cli..", "..monitor.intake..",
                    "..monitor.report..", "..monitor.templates..", "..monitor.results..", "..monitor.scoring..",
                    "..monitor.plan..", "..monitor.values..");

    /** Scoring is pure functions: no files, no database, no Spring. */
    @ArchTest
    static final ArchRule scoringHasNoIo = noClasses().that().resideInAPackage("..monitor.scoring..")
            .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio..", "java.sql..",
                    "org.springframework..", "org.apache.poi..")
            .allowEmptyShould(true);

    /** Values are pure parsing: no POI, no database, no Spring. */
    @ArchTest
    static final ArchRule valuesArePure = noClasses().that().resideInAPackage("..monitor.values..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.springframework..", "org.apache.poi..");
}
