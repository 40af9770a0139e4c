package it.pa.monitor.plan;

import it.pa.monitor.plan.load.PlanAssembler;
import it.pa.monitor.plan.load.PlanRepository;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The Metodologia sheet is parsed once, when the plan is loaded (from its workbook, or read back
 * from the database): scoring, the report and intake use {@link Plan#methodology()} and never
 * parse the parameters again.
 */
@AnalyzeClasses(packages = "it.pa.monitor", importOptions = ImportOption.DoNotIncludeTests.class)
class MethodologyParsedOnceTest {

    @ArchTest
    static final ArchRule onlyPlanLoadingParsesTheMethodology = noClasses()
            .that().doNotBelongToAnyOf(PlanAssembler.class, PlanRepository.class, Methodology.class)
            .should().callMethod(Methodology.class, "from", Map.class, BiConsumer.class)
            .orShould().callMethod(Methodology.class, "from", Map.class, List.class)
            .because("scoring and the report use the record parsed when the plan was loaded");

    /** The call the rule above forbids elsewhere is the one plan loading makes (the rule is not vacuous). */
    @ArchTest
    static final ArchRule planLoadingParsesIt = classes().that().belongToAnyOf(PlanAssembler.class)
            .should().callMethod(Methodology.class, "from", Map.class, BiConsumer.class);
}
