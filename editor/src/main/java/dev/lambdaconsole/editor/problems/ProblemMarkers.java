package dev.lambdaconsole.editor.problems;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.gutter.Gutter;
import dev.lambdaconsole.editor.highlight.LineDecorations;
import dev.lambdaconsole.editor.syntax.StyleRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import org.fxmisc.richtext.event.MouseOverTextEvent;
import org.fxmisc.richtext.model.TwoDimensional.Bias;

/**
 * Shows {@link Diagnostic}s: a marker in the gutter (tooltip: the messages) and an underline on
 * the text (tooltip when the mouse rests on it). Anyone may call {@link #setDiagnostics}.
 */
public final class ProblemMarkers implements EditorFeature {

    private final ObservableList<Diagnostic> diagnostics = FXCollections.observableArrayList();
    private final Tooltip textTooltip = new Tooltip();
    private Map<Integer, List<Diagnostic>> byLine = Map.of();
    private CodeEditor editor;
    private final Gutter.Column column = new Gutter.Column() {
        @Override
        public int order() {
            return 10;
        }

        @Override
        public Node apply(int line) {
            return marker(line);
        }
    };
    private final EventHandler<MouseOverTextEvent> hoverBegin = this::showTextTooltip;
    private final EventHandler<MouseOverTextEvent> hoverEnd = e -> textTooltip.hide();

    @Override
    public void install(CodeEditor editor) {
        this.editor = editor;
        editor.gutter().add(column);
        editor.area().setMouseOverTextDelay(Duration.ofMillis(400));
        editor.area().addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        editor.area().addEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.gutter().remove(column);
        editor.area().removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_BEGIN, hoverBegin);
        editor.area().removeEventHandler(MouseOverTextEvent.MOUSE_OVER_TEXT_END, hoverEnd);
        this.editor = null;
    }

    /** Replaces the shown diagnostics. FX thread. */
    public void setDiagnostics(List<Diagnostic> list) {
        List<Integer> touched = new ArrayList<>(byLine.keySet());
        Map<Integer, List<Diagnostic>> grouped = list.stream()
                .sorted(Comparator.comparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column))
                .collect(Collectors.groupingBy(d -> d.line() - 1, TreeMap::new, Collectors.toList()));
        touched.addAll(grouped.keySet());
        byLine = grouped;
        diagnostics.setAll(list);
        if (editor != null && !touched.isEmpty()) {
            editor.gutter().refresh();
            int from = touched.stream().mapToInt(Integer::intValue).min().orElse(0);
            int to = touched.stream().mapToInt(Integer::intValue).max().orElse(0);
            editor.highlighting().rehighlightLines(from, to);
        }
    }

    public ObservableList<Diagnostic> getDiagnostics() {
        return FXCollections.unmodifiableObservableList(diagnostics);
    }

    /** The underlines of the current diagnostics, as an immutable snapshot for the highlighter. */
    public LineDecorations decorations() {
        Map<Integer, List<Diagnostic>> snapshot = byLine;
        return (line, text) -> {
            List<Diagnostic> onLine = snapshot.get(line);
            if (onLine == null) {
                return List.of();
            }
            List<StyleRun> runs = new ArrayList<>();
            for (Diagnostic d : onLine) {
                underline(d, text).ifPresent(runs::add);
            }
            return runs;
        };
    }

    /** The columns to underline: from the column for {@code length} characters, or to the end of the word. */
    static Optional<StyleRun> underline(Diagnostic d, String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int start = Math.min(d.column() - 1, text.length() - 1);
        int end = start;
        if (d.length() > 0) {
            end = Math.min(text.length(), start + d.length());
        } else {
            while (end < text.length() && Character.isJavaIdentifierPart(text.charAt(end))) {
                end++;
            }
        }
        return Optional.of(new StyleRun(start, Math.max(end, start + 1), d.severity().styleClass()));
    }

    private Node marker(int line) {
        List<Diagnostic> onLine = byLine.get(line);
        if (onLine == null) {
            return null;
        }
        Severity worst = onLine.stream().map(Diagnostic::severity).min(Comparator.naturalOrder()).orElseThrow();
        Label label = new Label(worst == Severity.ERROR ? "\u2716" : worst == Severity.WARNING ? "\u26A0" : "\u2139");
        label.getStyleClass().addAll("problem-marker", worst.styleClass());
        label.setTooltip(new Tooltip(onLine.stream().map(Diagnostic::message).collect(Collectors.joining("\n"))));
        return label;
    }

    private void showTextTooltip(MouseOverTextEvent event) {
        var position = editor.area().offsetToPosition(event.getCharacterIndex(), Bias.Forward);
        List<Diagnostic> onLine = byLine.get(position.getMajor());
        if (onLine == null) {
            return;
        }
        String text = editor.area().lineText(position.getMajor());
        List<String> messages = onLine.stream()
                .filter(d -> underline(d, text).map(r -> position.getMinor() >= r.start() && position.getMinor() < r.end()).orElse(false))
                .map(Diagnostic::message)
                .toList();
        if (!messages.isEmpty()) {
            textTooltip.setText(String.join("\n", messages));
            textTooltip.show(editor.area(), event.getScreenPosition().getX(), event.getScreenPosition().getY() + 12);
        }
    }
}
