package dev.lambdaconsole.editor.syntax;

import java.util.List;

/**
 * Everything the editor knows about a language, loaded from {@code syntax/<id>.json}: the
 * highlighting rules in priority order plus the editing conventions (indent width, line comment,
 * what opens an indented block, bracket pairs).
 *
 * @param indentAfter regex found at the end of a line (before the caret) that makes the next line indent one level
 * @param brackets    bracket pairs as consecutive characters, e.g. {@code "()[]{}"}
 */
public record SyntaxDefinition(String name, int indentWidth, String lineComment, String indentAfter,
                               String brackets, List<SyntaxRule> rules) {

    public SyntaxDefinition {
        if (indentWidth <= 0) {
            indentWidth = 4;
        }
        brackets = brackets == null ? "()[]{}" : brackets;
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    public static SyntaxDefinition plainText() {
        return new SyntaxDefinition("Plain text", 4, null, null, "()[]{}", List.of());
    }
}
