package dev.lambdaconsole.editor.find;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Find and replace as pure functions over a text. */
public final class Finder {

    /** A match at {@code [start, end)}. */
    public record Match(int start, int end) {
    }

    /** Replace {@code [start, end)} with {@code text}. */
    public record Replacement(int start, int end, String text) {
    }

    /** The text after replacing, and how many matches were replaced. */
    public record Replaced(String text, int count) {
    }

    private Finder() {
    }

    /** The query as a pattern; a plain-text query is quoted. Throws for an invalid regex. */
    public static Pattern compile(FindQuery query) {
        String body = query.regex() ? query.text() : Pattern.quote(query.text());
        if (query.wholeWord()) {
            body = "(?<![\\w$])(?:" + body + ")(?![\\w$])";
        }
        int flags = query.caseSensitive() ? 0 : Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        return Pattern.compile(body, flags | Pattern.MULTILINE);
    }

    /** The error message of an invalid regex query, if it is one. */
    public static Optional<String> error(FindQuery query) {
        try {
            compile(query);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of(e.getDescription());
        }
    }

    /** Every non-empty match, in order; none for an empty or invalid query. */
    public static List<Match> findAll(CharSequence text, FindQuery query) {
        List<Match> matches = new ArrayList<>();
        if (query.isEmpty() || error(query).isPresent()) {
            return matches;
        }
        Matcher matcher = compile(query).matcher(text);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                matches.add(new Match(matcher.start(), matcher.end()));
            }
        }
        return matches;
    }

    /** Index of the first match starting at or after {@code offset}, wrapping to 0; -1 when none. */
    public static int nextIndex(List<Match> matches, int offset) {
        for (int i = 0; i < matches.size(); i++) {
            if (matches.get(i).start() >= offset) {
                return i;
            }
        }
        return matches.isEmpty() ? -1 : 0;
    }

    /** Index of the last match ending before {@code offset}, wrapping to the last; -1 when none. */
    public static int previousIndex(List<Match> matches, int offset) {
        for (int i = matches.size() - 1; i >= 0; i--) {
            if (matches.get(i).start() < offset) {
                return i;
            }
        }
        return matches.size() - 1;
    }

    /** Every non-empty match with its replacement text ({@code $1}-style groups expand for regex queries). */
    public static List<Replacement> replacements(CharSequence text, FindQuery query, String replacement) {
        List<Replacement> out = new ArrayList<>();
        if (query.isEmpty() || error(query).isPresent()) {
            return out;
        }
        String template = query.regex() ? replacement : Matcher.quoteReplacement(replacement);
        Matcher matcher = compile(query).matcher(text);
        StringBuilder buffer = new StringBuilder();
        int appended = 0;
        while (matcher.find()) {
            if (matcher.end() == matcher.start()) {
                continue;
            }
            buffer.setLength(0);
            matcher.appendReplacement(buffer, template);
            out.add(new Replacement(matcher.start(), matcher.end(), buffer.substring(matcher.start() - appended)));
            appended = matcher.end();
        }
        return out;
    }

    /** The text with every match replaced. */
    public static Replaced replaceAll(String text, FindQuery query, String replacement) {
        List<Replacement> all = replacements(text, query, replacement);
        StringBuilder out = new StringBuilder(text.length());
        int pos = 0;
        for (Replacement r : all) {
            out.append(text, pos, r.start()).append(r.text());
            pos = r.end();
        }
        out.append(text, pos, text.length());
        return new Replaced(out.toString(), all.size());
    }

    /** "3 of 12", "No results", or the regex error. */
    public static String status(int current, int count) {
        if (count == 0) {
            return "No results";
        }
        return (current < 0 ? "?" : String.valueOf(current + 1)) + " of " + count;
    }
}
