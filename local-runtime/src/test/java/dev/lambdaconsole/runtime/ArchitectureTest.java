package dev.lambdaconsole.runtime;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stands alone: no UI toolkit, no console or editor code, Docker types kept in their package. */
class ArchitectureTest {
    static final JavaClasses ENGINE = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdaconsole.runtime");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(ENGINE);
    }

    @Test
    void noConsoleOrEditorCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.lambdaconsole.app..",
                "dev.lambdaconsole.editor..", "dev.lambdaconsole.simulators..").check(ENGINE);
    }

    @Test
    void dockerJavaStaysInTheDockerBackend() {
        noClasses().that().resideOutsideOfPackage("dev.lambdaconsole.runtime.backend.docker..")
                .should().dependOnClassesThat().resideInAnyPackage("com.github.dockerjava..").check(ENGINE);
    }

    @Test
    void jettyStaysInTheHttpPackages() {
        noClasses().that().resideOutsideOfPackages("dev.lambdaconsole.runtime.runtimeapi..",
                        "dev.lambdaconsole.runtime.gateway.http..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..").check(ENGINE);
    }
}
