package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.gateway.AwsServiceException;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import org.junit.jupiter.api.Test;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

class AddTriggerViewModelTest {
    /** A form whose validity and outcome the test sets. */
    static final class FakeForm implements TriggerForm {
        final String id;
        final SimpleBooleanProperty valid = new SimpleBooleanProperty(false);
        Callable<String> outcome = () -> "added";
        int closed;

        FakeForm(String id) { this.id = id; }

        @Override public String id() { return id; }
        @Override public String title() { return id.toUpperCase(); }
        @Override public Ikon icon() { return Feather.BOX; }
        @Override public Node node() { return null; }
        @Override public ObservableBooleanValue validProperty() { return valid; }
        @Override public TaskRunner.Task<String> add() { return TaskRunner.synchronous().run(outcome); }
        @Override public void close() { closed++; }
    }

    final FakeForm sqs = new FakeForm("sqs");
    final FakeForm sns = new FakeForm("sns");
    final AddTriggerViewModel vm = new AddTriggerViewModel("greeter", List.of(sns, sqs));

    @Test
    void theSearchNarrowsTheSourcesAndAddFollowsThePickedFormsValidity() {
        vm.searchProperty().set("sq");
        assertThat(vm.forms()).containsExactly(sqs);
        vm.searchProperty().set("");
        assertThat(vm.forms()).containsExactly(sns, sqs);
        assertThat(vm.canAddProperty().get()).isFalse();
        assertThat(vm.select("sqs")).isTrue();
        assertThat(vm.canAddProperty().get()).isFalse();
        sqs.valid.set(true);
        assertThat(vm.canAddProperty().get()).isTrue();
        vm.select("sns");
        assertThat(vm.canAddProperty().get()).isFalse();
        sqs.valid.set(false);
        sns.valid.set(true);
        assertThat(vm.canAddProperty().get()).isTrue();
        assertThat(vm.select("kafka")).isFalse();
    }

    @Test
    void aFailureShowsTheServicesMessageAndKeepsTheDialogOpenThenSuccessFinishes() {
        sqs.valid.set(true);
        vm.select("sqs");
        sqs.outcome = () -> { throw new AwsServiceException(409, "ResourceConflictException", "An event source mapping exists"); };
        vm.add();
        assertThat(vm.errorProperty().get()).isEqualTo("An event source mapping exists");
        assertThat(vm.doneProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
        sqs.outcome = () -> "SQS queue orders → greeter";
        vm.add();
        assertThat(vm.errorProperty().get()).isNull();
        assertThat(vm.doneProperty().get()).isTrue();
        assertThat(vm.resultProperty().get()).isEqualTo("SQS queue orders → greeter");
        vm.close();
        assertThat(List.of(sqs.closed, sns.closed)).containsExactly(1, 1);
    }

    @Test
    void addDoesNothingWhileTheFormIsInvalid() {
        List<String> ran = new ArrayList<>();
        sqs.outcome = () -> { ran.add("ran"); return "x"; };
        vm.select("sqs");
        vm.add();
        assertThat(ran).isEmpty();
        assertThat(vm.doneProperty().get()).isFalse();
    }
}
