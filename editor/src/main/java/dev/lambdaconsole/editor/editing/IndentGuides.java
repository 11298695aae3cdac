package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.CodeEditor;
import dev.lambdaconsole.editor.EditorFeature;
import dev.lambdaconsole.editor.highlight.LineDecorations;
import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Optional guides: the first column of every indentation level is tinted ({@code indent-guide}). */
public final class IndentGuides implements EditorFeature {

    private Supplier<LineDecorations> source;

    @Override
    public void install(CodeEditor editor) {
        source = () -> guides(editor.syntax().indentWidth());
        editor.highlighting().addDecorations(source);
    }

    @Override
    public void uninstall(CodeEditor editor) {
        editor.highlighting().removeDecorations(source);
    }

    static LineDecorations guides(int width) {
        return (line, text) -> runs(text, width);
    }

    /** One-character runs at columns 0, width, 2*width... inside the line's leading spaces. */
    public static List<StyleRun> runs(String text, int width) {
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        if (indent == text.length()) {
            return List.of();
        }
        List<StyleRun> runs = new ArrayList<>();
        for (int column = 0; column < indent; column += width) {
            runs.add(new StyleRun(column, column + 1, "indent-guide"));
        }
        return runs;
    }
}
