package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Alias;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The alias editor's rules, its split text and what saving does, on a real workspace. */
class AliasEditorViewModelTest {
    static final List<String> VERSIONS = List.of("$LATEST", "1", "2", "3");
    @TempDir Path dir;
    Workspace workspace;
    final List<Alias> saved = new ArrayList<>();

    @BeforeEach
    void threeVersions() {
        workspace = new Workspace(dir);
        workspace.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler").build(),
                CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
        for (int i = 1; i <= 3; i++) {
            int timeout = i + 3;
            workspace.updateConfiguration("orders", b -> b.timeout(timeout));
            workspace.publishVersion("orders", "v" + i, null, null);
        }
    }

    private AliasEditorViewModel editor(Alias editing) {
        return new AliasEditorViewModel("orders", workspace, TaskRunner.synchronous(),
                n -> "arn:aws:lambda:us-east-1:000000000000:function:" + n, VERSIONS, editing);
    }

    @Test
    void aNewAliasPointsAtTheNewestVersionAndTheSliderSplitsItsInvocations() {
        AliasEditorViewModel vm = editor(null);
        assertThat(vm.versionProperty().get()).isEqualTo("3");
        assertThat(vm.splitProperty().get()).isEqualTo("100 % → 3");
        assertThat(vm.additionalChoices()).containsExactly("1", "2");

        vm.versionProperty().set("1");
        assertThat(vm.additionalChoices()).containsExactly("2", "3");
        vm.additionalVersionProperty().set("2");
        vm.weightPercentProperty().set(10);
        assertThat(vm.splitProperty().get()).isEqualTo("90 % → 1, 10 % → 2");
        vm.weightPercentProperty().set(33.333);
        assertThat(vm.splitProperty().get()).isEqualTo("66.7 % → 1, 33.3 % → 2");
        assertThat(vm.weights()).containsExactly(Map.entry("2", 0.333));
    }

    @Test
    void latestCannotBeWeightedSoItsAdditionalVersionGoes() {
        AliasEditorViewModel vm = editor(null);
        vm.versionProperty().set("1");
        vm.additionalVersionProperty().set("3");
        vm.versionProperty().set("$LATEST");
        assertThat(vm.additionalChoices()).isEmpty();
        assertThat(vm.additionalVersionProperty().get()).isNull();
        assertThat(vm.splitProperty().get()).isEqualTo("100 % → $LATEST");
        vm.versionProperty().set("3");
        assertThat(vm.additionalChoices()).containsExactly("1", "2");
    }

    @Test
    void theNameSaysWhichRuleItBreaksAsItIsTyped() {
        AliasEditorViewModel vm = editor(null);
        assertThat(vm.problemProperty().get()).isEqualTo("Enter a name for the alias.");
        vm.nameProperty().set("123");
        assertThat(vm.problemProperty().get()).contains("cannot be only digits");
        vm.nameProperty().set("my alias");
        assertThat(vm.problemProperty().get()).contains("only letters, digits, hyphens (-) and underscores (_)");
        vm.nameProperty().set("a".repeat(129));
        assertThat(vm.problemProperty().get()).contains("longer than 128");
        vm.nameProperty().set("live_2-b");
        assertThat(vm.problemProperty().get()).isEmpty();
        vm.descriptionProperty().set("x".repeat(257));
        assertThat(vm.problemProperty().get()).contains("description is longer than 256");
    }

    @Test
    void savingCreatesTheAliasWithItsWeightAndADuplicateIsRefusedInLambdasWords() {
        AliasEditorViewModel vm = editor(null);
        vm.nameProperty().set("live");
        vm.descriptionProperty().set("production");
        vm.versionProperty().set("1");
        vm.additionalVersionProperty().set("2");
        vm.weightPercentProperty().set(10);
        vm.save(saved::add);
        assertThat(saved).hasSize(1);
        Alias live = workspace.alias("orders", "live");
        assertThat(live.functionVersion()).isEqualTo("1");
        assertThat(live.description()).isEqualTo("production");
        assertThat(live.weights()).containsExactly(Map.entry("2", 0.1));

        AliasEditorViewModel again = editor(null);
        again.nameProperty().set("live");
        again.save(saved::add);
        assertThat(saved).hasSize(1);
        assertThat(again.saveErrorProperty().get()).isEqualTo("ResourceConflictException: Alias already exists: "
                + "arn:aws:lambda:us-east-1:000000000000:function:orders:live");
    }

    @Test
    void editingStartsFromTheAliasAndNoneClearsItsRouting() {
        Alias live = workspace.createAlias("orders", "live", "1", "prod", Map.of("3", 0.25));
        AliasEditorViewModel vm = editor(live);
        assertThat(vm.creating()).isFalse();
        assertThat(vm.nameProperty().get()).isEqualTo("live");
        assertThat(vm.versionProperty().get()).isEqualTo("1");
        assertThat(vm.additionalVersionProperty().get()).isEqualTo("3");
        assertThat(vm.weightPercentProperty().get()).isEqualTo(25.0);
        assertThat(vm.splitProperty().get()).isEqualTo("75 % → 1, 25 % → 3");

        vm.versionProperty().set("2");
        vm.additionalVersionProperty().set(null);
        vm.save(saved::add);
        Alias updated = workspace.alias("orders", "live");
        assertThat(updated.functionVersion()).isEqualTo("2");
        assertThat(updated.weights()).isEmpty();
        assertThat(updated.description()).isEqualTo("prod");
    }

    @Test
    void anAliasChangedMeanwhileIsNotOverwritten() {
        Alias live = workspace.createAlias("orders", "live", "1", "", null);
        AliasEditorViewModel vm = editor(live);
        workspace.updateAlias("orders", "live", "3", null, null, null); // e.g. from the AWS CLI
        vm.versionProperty().set("2");
        vm.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(vm.saveErrorProperty().get()).startsWith("PreconditionFailedException: The Revision Id provided "
                + "does not match the latest Revision Id");
        assertThat(workspace.alias("orders", "live").functionVersion()).isEqualTo("3");
    }
}
