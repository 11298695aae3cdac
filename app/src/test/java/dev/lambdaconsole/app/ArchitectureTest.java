package dev.lambdaconsole.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** MVVM: ViewModels expose properties and commands, never controls; the engine is reached through its API. */
class ArchitectureTest {
    static final JavaClasses APP = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdaconsole.app");

    @Test
    void viewModelsNeverTouchControls() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel").should().dependOnClassesThat()
                .resideInAnyPackage("javafx.scene..", "javafx.stage..").check(APP);
    }

    /**
     * Features receive what they need (common: the engine's services, navigation, settings, progress); only the
     * shell, the composition root, knows every feature. No feature depends on the shell, so there is no cycle.
     */
    @Test
    void featuresDoNotDependOnTheShell() {
        noClasses().that().resideOutsideOfPackages("dev.lambdaconsole.app.shell..", "dev.lambdaconsole.app")
                .should().dependOnClassesThat().resideInAPackage("dev.lambdaconsole.app.shell..").check(APP);
    }

    @Test
    void theCommonPartsKnowNoFeature() {
        noClasses().that().resideInAPackage("dev.lambdaconsole.app.common..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.lambdaconsole.app.shell..", "dev.lambdaconsole.app.functions..",
                        "dev.lambdaconsole.app.code..", "dev.lambdaconsole.app.test..", "dev.lambdaconsole.app.monitor..",
                        "dev.lambdaconsole.app.config..", "dev.lambdaconsole.app.create..", "dev.lambdaconsole.app.layers..",
                        "dev.lambdaconsole.app.settings..", "dev.lambdaconsole.app.services..",
                        "dev.lambdaconsole.app.triggers..").check(APP);
    }

    @Test
    void theConsoleDoesNotReachIntoEngineInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.lambdaconsole.runtime.runtimeapi..",
                "dev.lambdaconsole.runtime.backend..", "org.eclipse.jetty..", "com.github.dockerjava..").check(APP);
    }
}
