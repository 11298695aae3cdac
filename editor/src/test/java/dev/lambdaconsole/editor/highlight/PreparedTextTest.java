package dev.lambdaconsole.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import java.util.ArrayList;
import java.util.List;
import java.util.Collection;
import org.fxmisc.richtext.model.ReadOnlyStyledDocument;
import org.junit.jupiter.api.Test;

class PreparedTextTest {

    @Test
    void linesAreSplitLikeRichTextFxAndColouredWithTheLexerStateCarried() {
        PreparedText prepared = PreparedText.of("def f():\r\n    \"\"\"doc (\n    still doc\"\"\"\rx = 1", Language.PYTHON);
        ReadOnlyStyledDocument<Collection<String>, String, Collection<String>> doc = prepared.document();
        assertThat(doc.getText()).isEqualTo("def f():\n    \"\"\"doc (\n    still doc\"\"\"\nx = 1");
        assertThat(doc.getParagraphCount()).isEqualTo(4);
        assertThat(doc.getParagraph(0).getStyleAtPosition(1)).contains("keyword");
        assertThat(doc.getParagraph(2).getStyleAtPosition(6)).contains("string");
        assertThat(doc.getParagraph(3).getStyleAtPosition(5)).contains("number");
        assertThat(prepared.lineStartStates()[0]).isZero();
        assertThat(prepared.lineStartStates()[2]).isNotZero();
        assertThat(prepared.lineStartStates()[3]).isZero();
        assertThat(prepared.language()).isEqualTo(Language.PYTHON);
    }

    @Test
    void emptyTextIsOneEmptyLine() {
        assertThat(PreparedText.of("", Language.PYTHON).document().getParagraphCount()).isEqualTo(1);
        assertThat(PreparedText.of("a\n", Language.PYTHON).document().getText()).isEqualTo("a\n");
    }

    @Test
    void lexingInTwoHalvesGivesTheSameResultAsOneRunEvenWhenTheMiddleIsInsideAString() {
        Highlighter python = SyntaxDefinitions.highlighter(Language.PYTHON);
        for (int openAt : new int[] {-1, 2_990, 3_000, 2_000}) {
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < 6_000; i++) {
                lines.add(i == openAt ? "s = \"\"\"starts here (" : i == openAt + 25 ? "ends\"\"\" + 'x'" : "x" + i + " = f(" + i + ")  # c");
            }
            int[] zero = new int[lines.size()];
            HighlightResult one = HighlightJob.run(python, lines::get, lines.size(), zero, 0, lines.size() - 1);
            HighlightResult two = PreparedText.lexAll(python, lines);
            assertThat(two.lineRuns()).isEqualTo(one.lineRuns());
            assertThat(two.endStates()).isEqualTo(one.endStates());
        }
    }
}
