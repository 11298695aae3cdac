package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.shell.TestConsole;
import dev.lambdaconsole.simulators.patterns.SnsFilterPolicy;
import dev.lambdaconsole.simulators.sns.SnsService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SnsFormViewModelTest {
    @TempDir Path workspace;
    TestConsole console;
    SnsFormViewModel vm;

    @BeforeEach
    void start() {
        console = FormConsole.start(workspace);
        vm = new SnsFormViewModel(console.simulators, console.runtime.engine().settings(), FormConsole.FUNCTION, console.tasks);
    }

    @AfterEach
    void stop() { console.close(); }

    @Test
    void topicNameAndFilterPolicyRulesAreSnsRules() {
        assertThat(vm.topicError().get()).isEqualTo("Choose a topic or enter the name of a new one.");
        vm.topicProperty().set("my topic");
        assertThat(vm.topicError().get()).startsWith("Topic names must be made up of only");
        vm.topicProperty().set("orders");
        assertThat(vm.validProperty().get()).isTrue();
        vm.filterPolicyProperty().set("{\"kind\": \"paid\"}");
        assertThat(vm.filterPolicyError().get()).startsWith("Invalid parameter: FilterPolicy:");
        vm.filterPolicyProperty().set("{\"order\": {\"kind\": [\"paid\"]}}");
        assertThat(vm.filterPolicyError().get())
                .isEqualTo("Invalid parameter: Filter policy scope MessageAttributes does not support nested filter policy");
        vm.scopeProperty().set(SnsFilterPolicy.Scope.MESSAGE_BODY);
        assertThat(vm.filterPolicyError().get()).isNull();
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void addCreatesTheTopicAndSubscribesTheFunctionWithThePolicy() {
        vm.topicProperty().set("orders");
        vm.filterPolicyProperty().set("{\"kind\": [\"paid\"]}");
        assertThat(FormConsole.add(vm)).startsWith("SNS topic orders (new) → greeter: arn:aws:sns:us-east-1:000000000000:orders:");
        SnsService sns = console.simulators.sns().orElseThrow();
        String topic = "arn:aws:sns:us-east-1:000000000000:orders";
        String sub = sns.subscriptionArns(topic).get(0);
        assertThat(sns.subscriptionAttributes(sub)).containsEntry("Protocol", "lambda")
                .containsEntry("Endpoint", "arn:aws:lambda:us-east-1:000000000000:function:greeter")
                .containsEntry("FilterPolicy", "{\"kind\": [\"paid\"]}")
                .containsEntry("FilterPolicyScope", "MessageAttributes");
        vm.load();
        assertThat(vm.topics()).containsExactly("orders");
    }
}
