package dev.lambdaconsole.editor.gutter;

import javafx.scene.Node;
import javafx.scene.control.Label;
import org.fxmisc.richtext.GenericStyledArea;

/** Gutter column with 1-based line numbers, padded to the width of the largest one. */
public final class LineNumbers implements Gutter.Column {

    private final GenericStyledArea<?, ?, ?> area;
    private int digits = 1;

    public LineNumbers(GenericStyledArea<?, ?, ?> area, Gutter gutter) {
        this.area = area;
        area.getParagraphs().sizeProperty().addListener((obs, old, size) -> {
            int newDigits = digitsOf(size);
            if (newDigits != digits) {
                digits = newDigits;
                gutter.refresh();
            }
        });
        digits = digitsOf(area.getParagraphs().size());
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public Node apply(int line) {
        Label label = new Label(String.format("%" + Math.max(digits, 2) + "d", line + 1));
        label.getStyleClass().add("line-number");
        return label;
    }

    private static int digitsOf(int lines) {
        return String.valueOf(Math.max(lines, 1)).length();
    }
}
