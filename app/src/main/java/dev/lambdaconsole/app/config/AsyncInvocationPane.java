package dev.lambdaconsole.app.config;

import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The Asynchronous invocation form: retries, maximum event age, destinations. */
final class AsyncInvocationPane {
    private AsyncInvocationPane() { }

    static VBox build(AsyncInvocationViewModel vm) {
        ChoiceBox<Integer> retries = new ChoiceBox<>(vm.retryChoices());
        retries.setId("retryAttemptsChoice");
        retries.valueProperty().bindBidirectional(vm.retriesProperty());
        TextField age = Forms.text("maxEventAgeField", 8);
        age.textProperty().bindBidirectional(vm.maxAgeProperty());
        Label ageHint = new Label();
        ageHint.setId("maxEventAgeHint");
        ageHint.textProperty().bind(vm.maxAgeHint());
        HBox ageRow = new HBox(8, age, new Label("seconds"), ageHint);
        ageRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return Forms.section(vm, "saveAsyncButton",
                Forms.field("Retry attempts", retries, null, null,
                        "How many times a failed asynchronous invocation is tried again (0 to 2)."),
                Forms.field("Maximum age of event", ageRow, vm.maxAgeError(), "maxEventAgeError",
                        "How long an event may wait to be processed: 60 seconds to 6 hours (21,600 seconds)."),
                Forms.field("On success", destination(vm, "onSuccessChoice", vm.onSuccessProperty()), null, null,
                        "Receives a record of each successful asynchronous invocation."),
                Forms.field("On failure", destination(vm, "onFailureChoice", vm.onFailureProperty()), null, null,
                        "Receives a record of each event that failed every attempt or grew too old."));
    }

    private static ChoiceBox<String> destination(AsyncInvocationViewModel vm, String id,
                                                 javafx.beans.property.StringProperty value) {
        ChoiceBox<String> box = new ChoiceBox<>(vm.destinations());
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override public String toString(String arn) { return AsyncInvocationViewModel.label(arn); }
            @Override public String fromString(String text) { return text; }
        });
        box.valueProperty().bindBidirectional(value);
        return box;
    }
}
