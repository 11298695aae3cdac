package dev.lambdaconsole.editor.find;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorArea;
import java.util.Optional;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;

/** Ctrl+G: type {@code line} or {@code line:column}, Enter jumps there, Escape closes. */
public final class GoToLineBar extends HBox {

    private final CodeEditor editor;
    private final EditorArea area;
    final TextField field = new TextField();
    private final Label hint = new Label();

    public GoToLineBar(CodeEditor editor) {
        super(6);
        this.editor = editor;
        this.area = editor.area();
        getStyleClass().add("goto-bar");
        field.setId("goto-field");
        getChildren().addAll(new Label("Go to line:"), field, hint);
        field.textProperty().addListener((obs, old, now) -> field.getStyleClass().remove("error"));
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                go();
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                editor.hideBar(this);
                e.consume();
            }
        });
    }

    public void open() {
        hint.setText("1\u2013" + area.getParagraphs().size());
        field.setText(String.valueOf(area.getCurrentParagraph() + 1));
        editor.showBar(this);
        field.requestFocus();
        field.selectAll();
    }

    private void go() {
        Optional<LineTarget> target = LineTarget.parse(field.getText());
        if (target.isEmpty()) {
            if (!field.getStyleClass().contains("error")) {
                field.getStyleClass().add("error");
            }
            return;
        }
        int line = Math.min(target.get().line(), area.getParagraphs().size()) - 1;
        int column = Math.min(target.get().column() - 1, area.getParagraphLength(line));
        editor.hideBar(this);
        area.moveTo(line, column);
        area.showParagraphAtCenter(line);
        area.requestFollowCaret();
    }
}
