package dev.lambdaconsole.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdaconsole.editor.syntax.Language;
import dev.lambdaconsole.editor.syntax.SyntaxDefinitions;
import org.junit.jupiter.api.Test;

class IndentationTest {

    private final Indentation python = new Indentation(SyntaxDefinitions.definition(Language.PYTHON));
    private final Indentation js = new Indentation(SyntaxDefinitions.definition(Language.JAVASCRIPT));

    @Test
    void enterKeepsTheIndentation() {
        assertThat(python.newLine("    x = 1", "")).isEqualTo(new Indentation.NewLine("\n    ", 5));
    }

    @Test
    void enterAfterAColonIndentsInPython() {
        assertThat(python.newLine("    def f(x):", "").text()).isEqualTo("\n        ");
        assertThat(python.newLine("if ok:  # yes", "").text()).isEqualTo("\n    ");
        assertThat(python.newLine("d = {'a': 1}", "").text()).isEqualTo("\n");
    }

    @Test
    void enterAfterABraceIndentsInJavaScriptAndSplitsTheBracePair() {
        assertThat(js.newLine("function f() {", "").text()).isEqualTo("\n  ");
        Indentation.NewLine between = js.newLine("  if (x) {", "}");
        assertThat(between.text()).isEqualTo("\n    \n  ");
        assertThat(between.caretOffset()).isEqualTo(5);
    }

    @Test
    void tabIndentsEveryNonBlankLineAndTheSelectionFollows() {
        LineBlock block = new LineBlock("a = 1\n\nb = 2", 0, 13);
        BlockEdit edit = python.indent(block);
        assertThat(edit.text()).isEqualTo("    a = 1\n\n    b = 2");
        assertThat(edit.selectionStart()).isEqualTo(4);
        assertThat(edit.selectionEnd()).isEqualTo(edit.text().length());
    }

    @Test
    void shiftTabRemovesAtMostOneLevel() {
        BlockEdit edit = js.outdent(new LineBlock("    a\n b\nc\n\td", 0, 0));
        assertThat(edit.text()).isEqualTo("  a\nb\nc\nd");
    }

    @Test
    void closingBraceOnABlankLineLosesOneLevel() {
        assertThat(js.indentBeforeClosing("    ")).isEqualTo("  ");
        assertThat(js.indentBeforeClosing("  x ")).isEqualTo("  x ");
        assertThat(js.isClosingBracket('}')).isTrue();
        assertThat(js.isClosingBracket('a')).isFalse();
    }

    @Test
    void tabWithoutSelectionGoesToTheNextStop() {
        assertThat(python.spacesToNextStop(0)).isEqualTo("    ");
        assertThat(python.spacesToNextStop(6)).isEqualTo("  ");
        assertThat(js.spacesToNextStop(3)).isEqualTo(" ");
    }
}
