package dev.lambdaconsole.editor.highlight;

import dev.lambdaconsole.editor.syntax.StyleRun;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;

/**
 * Turns per-line {@link StyleRun}s into RichTextFX {@link StyleSpans}. Style collections are
 * interned so a 20,000-line document shares a handful of immutable lists.
 */
public final class StyleSpansFactory {

    private static final Map<String, Collection<String>> SINGLE = new ConcurrentHashMap<>();
    private static final Map<List<String>, Collection<String>> COMBINED = new ConcurrentHashMap<>();

    private StyleSpansFactory() {
    }

    /** Spans for consecutive lines; every line but the last is followed by its one-character terminator. */
    public static StyleSpans<Collection<String>> forLines(List<List<StyleRun>> lines, List<String> texts,
                                                          int firstLine, LineDecorations decorations) {
        StyleSpansBuilder<Collection<String>> builder = new StyleSpansBuilder<>();
        for (int i = 0; i < lines.size(); i++) {
            int length = texts.get(i).length();
            List<StyleRun> runs = merge(lines.get(i), decorations.forLine(firstLine + i, texts.get(i)), length);
            int pos = 0;
            for (StyleRun run : runs) {
                int end = Math.min(run.end(), length);
                if (run.start() > pos) {
                    builder.add(Collections.emptyList(), run.start() - pos);
                }
                if (end > run.start()) {
                    builder.add(styleOf(run.style()), end - run.start());
                    pos = end;
                }
            }
            int rest = length - pos + (i < lines.size() - 1 ? 1 : 0);
            if (rest > 0 || (i == lines.size() - 1 && pos == 0)) {
                builder.add(Collections.emptyList(), rest);
            }
        }
        return builder.create();
    }

    /** One style collection per distinct space-separated class list. */
    public static Collection<String> styleOf(String classes) {
        Collection<String> single = SINGLE.get(classes);
        if (single != null) {
            return single;
        }
        List<String> parts = List.of(classes.split(" "));
        return SINGLE.computeIfAbsent(classes, k -> COMBINED.computeIfAbsent(parts, p -> p));
    }

    /** Lays decoration runs over syntax runs; where both apply the classes are joined. */
    static List<StyleRun> merge(List<StyleRun> syntax, List<StyleRun> decorations, int length) {
        if (decorations.isEmpty()) {
            return syntax;
        }
        List<StyleRun> out = new ArrayList<>();
        int pos = 0;
        while (pos < length) {
            int next = length;
            LinkedHashSet<String> classes = new LinkedHashSet<>();
            for (List<StyleRun> layer : List.of(syntax, decorations)) {
                for (StyleRun run : layer) {
                    if (run.start() <= pos && pos < run.end()) {
                        classes.add(run.style());
                        next = Math.min(next, run.end());
                    } else if (run.start() > pos) {
                        next = Math.min(next, run.start());
                    }
                }
            }
            if (!classes.isEmpty()) {
                out.add(new StyleRun(pos, next, String.join(" ", classes)));
            }
            pos = next;
        }
        return out;
    }
}
