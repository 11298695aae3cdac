package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.runtime.logs.api.SubscriptionFilters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class LogsFormViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    LogsFormViewModel vm;

    @BeforeEach
    void start() {
        console = FormConsole.start(workspace);
        FormConsole.function(console, "orders-api");
        vm = new LogsFormViewModel(console.runtime.logSubscriptions(), console.runtime.logs(), console.runtime.workspace(),
                console.runtime.engine().settings(), FormConsole.FUNCTION, console.tasks);
        vm.load();
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void theFunctionsOwnGroupIsRefusedAndThePatternIsParsedAsCloudWatchLogsDoes() {
        assertThat(vm.groups()).containsExactly("/aws/lambda/orders-api");
        vm.groupProperty().set("/aws/lambda/greeter");
        assertThat(vm.groupError().get()).startsWith("This is the function's own log group");
        vm.groupProperty().set("bad group!");
        assertThat(vm.groupError().get()).startsWith("Log group names can be 1 to 512 characters");
        vm.groupProperty().set("/aws/lambda/orders-api");
        assertThat(vm.groupError().get()).isNull();
        assertThat(vm.filterNameError().get()).isEqualTo("Enter a filter name.");
        vm.filterNameProperty().set("a:b");
        assertThat(vm.filterNameError().get()).isEqualTo("The filter name cannot contain ':' or '*'.");
        vm.filterNameProperty().set("errors");
        vm.filterPatternProperty().set("{ $.level = }");
        assertThat(vm.filterPatternError().get()).startsWith("Invalid filter pattern: ").contains("at column");
        vm.filterPatternProperty().set("{ $.level = \"ERROR\" }");
        assertThat(vm.filterPatternError().get()).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void addPutsTheSubscriptionFilter() {
        vm.groupProperty().set("/aws/lambda/orders-api");
        vm.filterNameProperty().set("errors");
        vm.filterPatternProperty().set("ERROR");
        assertThat(FormConsole.add(vm)).isEqualTo("CloudWatch Logs /aws/lambda/orders-api (errors) → greeter");
        SubscriptionFilters.Filter f = console.runtime.logSubscriptions().filters().get(0);
        assertThat(f.logGroupName()).isEqualTo("/aws/lambda/orders-api");
        assertThat(f.filterPattern()).isEqualTo("ERROR");
        assertThat(f.destinationArn()).isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:greeter");
    }
}
