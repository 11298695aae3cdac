package dev.lambdaconsole.editor.editing;

import java.util.Optional;
import java.util.function.IntPredicate;

/** Finds the bracket that matches the one next to the caret, as a pure function over text. */
public final class BracketMatcher {

    /** Offsets of a matched pair: {@code open < close}. */
    public record BracketPair(int open, int close) {
    }

    private static final int MAX_SCAN = 100_000;

    private final String pairs;

    /** @param pairs bracket pairs as consecutive characters, e.g. {@code "()[]{}"} */
    public BracketMatcher(String pairs) {
        this.pairs = pairs;
    }

    /** The pair of the bracket just before the caret, else of the one just after it. */
    public Optional<BracketPair> find(CharSequence text, int caret) {
        return find(text, caret, offset -> false);
    }

    /**
     * Like {@link #find(CharSequence, int)}, but brackets at offsets where {@code ignored} holds
     * (strings, comments: see {@link NonCode}) neither match nor count.
     */
    public Optional<BracketPair> find(CharSequence text, int caret, IntPredicate ignored) {
        if (caret > 0 && caret <= text.length()) {
            Optional<BracketPair> before = matchAt(text, caret - 1, ignored);
            if (before.isPresent()) {
                return before;
            }
        }
        return caret < text.length() ? matchAt(text, caret, ignored) : Optional.empty();
    }

    /** The pair of the bracket at {@code offset}, if it is one and it is balanced. */
    public Optional<BracketPair> matchAt(CharSequence text, int offset) {
        return matchAt(text, offset, i -> false);
    }

    private Optional<BracketPair> matchAt(CharSequence text, int offset, IntPredicate ignored) {
        int kind = pairs.indexOf(text.charAt(offset));
        if (kind < 0 || ignored.test(offset)) {
            return Optional.empty();
        }
        char open = pairs.charAt(kind - kind % 2);
        char close = pairs.charAt(kind - kind % 2 + 1);
        boolean forward = kind % 2 == 0;
        int step = forward ? 1 : -1;
        int depth = 0;
        int limit = forward ? Math.min(text.length(), offset + MAX_SCAN) : Math.max(-1, offset - MAX_SCAN);
        for (int i = offset; i != limit; i += step) {
            char c = text.charAt(i);
            if ((c == open || c == close) && ignored.test(i)) {
                continue;
            }
            if (c == open) {
                depth += step;
            } else if (c == close) {
                depth -= step;
            }
            if (depth == 0) {
                return Optional.of(forward ? new BracketPair(offset, i) : new BracketPair(i, offset));
            }
        }
        return Optional.empty();
    }
}
