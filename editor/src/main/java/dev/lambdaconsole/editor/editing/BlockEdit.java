package dev.lambdaconsole.editor.editing;

/**
 * The result of a line operation on a block of whole lines: the block's new text and the new
 * selection, both relative to the start of the block.
 */
public record BlockEdit(String text, int selectionStart, int selectionEnd) {
}
