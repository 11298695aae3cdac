package dev.lambdaconsole.app.triggers.add;

import dev.lambdaconsole.app.config.Forms;
import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import java.util.function.Function;

/** The controls the trigger forms are built from, bound to their ViewModels. */
final class FormNodes {
    private FormNodes() { }

    /** The form's body: rows one under the other. */
    static VBox body(Node... rows) {
        VBox box = new VBox(12, rows);
        box.setPadding(new Insets(4, 0, 4, 0));
        return box;
    }

    /** A text field bound both ways to {@code value}. */
    static TextField text(String id, int columns, Property<String> value) {
        TextField field = Forms.text(id, columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A drop-down of fixed values bound both ways to {@code value}, shown by {@code label}. */
    static <T> ComboBox<T> choice(String id, List<T> values, Property<T> value, Function<T, String> label) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(converter(label));
        box.valueProperty().bindBidirectional(value);
        return box;
    }

    /** Keeps a drop-down's items those of {@code items}. */
    static <T> void items(ComboBox<T> box, ObservableValue<List<T>> items) {
        box.getItems().setAll(items.getValue());
        items.addListener((o, was, now) -> {
            T kept = box.getValue();
            box.getItems().setAll(now);
            if (kept != null && now.contains(kept)) box.setValue(kept);
        });
    }

    /** Shows (and lays out) {@code node} only while {@code shown}. */
    static <N extends Node> N showWhen(N node, ObservableValue<Boolean> shown) {
        node.visibleProperty().bind(shown);
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    static <T> StringConverter<T> converter(Function<T, String> label) {
        return new StringConverter<>() {
            @Override public String toString(T value) { return value == null ? "" : label.apply(value); }
            @Override public T fromString(String s) { return null; }
        };
    }

    /** A field with its label, hint and error, as the console's forms show them. */
    static VBox field(String label, Node input, ObservableValue<String> error, String errorId, String hint) {
        return Forms.field(label, input, error, errorId, hint);
    }

}
