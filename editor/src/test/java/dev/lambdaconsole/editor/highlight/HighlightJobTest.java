package dev.lambdaconsole.editor.highlight;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.syntax.Highlighter;
import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.StyleRun;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HighlightJobTest {

    private final Highlighter js = SyntaxDefinitions.highlighter(Language.JAVASCRIPT);

    private static List<String> lines(int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            lines.add("let v" + i + " = " + i + ";");
        }
        return lines;
    }

    private int[] statesOf(List<String> lines) {
        HighlightResult full = HighlightJob.run(js, lines::get, lines.size(), new int[lines.size()], 0, lines.size() - 1);
        int[] states = new int[lines.size()];
        for (int i = 0; i + 1 < lines.size(); i++) {
            states[i + 1] = full.endStates()[i];
        }
        return states;
    }

    @Test
    void aFirstRunHighlightsEveryLine() {
        List<String> lines = lines(50);
        HighlightResult result = HighlightJob.run(js, lines::get, 50, new int[50], 0, 49);
        assertThat(result.lineCount()).isEqualTo(50);
        assertThat(result.lineRuns().get(7)).contains(new StyleRun(0, 3, "keyword"));
    }

    @Test
    void editingOneLineRelexesOnlyThatLine() {
        List<String> lines = lines(1000);
        int[] states = statesOf(lines);
        lines.set(500, "let changed = 'x';");
        HighlightResult result = HighlightJob.run(js, lines::get, lines.size(), states, 500, 500);
        assertThat(result.firstLine()).isEqualTo(500);
        assertThat(result.lineCount()).isEqualTo(1);
        assertThat(result.lineRuns().get(0)).contains(new StyleRun(14, 17, "string"));
    }

    @Test
    void openingABlockCommentRelexesUntilItCloses() {
        List<String> lines = lines(1000);
        lines.set(600, "*/ let after = 1;");
        int[] states = statesOf(lines);
        lines.set(100, "/* opened");
        HighlightResult result = HighlightJob.run(js, lines::get, lines.size(), states, 100, 100);
        assertThat(result.firstLine()).isEqualTo(100);
        assertThat(result.lineCount()).isEqualTo(501);
        assertThat(result.lineRuns().get(250)).containsExactly(new StyleRun(0, lines.get(350).length(), "comment"));
    }
}
