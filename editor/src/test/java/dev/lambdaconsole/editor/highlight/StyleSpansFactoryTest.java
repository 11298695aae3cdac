package dev.lambdaconsole.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.Collection;
import java.util.List;
import org.fxmisc.richtext.model.StyleSpan;
import org.fxmisc.richtext.model.StyleSpans;
import org.junit.jupiter.api.Test;

class StyleSpansFactoryTest {

    @Test
    void spansCoverEveryCharacterIncludingLineBreaks() {
        StyleSpans<Collection<String>> spans = StyleSpansFactory.forLines(
                List.of(List.of(new StyleRun(0, 3, "keyword")), List.of()),
                List.of("def f", "pass"), 0, LineDecorations.NONE);
        assertThat(spans.length()).isEqualTo("def f\npass".length());
        assertThat(spans.getStyleSpan(0)).isEqualTo(new StyleSpan<Collection<String>>(List.of("keyword"), 3));
    }

    @Test
    void decorationsAreLaidOverSyntaxColours() {
        LineDecorations problem = (line, text) -> List.of(new StyleRun(1, 5, "problem-error"));
        StyleSpans<Collection<String>> spans = StyleSpansFactory.forLines(
                List.of(List.of(new StyleRun(0, 3, "keyword"))), List.of("def f"), 0, problem);
        assertThat(spans.stream().map(StyleSpan::getStyle).toList()).containsExactly(
                List.of("keyword"), List.of("keyword", "problem-error"), List.of("problem-error"));
    }
}
