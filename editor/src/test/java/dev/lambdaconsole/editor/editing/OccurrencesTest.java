package dev.lambdaconsole.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.editing.Occurrences.Range;
import org.junit.jupiter.api.Test;

class OccurrencesTest {

    @Test
    void wordAtTheCaret() {
        assertThat(Occurrences.wordAt("foo(bar_1)", 5)).contains(new Range(4, 9));
        assertThat(Occurrences.wordAt("foo(bar_1)", 3)).contains(new Range(0, 3));
        assertThat(Occurrences.wordAt("a + b", 2)).isEmpty();
    }

    @Test
    void onlyWholeWordsCount() {
        assertThat(Occurrences.find("x = x1 + x; fx(x)", "x"))
                .containsExactly(new Range(0, 1), new Range(9, 10), new Range(15, 16));
    }

    @Test
    void indentGuidesMarkEachLevel() {
        assertThat(IndentGuides.runs("        x", 4)).extracting(r -> r.start()).containsExactly(0, 4);
        assertThat(IndentGuides.runs("    ", 4)).isEmpty();
    }
}
