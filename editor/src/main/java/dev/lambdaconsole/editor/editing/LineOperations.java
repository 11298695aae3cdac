package dev.lambdaconsole.editor.editing;

import dev.lambdaconsole.editor.editing.LineBlock.LineChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Comment toggling, duplicating and moving lines, as pure functions over a {@link LineBlock}. */
public final class LineOperations {

    private LineOperations() {
    }

    /**
     * Comments out the block's lines (prefix plus a space at the smallest indentation) unless every
     * non-blank line already is commented, in which case the prefix (and one space after it) goes.
     */
    public static Optional<BlockEdit> toggleComment(LineBlock block, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return Optional.empty();
        }
        boolean allCommented = true;
        int column = Integer.MAX_VALUE;
        for (String line : block.lines()) {
            if (!line.isBlank()) {
                column = Math.min(column, Indentation.leadingWhitespace(line).length());
                allCommented &= line.stripLeading().startsWith(prefix);
            }
        }
        if (column == Integer.MAX_VALUE) {
            return Optional.empty();
        }
        List<LineChange> changes = new ArrayList<>();
        for (String line : block.lines()) {
            if (line.isBlank()) {
                changes.add(LineChange.NONE);
            } else if (allCommented) {
                int at = Indentation.leadingWhitespace(line).length();
                int remove = prefix.length();
                if (line.startsWith(" ", at + remove)) {
                    remove++;
                }
                changes.add(new LineChange(at, remove, ""));
            } else {
                changes.add(new LineChange(column, 0, prefix + " "));
            }
        }
        return Optional.of(block.apply(changes));
    }

    /** The block followed by a copy of itself; the selection moves to the copy. */
    public static BlockEdit duplicate(LineBlock block) {
        String text = block.text();
        int shift = text.length() + 1;
        return new BlockEdit(text + "\n" + text, block.selectionStart() + shift, block.selectionEnd() + shift);
    }

    /**
     * Moves the lines up one: {@code block} holds the line above followed by the lines to move.
     * The selection stays on the moved lines.
     */
    public static BlockEdit moveUp(LineBlock block) {
        List<String> lines = block.lines();
        String above = lines.get(0);
        List<String> moved = lines.subList(1, lines.size());
        String text = String.join("\n", moved) + "\n" + above;
        int shift = above.length() + 1;
        return new BlockEdit(text, block.selectionStart() - shift, block.selectionEnd() - shift);
    }

    /** Moves the lines down one: {@code block} holds the lines to move followed by the line below. */
    public static BlockEdit moveDown(LineBlock block) {
        List<String> lines = block.lines();
        String below = lines.get(lines.size() - 1);
        List<String> moved = lines.subList(0, lines.size() - 1);
        String text = below + "\n" + String.join("\n", moved);
        int shift = below.length() + 1;
        return new BlockEdit(text, block.selectionStart() + shift, block.selectionEnd() + shift);
    }
}
