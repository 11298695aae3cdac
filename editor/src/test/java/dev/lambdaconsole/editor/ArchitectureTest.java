package dev.lambdaconsole.editor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses editor = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdaconsole.editor");

    @Test
    void editorKnowsNothingOfLambdaRuntimeOrApp() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.lambdaconsole.runtime..", "dev.lambdaconsole.app..", "dev.lambdaconsole.localruntime..")
                .check(editor);
    }

    @Test
    void pureLogicPackagesDoNotUseJavaFxControls() {
        noClasses().that().resideInAnyPackage("dev.lambdaconsole.editor.syntax..", "dev.lambdaconsole.editor.json..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.fxmisc..")
                .check(editor);
    }
}
