package dev.lambdaconsole.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.editing.BracketMatcher.BracketPair;
import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import java.util.BitSet;
import java.util.Optional;
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

    private final Highlighter python = SyntaxDefinitions.highlighter(Language.PYTHON);
    private final Highlighter javascript = SyntaxDefinitions.highlighter(Language.JAVASCRIPT);

    private Optional<BracketPair> findIgnoringTokens(Highlighter lexer, String text, int caret) {
        BitSet nonCode = NonCode.lex(lexer, text);
        return matcher.find(text, caret, nonCode::get);
    }

    @Test
    void bracketsInsideStringsAreSkipped() {
        String text = "f(\")\", x)";
        assertThat(findIgnoringTokens(python, text, 2)).contains(new BracketPair(1, 8));
        assertThat(findIgnoringTokens(python, text, text.length())).contains(new BracketPair(1, 8));
        // without the token information the ")" in the string wins
        assertThat(matcher.find(text, 2)).contains(new BracketPair(1, 3));
    }

    @Test
    void bracketsInsideCommentsAreSkipped() {
        String text = "x = [1,  # ] not this\n     2]";
        assertThat(findIgnoringTokens(python, text, 5)).contains(new BracketPair(4, text.length() - 1));
        String js = "g({ /* } */ a: 1 // }\n})";
        assertThat(findIgnoringTokens(javascript, js, 3)).contains(new BracketPair(2, js.length() - 2));
    }

    @Test
    void aBracketInsideAStringOrCommentMatchesNothing() {
        String text = "s = \"(x)\"  # (y)";
        assertThat(findIgnoringTokens(python, text, 5)).isEmpty();
        assertThat(findIgnoringTokens(python, text, text.indexOf("(y") + 1)).isEmpty();
    }

    @Test
    void multiLineStringsUseTheLexerState() {
        String text = "f(\"\"\"\n)\n\"\"\", 1)";
        assertThat(findIgnoringTokens(python, text, 2)).contains(new BracketPair(1, text.length() - 1));
    }
}
