package dev.lambdaconsole.editor.find;

/** What the find bar searches for. */
public record FindQuery(String text, boolean caseSensitive, boolean wholeWord, boolean regex) {

    public FindQuery {
        text = text == null ? "" : text;
    }

    public static FindQuery plain(String text) {
        return new FindQuery(text, false, false, false);
    }

    public boolean isEmpty() {
        return text.isEmpty();
    }
}
