package dev.lambdaconsole.runtime.logs.filter;

/** A filter pattern that cannot be parsed: what is wrong, and the column (1-based) where it was found. */
public final class FilterPatternException extends IllegalArgumentException {
    private final int column;

    public FilterPatternException(String problem, int column) {
        super(problem + " at column " + column);
        this.column = column;
    }

    /** 1-based position in the pattern. */
    public int column() { return column; }
}
