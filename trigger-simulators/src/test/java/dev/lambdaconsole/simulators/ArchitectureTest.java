package dev.lambdaconsole.simulators;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The simulators stand beside the engine: no UI toolkit, no console or editor, no engine internals. */
class ArchitectureTest {
    static final JavaClasses SIMULATORS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lambdaconsole.simulators");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(SIMULATORS);
    }

    @Test
    void noConsoleOrEditorCode() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.lambdaconsole.app..",
                "dev.lambdaconsole.editor..").check(SIMULATORS);
    }

    @Test
    void noBackendsOrRuntimeApi() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("dev.lambdaconsole.runtime.backend..",
                "dev.lambdaconsole.runtime.runtimeapi..", "com.github.dockerjava..", "org.eclipse.jetty..")
                .check(SIMULATORS);
    }

    @Test
    void elasticMqStaysInTheSqsPackage() {
        noClasses().that().resideOutsideOfPackage("dev.lambdaconsole.simulators.sqs").should().dependOnClassesThat()
                .resideInAnyPackage("org.elasticmq..", "org.apache.pekko..", "scala..", "scalikejdbc..",
                        "com.typesafe.config..").check(SIMULATORS);
    }
}
