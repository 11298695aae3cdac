package dev.lambdaconsole.editor.editing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LineOperationsTest {

    @Test
    void commentingUsesTheSmallestIndentationAndKeepsBlankLines() {
        BlockEdit edit = LineOperations.toggleComment(new LineBlock("  if x:\n\n      y()", 2, 2), "#").orElseThrow();
        assertThat(edit.text()).isEqualTo("  # if x:\n\n  #     y()");
        assertThat(edit.selectionStart()).isEqualTo(4);
    }

    @Test
    void uncommentingRemovesPrefixAndOneSpace() {
        BlockEdit edit = LineOperations.toggleComment(new LineBlock("  // a\n  //b", 0, 0), "//").orElseThrow();
        assertThat(edit.text()).isEqualTo("  a\n  b");
    }

    @Test
    void mixedLinesGetCommented() {
        BlockEdit edit = LineOperations.toggleComment(new LineBlock("# a\nb", 0, 0), "#").orElseThrow();
        assertThat(edit.text()).isEqualTo("# # a\n# b");
    }

    @Test
    void noCommentSyntaxOrOnlyBlankLinesDoesNothing() {
        assertThat(LineOperations.toggleComment(new LineBlock("{}", 0, 0), null)).isEmpty();
        assertThat(LineOperations.toggleComment(new LineBlock("  ", 0, 0), "#")).isEmpty();
    }

    @Test
    void duplicateMovesTheSelectionToTheCopy() {
        BlockEdit edit = LineOperations.duplicate(new LineBlock("abc", 1, 2));
        assertThat(edit).isEqualTo(new BlockEdit("abc\nabc", 5, 6));
    }

    @Test
    void moveUpAndDownSwapWithTheNeighbour() {
        assertThat(LineOperations.moveUp(new LineBlock("one\ntwo", 5, 5))).isEqualTo(new BlockEdit("two\none", 1, 1));
        assertThat(LineOperations.moveDown(new LineBlock("one\ntwo", 1, 1))).isEqualTo(new BlockEdit("two\none", 5, 5));
    }
}
