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

class EnvironmentViewModelTest {
    @TempDir static Path workspace;
    static TestConsole console;

    @BeforeAll
    static void start() { console = new TestConsole(workspace, "process", TaskRunner.synchronous()); }

    @AfterAll
    static void stop() { console.close(); }

    private EnvironmentViewModel open(String name) {
        return Functions.configuration(console, name).environment();
    }

    private static KeyValueRow add(EnvironmentViewModel vm, String key, String value) {
        return Functions.row(vm, key, value);
    }

    @Test
    void namesAreCheckedForFormatReservedNamesAndDuplicates() {
        EnvironmentViewModel vm = open("names");
        KeyValueRow dash = add(vm, "MY-VAR", "1");
        assertThat(dash.errorProperty().get())
                .isEqualTo("name must start with a letter and hold only letters, digits and underscores");
        KeyValueRow digit = add(vm, "1ST", "1");
        assertThat(digit.errorProperty().get()).startsWith("name must start with a letter");
        KeyValueRow reserved = add(vm, "AWS_REGION", "eu-west-1");
        assertThat(reserved.errorProperty().get()).isEqualTo("is reserved by Lambda; choose another name");
        KeyValueRow first = add(vm, "STAGE", "dev");
        KeyValueRow twice = add(vm, "STAGE", "prod");
        assertThat(first.errorProperty().get()).isEmpty();
        assertThat(twice.errorProperty().get()).isEqualTo("appears twice; each name must be unique");
        KeyValueRow nameless = add(vm, "", "value");
        assertThat(nameless.errorProperty().get()).isEqualTo("needs a name");
        KeyValueRow blank = add(vm, "", "");
        assertThat(blank.errorProperty().get()).isEqualTo("empty row: fill it in or remove it");
        assertThat(vm.tableError().get())
                .isEqualTo("Variable MY-VAR: name must start with a letter and hold only letters, digits and underscores");

        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved: Variable MY-VAR: ")
                .contains("Variable AWS_REGION: is reserved by Lambda", "Variable STAGE: appears twice",
                        "Variable in row 6: needs a name");
        assertThat(console.services.workspace().read("names").variables()).isEmpty();

        for (KeyValueRow r : new java.util.ArrayList<>(vm.rows())) {
            if (r != first) vm.remove(r);
        }
        assertThat(vm.tableError().get()).isEmpty();
        vm.save();
        assertThat(console.services.workspace().read("names").variables()).containsExactly(java.util.Map.entry("STAGE", "dev"));
    }

    @Test
    void theSpaceUsedIsShownAsTypedAndOverFourKilobytesIsRefused() {
        EnvironmentViewModel vm = open("sizes");
        assertThat(vm.sizeProperty().get()).isEqualTo("0.0 KB of 4 KB");
        KeyValueRow big = add(vm, "PAYLOAD", "x".repeat(1200));
        assertThat(vm.sizeProperty().get()).as("7 + 1200 bytes").isEqualTo("1.2 KB of 4 KB");
        big.valueProperty().set("x".repeat(1222));
        assertThat(vm.sizeProperty().get()).as("7 + 1222 bytes, rounded up").isEqualTo("1.3 KB of 4 KB");
        assertThat(vm.overLimitProperty().get()).isFalse();
        big.valueProperty().set("é".repeat(2045)); // two bytes each in UTF-8: 7 + 4090 bytes
        assertThat(vm.sizeProperty().get()).isEqualTo("4.1 KB of 4 KB");
        assertThat(vm.overLimitProperty().get()).isTrue();
        assertThat(vm.tableError().get()).isEqualTo("Too large: 4.1 KB (4097 bytes). Names and values together must "
                + "not exceed 4 KB (4096 bytes); shorten or remove variables");
        vm.save();
        assertThat(vm.messageProperty().get()).startsWith("Not saved: Too large: 4.1 KB (4097 bytes)");
        big.valueProperty().set("é".repeat(2044) + "x");
        assertThat(vm.sizeProperty().get()).as("exactly 4096 bytes").isEqualTo("4.0 KB of 4 KB");
        assertThat(vm.overLimitProperty().get()).isFalse();
        assertThat(vm.tableError().get()).isEmpty();
    }

    @Test
    void savedAsAWholeAndTheNextInvocationSeesTheVariables() {
        EnvironmentViewModel vm = open("greeter");
        assertThat(Functions.invoke(console, "greeter").payloadText()).contains("\"greeting\": null");
        add(vm, "GREETING", "hello from the console");
        add(vm, "STAGE", "dev");
        vm.save();
        assertThat(vm.messageProperty().get()).isEqualTo("Saved");
        assertThat(console.services.workspace().functionDir("greeter").resolve("function.json")).content()
                .contains("\"GREETING\" : \"hello from the console\"", "\"STAGE\" : \"dev\"");
        InvocationResult result = Functions.invoke(console, "greeter");
        assertThat(result.payloadText()).contains("\"greeting\": \"hello from the console\"");
        assertThat(String.join("\n", result.logLines())).contains("\"STAGE\": \"dev\"");

        vm.rows().get(0).valueProperty().set("changed in place");
        vm.remove(vm.rows().get(1));
        vm.save();
        assertThat(console.services.workspace().read("greeter").variables())
                .containsExactly(java.util.Map.entry("GREETING", "changed in place"));
        vm.remove(vm.rows().get(0));
        vm.save();
        assertThat(console.services.workspace().read("greeter").environment()).as("no variables: no Environment").isNull();
        assertThat(Functions.invoke(console, "greeter").payloadText()).contains("\"greeting\": null");
    }
}
