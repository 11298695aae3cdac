package dev.lambdaconsole.app.config;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

/** The Concurrency form: reserved and provisioned concurrency. */
final class ConcurrencyPane {
    private ConcurrencyPane() { }

    static VBox build(ConcurrencyViewModel vm) {
        TextField reserved = Forms.text("reservedConcurrencyField", 8);
        reserved.setPromptText("None");
        reserved.textProperty().bindBidirectional(vm.reservedProperty());
        TextField provisioned = Forms.text("provisionedConcurrencyField", 8);
        provisioned.setPromptText("None");
        provisioned.textProperty().bindBidirectional(vm.provisionedProperty());
        Label unreserved = new Label();
        unreserved.setId("unreservedConcurrencyLabel");
        unreserved.textProperty().bind(vm.unreservedProperty());
        Label hint = Forms.error(vm.reservedHint(), "reservedConcurrencyHint");
        hint.getStyleClass().setAll("label", Styles.WARNING);
        VBox reservedField = Forms.field("Reserved concurrency", reserved, vm.reservedError(),
                "reservedConcurrencyError", "The most environments this function may use at once, set aside from the "
                        + "engine's limit of " + vm.limit() + ". Leave empty to share the unreserved pool.");
        reservedField.getChildren().addAll(hint, unreserved);
        return Forms.section(vm, "saveConcurrencyButton", reservedField,
                Forms.field("Provisioned concurrency", provisioned, vm.provisionedError(),
                        "provisionedConcurrencyError", "Environments started ahead and kept warm: their invocations "
                                + "have no Init Duration. Empty or 0: none."));
    }
}
