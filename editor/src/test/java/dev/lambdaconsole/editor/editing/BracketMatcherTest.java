package dev.lambdaconsole.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.editing.BracketMatcher.BracketPair;
import org.junit.jupiter.api.Test;

class BracketMatcherTest {

    private final BracketMatcher matcher = new BracketMatcher("()[]{}");

    @Test
    void caretAfterAClosingBracketFindsItsOpener() {
        String text = "f(a[1], {b: (2)})";
        assertThat(matcher.find(text, text.length())).contains(new BracketPair(1, 16));
    }

    @Test
    void caretBeforeAnOpeningBracketFindsItsCloser() {
        String text = "x = [1, [2, 3]]";
        assertThat(matcher.find(text, 4)).contains(new BracketPair(4, 14));
        assertThat(matcher.find(text, 8)).contains(new BracketPair(8, 13));
    }

    @Test
    void unbalancedOrNoBracketGivesNothing() {
        assertThat(matcher.find("f(a", 2)).isEmpty();
        assertThat(matcher.find("abc", 1)).isEmpty();
        assertThat(matcher.find("", 0)).isEmpty();
    }

    @Test
    void matchesAcrossLines() {
        String text = "{\n  a: {\n  }\n}";
        assertThat(matcher.find(text, 0)).contains(new BracketPair(0, text.length() - 1));
    }
}
