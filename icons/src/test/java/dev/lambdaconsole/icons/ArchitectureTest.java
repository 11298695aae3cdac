package dev.lambdaconsole.icons;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The icons module knows no UI toolkit; what ships is plain Java, Batik stays in the build's renderer. */
class ArchitectureTest {
    static final JavaClasses ICONS = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.lambdaconsole.icons");

    @Test
    void noJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..").check(ICONS);
    }

    @Test
    void whatShipsUsesOnlyTheJdksBasics() {
        classes().that().resideOutsideOfPackage("dev.lambdaconsole.icons.generator..").should().onlyDependOnClassesThat()
                .resideInAnyPackage("java.lang..", "java.net..", "java.util..", "dev.lambdaconsole.icons")
                .check(ICONS);
    }

    @Test
    void onlyTheRendererUsesBatik() {
        noClasses().that().resideOutsideOfPackage("dev.lambdaconsole.icons.generator..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.batik..", "java.awt..", "javax.imageio..").check(ICONS);
    }
}
