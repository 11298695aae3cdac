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

    @Test
    void theConsoleDoesNotReachIntoEngineInternals() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.lambdaconsole.runtime.runtimeapi..",
                "dev.lambdaconsole.runtime.backend..", "org.eclipse.jetty..", "com.github.dockerjava..").check(APP);
    }
}
