package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.editing.LineBlock.LineChange;
import dev.lambdaconsole.editor.syntax.SyntaxDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Indentation rules as pure functions: what Enter inserts, Tab/Shift+Tab on lines, closing brackets. */
public final class Indentation {

    /** Text to insert for Enter, and where the caret goes inside it. */
    public record NewLine(String text, int caretOffset) {
    }

    private final SyntaxDefinition syntax;
    private final Pattern indentAfter;

    public Indentation(SyntaxDefinition syntax) {
        this.syntax = syntax;
        this.indentAfter = syntax.indentAfter() == null ? null : Pattern.compile(syntax.indentAfter());
    }

    public String unit() {
        return " ".repeat(syntax.indentWidth());
    }

    public static String leadingWhitespace(String line) {
        int i = 0;
        while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) {
            i++;
        }
        return line.substring(0, i);
    }

    /**
     * Enter pressed with {@code before} left of the caret and {@code after} right of it on the same line:
     * keep the line's indentation, add a level after a block opener, and put a closing bracket that
     * directly follows the caret on its own line.
     */
    public NewLine newLine(String before, String after) {
        String indent = leadingWhitespace(before);
        boolean opens = indentAfter != null && indentAfter.matcher(before.stripTrailing()).find()
                && !before.isBlank();
        if (!opens) {
            return new NewLine("\n" + indent, indent.length() + 1);
        }
        String inner = "\n" + indent + unit();
        String trimmedBefore = before.stripTrailing();
        char last = trimmedBefore.isEmpty() ? 0 : trimmedBefore.charAt(trimmedBefore.length() - 1);
        String afterTrimmed = after.stripLeading();
        if (last != 0 && !afterTrimmed.isEmpty() && closes(last, afterTrimmed.charAt(0))) {
            return new NewLine(inner + "\n" + indent, inner.length());
        }
        return new NewLine(inner, inner.length());
    }

    /** Typing {@code closing} on a line that is blank left of the caret: the indentation to keep. */
    public String indentBeforeClosing(String before) {
        String indent = leadingWhitespace(before);
        if (!before.isBlank() || indent.isEmpty()) {
            return before;
        }
        return indent.substring(0, Math.max(0, indent.length() - syntax.indentWidth()));
    }

    public boolean isClosingBracket(char c) {
        String pairs = syntax.brackets();
        for (int i = 1; i < pairs.length(); i += 2) {
            if (pairs.charAt(i) == c && c != ')') {
                return true;
            }
        }
        return false;
    }

    /** Tab on a block: one level more on every non-blank line. */
    public BlockEdit indent(LineBlock block) {
        List<LineChange> changes = new ArrayList<>();
        for (String line : block.lines()) {
            changes.add(line.isBlank() ? LineChange.NONE : new LineChange(0, 0, unit()));
        }
        return block.apply(changes);
    }

    /** Shift+Tab on a block: up to one level (a tab, or up to indent-width spaces) less on every line. */
    public BlockEdit outdent(LineBlock block) {
        List<LineChange> changes = new ArrayList<>();
        for (String line : block.lines()) {
            int remove = 0;
            if (line.startsWith("\t")) {
                remove = 1;
            } else {
                while (remove < syntax.indentWidth() && remove < line.length() && line.charAt(remove) == ' ') {
                    remove++;
                }
            }
            changes.add(new LineChange(0, remove, ""));
        }
        return block.apply(changes);
    }

    /** Spaces that take {@code column} to the next multiple of the indent width. */
    public String spacesToNextStop(int column) {
        int width = syntax.indentWidth();
        return " ".repeat(width - column % width);
    }

    private boolean closes(char open, char close) {
        String pairs = syntax.brackets();
        for (int i = 0; i + 1 < pairs.length(); i += 2) {
            if (pairs.charAt(i) == open && pairs.charAt(i + 1) == close) {
                return true;
            }
        }
        return false;
    }
}
