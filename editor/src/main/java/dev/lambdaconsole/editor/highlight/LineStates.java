package dev.lambdaconsole.editor.highlight;

import java.util.Arrays;

/** The lexer state at the start of every line, kept in step with line insertions and removals. */
final class LineStates {

    private int[] states = new int[16];
    private int size;

    void reset(int lineCount, int initialState) {
        states = new int[Math.max(16, lineCount)];
        Arrays.fill(states, 0, lineCount, initialState);
        size = lineCount;
    }

    int size() {
        return size;
    }

    int get(int line) {
        return states[line];
    }

    void set(int line, int state) {
        if (line < size) {
            states[line] = state;
        }
    }

    /** After an edit in {@code line}: the {@code removed} lines after it go, {@code inserted} new ones follow it. */
    void edit(int line, int removed, int inserted, int fill) {
        int at = Math.min(line + 1, size);
        int gone = Math.min(removed, size - at);
        int newSize = size - gone + inserted;
        if (newSize > states.length) {
            states = Arrays.copyOf(states, Math.max(newSize, states.length * 2));
        }
        System.arraycopy(states, at + gone, states, at + inserted, size - at - gone);
        Arrays.fill(states, at, at + inserted, fill);
        size = newSize;
    }

    int[] copy() {
        return Arrays.copyOf(states, size);
    }
}
