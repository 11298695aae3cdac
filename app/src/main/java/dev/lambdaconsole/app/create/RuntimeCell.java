package dev.lambdaconsole.app.create;

import atlantafx.base.theme.Styles;
import dev.lambdaconsole.runtime.model.LambdaRuntime;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.VBox;

import java.util.List;

/** A runtime in the list, with its group ("Latest supported", "Other supported") above the first of each. */
final class RuntimeCell extends ListCell<LambdaRuntime> {
    private final boolean inList;

    RuntimeCell(boolean inList) {
        this.inList = inList;
    }

    @Override
    protected void updateItem(LambdaRuntime runtime, boolean empty) {
        super.updateItem(runtime, empty);
        setGraphic(null);
        if (empty || runtime == null) {
            setText(null);
            return;
        }
        String note = RuntimeChoices.note(runtime);
        String name = RuntimeChoices.displayName(runtime) + (inList && !note.isEmpty() ? " — " + note : "");
        List<LambdaRuntime> items = getListView() == null ? List.of() : getListView().getItems();
        int index = getIndex();
        String group = RuntimeChoices.group(runtime, items);
        boolean firstOfGroup = inList && index >= 0 && index < items.size()
                && (index == 0 || !RuntimeChoices.group(items.get(index - 1), items).equals(group));
        if (!firstOfGroup) {
            setText(name);
            return;
        }
        Label header = new Label(group);
        header.getStyleClass().addAll(Styles.TEXT_SMALL, Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        setText(null);
        setGraphic(new VBox(4, header, new Label(name)));
    }
}
