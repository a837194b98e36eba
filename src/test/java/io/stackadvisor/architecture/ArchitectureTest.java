package io.stackadvisor.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages form layers without cycles (profile/knowledge → engine → ruleset/scenario →
 * audit/explain/whatif → evaluation → ui; evaluation hands live traffic to the shadow in whatif);
 * the build fails on a cycle or a dependency upwards.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMain() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.stackadvisor");
    }

    @Test
    void noPackageCycles() {
        slices().matching("io.stackadvisor.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void packagesDependOnlyOnTheLayersBelow() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("foundation").definedBy("io.stackadvisor.problem..", "io.stackadvisor.json..", "io.stackadvisor.db..",
                        "io.stackadvisor.api..")
                .layer("profile").definedBy("io.stackadvisor.profile..")
                .layer("knowledge").definedBy("io.stackadvisor.knowledge..")
                .layer("engine").definedBy("io.stackadvisor.engine..")
                .layer("scenario").definedBy("io.stackadvisor.scenario..")
                .layer("ruleset").definedBy("io.stackadvisor.ruleset..")
                .layer("audit").definedBy("io.stackadvisor.audit..")
                .layer("ops").definedBy("io.stackadvisor.ops..")
                .layer("explain").definedBy("io.stackadvisor.explain..")
                .layer("whatif").definedBy("io.stackadvisor.whatif..")
                .layer("evaluation").definedBy("io.stackadvisor.evaluation..")
                .layer("ui").definedBy("io.stackadvisor.ui..")
                .whereLayer("ui").mayNotBeAccessedByAnyLayer()
                .whereLayer("evaluation").mayOnlyBeAccessedByLayers("ui")
                .whereLayer("whatif").mayOnlyBeAccessedByLayers("evaluation", "ui")
                .whereLayer("explain").mayOnlyBeAccessedByLayers("evaluation", "ui")
                .whereLayer("ops").mayOnlyBeAccessedByLayers("evaluation", "whatif", "ui")
                .whereLayer("audit").mayOnlyBeAccessedByLayers("explain", "evaluation", "whatif", "ui")
                .whereLayer("ruleset").mayOnlyBeAccessedByLayers("ops", "explain", "evaluation", "whatif", "ui")
                .whereLayer("scenario").mayOnlyBeAccessedByLayers("ruleset", "ops", "explain", "evaluation", "whatif", "ui")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("scenario", "ruleset", "audit", "ops", "explain", "whatif",
                        "evaluation", "ui")
                .whereLayer("knowledge").mayOnlyBeAccessedByLayers("engine", "scenario", "ruleset", "audit", "ops", "explain",
                        "whatif", "evaluation", "ui")
                .whereLayer("profile").mayOnlyBeAccessedByLayers("knowledge", "engine", "scenario", "ruleset", "audit", "ops",
                        "explain", "whatif", "evaluation", "ui")
                .check(classes);
    }

    @Test
    void resourcesCallServicesNotOtherResources() {
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses()
                .that().haveSimpleNameEndingWith("Resource")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Resource")
                .check(classes);
    }
}
