package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.invoke.InvocationResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class GeneralViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private ConfigurationViewModel open(String name) {
        return Functions.configuration(console, name);
    }

    @Test
    void showsTheSavedValuesWithLambdasDefaults() {
        GeneralViewModel vm = open("defaults").general();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.memoryProperty().get()).isEqualTo("128");
        assertThat(vm.ephemeralProperty().get()).isEqualTo("512");
        assertThat(vm.timeoutProperty().get()).isEqualTo("3");
        assertThat(vm.descriptionProperty().get()).isEmpty();
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void everyFieldIsCheckedAsItIsTypedWithTheEnginesRule() {
        GeneralViewModel vm = open("typed").general();
        vm.memoryProperty().set("64");
        assertThat(vm.memoryError().get()).isEqualTo("must be between 128 and 10240 MB");
        vm.memoryProperty().set("lots");
        assertThat(vm.memoryError().get()).isEqualTo("must be a whole number");
        vm.memoryProperty().set(" ");
        assertThat(vm.memoryError().get()).isEqualTo("is required");
        vm.memoryProperty().set("10240");
        assertThat(vm.memoryError().get()).isEmpty();
        vm.ephemeralProperty().set("511");
        assertThat(vm.ephemeralError().get()).isEqualTo("must be between 512 and 10240 MB");
        vm.timeoutProperty().set("901");
        assertThat(vm.timeoutError().get()).isEqualTo("must be between 1 and 900 seconds");
        vm.timeoutProperty().set("0");
        assertThat(vm.timeoutError().get()).isEqualTo("must be between 1 and 900 seconds");
        vm.descriptionProperty().set("x".repeat(257));
        assertThat(vm.descriptionError().get()).isEqualTo("must be at most 256 characters");
    }

    @Test
    void anInvalidFormIsNotSavedAndSaysWhatToFix() {
        ConfigurationViewModel config = open("refused");
        GeneralViewModel vm = config.general();
        vm.memoryProperty().set("100000");
        vm.timeoutProperty().set("30");
        vm.save();
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("Not saved: Memory must be between 128 and 10240 MB");
        assertThat(console.services.workspace().read("refused").memorySize()).isNull();
        assertThat(vm.memoryProperty().get()).as("what the user typed is kept").isEqualTo("100000");
        assertThat(vm.dirtyProperty().get()).isTrue();
    }

    @Test
    void editsAreTrackedAndCancelShowsTheSavedValues() {
        GeneralViewModel vm = open("cancelled").general();
        vm.memoryProperty().set("256");
        assertThat(vm.dirtyProperty().get()).isTrue();
        vm.memoryProperty().set("128");
        assertThat(vm.dirtyProperty().get()).as("typed back to the saved value").isFalse();
        vm.timeoutProperty().set("99");
        vm.cancel();
        assertThat(vm.timeoutProperty().get()).isEqualTo("3");
        assertThat(vm.dirtyProperty().get()).isFalse();
    }

    @Test
    void savingWritesFunctionJsonAndTheNextInvocationRunsColdWithTheNewMemory() throws Exception {
        ConfigurationViewModel config = open("resized");
        GeneralViewModel vm = config.general();
        assertThat(Functions.invoke(console, "resized").memorySizeMb()).isEqualTo(128);
        assertThat(Functions.invoke(console, "resized").coldStart()).as("warm before the change").isFalse();

        vm.memoryProperty().set("256");
        vm.timeoutProperty().set("10");
        vm.ephemeralProperty().set("1024");
        vm.descriptionProperty().set("Prints its environment");
        vm.save();

        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        assertThat(vm.dirtyProperty().get()).isFalse();
        assertThat(console.services.workspace().functionDir("resized").resolve("function.json")).content()
                .contains("\"MemorySize\" : 256", "\"Timeout\" : 10", "\"Size\" : 1024",
                        "\"Description\" : \"Prints its environment\"");
        InvocationResult after = Functions.invoke(console, "resized");
        assertThat(after.coldStart()).as("saving retired the warm environment").isTrue();
        assertThat(after.memorySizeMb()).isEqualTo(256);
        assertThat(after.payloadText()).contains("\"memory\": \"256\"");
    }

    @Test
    void aChangeThroughTheEndpointShowsUpUnlessTheFormIsBeingEdited() {
        ConfigurationViewModel config = open("remote");
        GeneralViewModel vm = config.general();
        assertThat(Functions.call(console, "PUT", "/2015-03-31/functions/remote/configuration",
                "{\"MemorySize\": 512, \"Timeout\": 20}")).startsWith("200 ");
        assertThat(vm.memoryProperty().get()).isEqualTo("512");
        assertThat(vm.timeoutProperty().get()).isEqualTo("20");

        vm.descriptionProperty().set("my edit");
        Functions.call(console, "PUT", "/2015-03-31/functions/remote/configuration", "{\"MemorySize\": 1024}");
        assertThat(vm.memoryProperty().get()).as("edits are never overwritten").isEqualTo("512");
        assertThat(vm.descriptionProperty().get()).isEqualTo("my edit");
        assertThat(vm.changedElsewhereProperty().get()).isTrue();
        vm.cancel();
        assertThat(vm.memoryProperty().get()).isEqualTo("1024");
        assertThat(vm.changedElsewhereProperty().get()).isFalse();
        config.close();
    }

    @Test
    void anotherSectionsSaveIsNotTakenForAChangeElsewhere() {
        ConfigurationViewModel config = open("neighbours");
        config.general().timeoutProperty().set("15");
        config.tags().add().keyProperty().set("team");
        config.tags().save();
        assertThat(config.tags().messageProperty().get()).isEqualTo("Saved");
        assertThat(config.general().changedElsewhereProperty().get()).isFalse();
        assertThat(config.general().timeoutProperty().get()).isEqualTo("15");
        config.general().save();
        assertThat(console.services.workspace().read("neighbours").tags()).containsEntry("team", "");
        assertThat(console.services.workspace().read("neighbours").timeout()).isEqualTo(15);
    }

    @Test
    void aDeletedFunctionIsNoticedAndCannotBeSaved() {
        ConfigurationViewModel config = open("doomed");
        config.general().memoryProperty().set("256");
        console.services.workspace().delete("doomed");
        assertThat(config.noticeProperty().get()).contains("doomed was deleted");
        config.general().save();
        assertThat(config.general().messageProperty().get())
                .isEqualTo("Not saved: the function no longer exists in the workspace");
    }
}
