package dev.lambdaconsole.app.test;

import atlantafx.base.theme.Styles;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * A combo box's button cell that shows the prompt again whenever the value goes back to null (the stock cell
 * stays blank once a value has been chosen and cleared).
 */
final class PromptButtonCell<T> extends ListCell<T> {
    private final ComboBox<T> owner;

    private PromptButtonCell(ComboBox<T> owner) {
        this.owner = owner;
    }

    static <T> void install(ComboBox<T> combo) {
        combo.setButtonCell(new PromptButtonCell<>(combo));
    }

    @Override
    protected void updateItem(T item, boolean empty) {
        super.updateItem(item, empty);
        boolean prompt = empty || item == null;
        setText(prompt ? owner.getPromptText() : item.toString());
        if (prompt) {
            if (!getStyleClass().contains(Styles.TEXT_MUTED)) getStyleClass().add(Styles.TEXT_MUTED);
        } else {
            getStyleClass().remove(Styles.TEXT_MUTED);
        }
    }
}
