package dev.lambdaconsole.app.config;

import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The Tags form. */
final class TagsPane {
    private TagsPane() { }

    static VBox build(TagsViewModel vm) {
        TableView<KeyValueRow> table = KeyValueTable.build(vm, "tagsTable", "tag", "Key", "Value");
        Button add = new Button("Add tag", new FontIcon(Feather.PLUS));
        add.setId("tagsAddButton");
        add.setOnAction(e -> KeyValueTable.focusKey(table, vm.add()));
        return Forms.section(vm, "saveTagsButton",
                Forms.muted("Labels for organising functions (aws lambda list-tags shows them). Keys up to "
                        + TagsViewModel.MAX_KEY + " characters, not starting with aws:; values up to "
                        + TagsViewModel.MAX_VALUE + "; at most " + TagsViewModel.MAX_TAGS + " tags."),
                table, add, Forms.error(vm.tableError(), "tagsError"));
    }
}
