package dev.lambdaconsole.editor.gutter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import org.fxmisc.richtext.GenericStyledArea;

/**
 * The strip left of each line: the graphics of several factories (line numbers, problem markers,
 * ...) side by side, ordered by their {@code order}.
 */
public final class Gutter implements IntFunction<Node> {

    /** One column of the gutter. Returns {@code null} for a line with nothing to show. */
    public interface Column extends IntFunction<Node> {
        int order();
    }

    private final GenericStyledArea<?, ?, ?> area;
    private final List<Column> columns = new ArrayList<>();

    public Gutter(GenericStyledArea<?, ?, ?> area) {
        this.area = area;
        area.setParagraphGraphicFactory(this);
    }

    public void add(Column column) {
        columns.add(column);
        columns.sort(Comparator.comparingInt(Column::order));
        refresh();
    }

    public void remove(Column column) {
        columns.remove(column);
        refresh();
    }

    /** Rebuilds the graphics of the visible lines. */
    public void refresh() {
        area.setParagraphGraphicFactory(null);
        area.setParagraphGraphicFactory(this);
    }

    /** Rebuilds the graphic of one line if it is on screen. */
    public void refresh(int line) {
        if (line >= 0 && line < area.getParagraphs().size()) {
            area.recreateParagraphGraphic(line);
        }
    }

    @Override
    public Node apply(int line) {
        HBox box = new HBox();
        box.getStyleClass().add("gutter");
        for (Column column : columns) {
            Node node = column.apply(line);
            if (node != null) {
                box.getChildren().add(node);
            }
        }
        return box;
    }
}
