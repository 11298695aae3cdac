package dev.lambdaconsole.editor.highlight;

/** An inclusive range of lines that need highlighting, shifted as lines are inserted or removed. */
final class DirtyLines {

    private int from = Integer.MAX_VALUE;
    private int to = -1;

    boolean isEmpty() {
        return to < from;
    }

    int from() {
        return from;
    }

    int to() {
        return to;
    }

    void mark(int first, int last) {
        from = Math.min(from, first);
        to = Math.max(to, last);
    }

    void markAll(DirtyLines other) {
        if (!other.isEmpty()) {
            mark(other.from, other.to);
        }
    }

    /** An edit in {@code line} removed the {@code removed} lines after it and inserted {@code inserted}. */
    void edit(int line, int removed, int inserted) {
        if (isEmpty()) {
            return;
        }
        int delta = inserted - removed;
        if (line > to) {
            return;
        }
        if (line + removed < from) {
            from += delta;
            to += delta;
            return;
        }
        from = Math.min(from, line);
        to = Math.max(line + inserted, to + delta);
    }

    void clear() {
        from = Integer.MAX_VALUE;
        to = -1;
    }

    DirtyLines copy() {
        DirtyLines copy = new DirtyLines();
        copy.markAll(this);
        return copy;
    }

    @Override
    public String toString() {
        return isEmpty() ? "[]" : "[" + from + ".." + to + "]";
    }
}
