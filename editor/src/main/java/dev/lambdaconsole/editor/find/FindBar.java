package dev.lambdaconsole.editor.find;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import dev.lambdaconsole.editor.concurrent.EditorThreads;
import dev.lambdaconsole.editor.find.Finder.Match;
import dev.lambdaconsole.editor.find.Finder.Replacement;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fxmisc.richtext.MultiChangeBuilder;
import org.reactfx.Subscription;

/**
 * The find/replace bar (Ctrl+F, Ctrl+H): case, whole-word and regex toggles, "3 of 12" status,
 * replace one and replace all. Searching runs off the FX thread and is redone as the text changes.
 */
public final class FindBar extends VBox {

    private final CodeEditor editor;
    private final EditorArea area;
    final TextField findField = new TextField();
    final TextField replaceField = new TextField();
    final ToggleButton caseToggle = toggle("Aa", "Match case", "find-case");
    final ToggleButton wordToggle = toggle("W", "Whole word", "find-word");
    final ToggleButton regexToggle = toggle(".*", "Regular expression", "find-regex");
    final Label status = new Label();
    private final HBox replaceRow;
    private List<Match> matches = List.of();
    private int current = -1;
    private long searchVersion;
    private int lastReplaced;
    private Subscription textWatch = Subscription.EMPTY;

    public FindBar(CodeEditor editor) {
        this.editor = editor;
        this.area = editor.area();
        getStyleClass().add("find-bar");
        findField.setId("find-field");
        replaceField.setId("replace-field");
        status.setId("find-status");
        findField.setPromptText("Find");
        replaceField.setPromptText("Replace");
        HBox.setHgrow(findField, Priority.ALWAYS);
        HBox.setHgrow(replaceField, Priority.ALWAYS);
        Button previous = button("\u2191", "Previous match (Shift+Enter)", "find-previous", this::previous);
        Button next = button("\u2193", "Next match (Enter)", "find-next", this::next);
        Button close = button("\u2715", "Close (Escape)", "find-close", this::close);
        HBox findRow = new HBox(4, findField, caseToggle, wordToggle, regexToggle, status, previous, next, close);
        replaceRow = new HBox(4, replaceField, button("Replace", "Replace this match", "replace-one", this::replaceOne),
                button("Replace all", "Replace every match", "replace-all", this::replaceAll));
        getChildren().addAll(findRow, replaceRow);
        findField.textProperty().addListener((obs, old, now) -> {
            lastReplaced = 0;
            search();
        });
        for (ToggleButton t : List.of(caseToggle, wordToggle, regexToggle)) {
            t.selectedProperty().addListener((obs, old, now) -> search());
        }
        findField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    previous();
                } else {
                    next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
        replaceField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                replaceOne();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                close();
                e.consume();
            }
        });
    }

    public void open(boolean withReplace) {
        replaceRow.setVisible(withReplace);
        replaceRow.setManaged(withReplace);
        String selected = area.getSelectedText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            findField.setText(selected);
        }
        editor.showBar(this);
        textWatch.unsubscribe();
        textWatch = area.multiPlainChanges().successionEnds(Duration.ofMillis(200)).subscribe(c -> search());
        findField.requestFocus();
        findField.selectAll();
        search();
    }

    public void close() {
        textWatch.unsubscribe();
        searchVersion++;
        editor.hideBar(this);
    }

    public FindQuery query() {
        return new FindQuery(findField.getText(), caseToggle.isSelected(), wordToggle.isSelected(), regexToggle.isSelected());
    }

    public String statusText() {
        return status.getText();
    }

    void search() {
        FindQuery query = query();
        long version = ++searchVersion;
        Optional<String> error = Finder.error(query);
        if (query.isEmpty() || error.isPresent()) {
            matches = List.of();
            current = -1;
            status.setText(error.map(e -> "Invalid regex").orElse(""));
            return;
        }
        String text = area.getText();
        EditorThreads.checker().execute(() -> {
            List<Match> found = Finder.findAll(text, query);
            Platform.runLater(() -> {
                if (version == searchVersion) {
                    matches = found;
                    current = Finder.nextIndex(found, area.getSelection().getStart());
                    showCurrent();
                }
            });
        });
    }

    public void next() {
        move(Finder.nextIndex(matches, area.getSelection().getLength() > 0 && isCurrentSelected()
                ? area.getSelection().getStart() + 1 : area.getCaretPosition()));
    }

    public void previous() {
        move(Finder.previousIndex(matches, area.getSelection().getStart()));
    }

    private void move(int index) {
        current = index;
        showCurrent();
    }

    private void showCurrent() {
        boolean justReplacedAll = lastReplaced > 0 && matches.isEmpty();
        status.setText(justReplacedAll ? "Replaced " + lastReplaced : Finder.status(current, matches.size()));
        if (current >= 0) {
            Match match = matches.get(current);
            area.selectRange(match.start(), match.end());
            area.requestFollowCaret();
        }
    }

    private boolean isCurrentSelected() {
        return current >= 0 && current < matches.size()
                && area.getSelection().getStart() == matches.get(current).start()
                && area.getSelection().getEnd() == matches.get(current).end();
    }

    public void replaceOne() {
        if (!isCurrentSelected()) {
            next();
            return;
        }
        Match match = matches.get(current);
        Finder.replacements(area.getText(), query(), replaceField.getText()).stream()
                .filter(r -> r.start() == match.start())
                .findFirst()
                .ifPresent(r -> {
                    area.replaceText(r.start(), r.end(), r.text());
                    int after = r.start() + r.text().length();
                    matches = Finder.findAll(area.getText(), query());
                    current = Finder.nextIndex(matches, after);
                    showCurrent();
                });
    }

    public void replaceAll() {
        List<Replacement> all = Finder.replacements(area.getText(), query(), replaceField.getText());
        if (all.isEmpty()) {
            return;
        }
        MultiChangeBuilder<Collection<String>, String, Collection<String>> change = area.createMultiChange(all.size());
        for (int i = all.size() - 1; i >= 0; i--) {
            change.replaceText(all.get(i).start(), all.get(i).end(), all.get(i).text());
        }
        change.commit();
        matches = Finder.findAll(area.getText(), query());
        current = -1;
        lastReplaced = all.size();
        showCurrent();
    }

    private static ToggleButton toggle(String text, String tip, String id) {
        ToggleButton toggle = new ToggleButton(text);
        toggle.setId(id);
        toggle.setTooltip(new Tooltip(tip));
        toggle.setFocusTraversable(false);
        return toggle;
    }

    private static Button button(String text, String tip, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        button.setFocusTraversable(false);
        button.setOnAction(e -> action.run());
        return button;
    }
}
