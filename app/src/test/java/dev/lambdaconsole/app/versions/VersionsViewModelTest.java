package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.CodeSource;
import dev.lambdaconsole.runtime.workspace.Workspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.util.Map;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The Versions tab's view model on a real workspace, without the toolkit. */
class VersionsViewModelTest {
    @TempDir Path dir;
    Workspace workspace;
    VersionsViewModel vm;

    @BeforeEach
    void create() {
        workspace = new Workspace(dir);
        workspace.create(FunctionConfig.builder("orders").runtime("python3.12").handler("app.handler")
                .description("the order service").build(), CodeSource.files(Map.of("app.py", "def handler(e, c):\n    return 1\n")));
        vm = new VersionsViewModel("orders", workspace, TaskRunner.synchronous(), n -> "arn:aws:lambda:us-east-1:000000000000:function:" + n);
    }

    @AfterEach
    void close() { vm.close(); }

    @Test
    void listsLatestAloneBeforeAnythingIsPublished() {
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST");
        VersionRow latest = vm.versions().get(0);
        assertThat(latest.description()).isEqualTo("the order service");
        assertThat(latest.codeSha256()).hasSize(13).endsWith("…");
        assertThat(latest.fullCodeSha256()).startsWith(latest.codeSha256().substring(0, 12)).hasSize(44);
        assertThat(latest.codeSize()).matches("\\d+ bytes");
        assertThat(latest.lastModified()).matches("\\d{4}-\\d\\d-\\d\\dT.*");
    }

    @Test
    void publishingAddsTheVersionWithItsDescriptionAndAnUnchangedFunctionPublishesNone() {
        vm.publish("first cut");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1");
        assertThat(vm.versions().get(1).description()).isEqualTo("first cut");
        assertThat(vm.versions().get(1).fullCodeSha256()).isEqualTo(vm.versions().get(0).fullCodeSha256());
        assertThat(vm.messageProperty().get()).startsWith("Published version 1 (CodeSha256 ");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();

        vm.publish("again");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1");
        assertThat(vm.messageProperty().get()).startsWith("Nothing changed since version 1 was published");

        workspace.updateConfiguration("orders", b -> b.memorySize(512));
        vm.publish("");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1", "2");
        assertThat(vm.versions().get(2).description()).as("a blank description keeps the function's")
                .isEqualTo("the order service");
    }

    @Test
    void aVersionAnAliasUsesIsNotDeletedAndTheRefusalIsShownInLambdasWords() {
        vm.publish("one");
        workspace.updateConfiguration("orders", b -> b.timeout(9));
        vm.publish("two");
        workspace.createAlias("orders", "live", "1", "", Map.of("2", 0.25));
        VersionRow two = vm.versions().get(2);

        vm.delete(two);
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Version 2 was not deleted. ResourceConflictException: "
                + "Unable to delete version because the following aliases reference it: [live]");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1", "2");

        workspace.updateAlias("orders", "live", "1", null, Map.of(), null);
        vm.delete(two);
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Deleted version 2.");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1");
    }

    @Test
    void latestCannotBeDeleted() {
        vm.delete(vm.versions().get(0));
        assertThat(vm.messageIsErrorProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).contains("$LATEST cannot be deleted");
        assertThat(vm.versions()).hasSize(1);
    }

    @Test
    void followsVersionsPublishedAndDeletedElsewhereAsTheEndpointDoesForTheCli() {
        workspace.publishVersion("orders", "from the CLI", null, null);
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST", "1");
        assertThat(vm.versions().get(1).description()).isEqualTo("from the CLI");
        workspace.deleteVersion("orders", "1");
        assertThat(vm.versions()).extracting(VersionRow::name).containsExactly("$LATEST");
        workspace.updateConfiguration("orders", b -> b.description("renamed"));
        assertThat(vm.versions().get(0).description()).isEqualTo("renamed");
    }

    @Test
    void theDeleteQuestionNamesTheVersion() {
        vm.publish("one");
        assertThat(VersionsViewModel.deleteQuestion(vm.versions().get(1))).startsWith("Delete version 1 of the function?");
    }
}
