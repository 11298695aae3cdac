package dev.lambdaconsole.editor.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link Highlighter} driven by data: the {@link SyntaxRule}s are joined into one alternation,
 * the leftmost match wins and, at the same position, the earlier rule wins. A {@code begin}/{@code end}
 * rule whose end is not on the same line leaves the lexer in state {@code ruleIndex + 1} until a
 * later line contains the end.
 */
public final class RegexHighlighter implements Highlighter {

    private static final int NORMAL = 0;

    private final List<SyntaxRule> rules;
    private final Pattern combined;
    private final int[] groupOfRule;
    private final Pattern[] endPatterns;

    public RegexHighlighter(List<SyntaxRule> rules) {
        this.rules = List.copyOf(rules);
        this.groupOfRule = new int[rules.size()];
        this.endPatterns = new Pattern[rules.size()];
        StringBuilder alternation = new StringBuilder();
        int group = 1;
        for (int i = 0; i < rules.size(); i++) {
            SyntaxRule rule = rules.get(i);
            String regex = rule.startRegex();
            int innerGroups = Pattern.compile(regex).matcher("").groupCount();
            alternation.append(i == 0 ? "" : "|").append('(').append(regex).append(')');
            groupOfRule[i] = group;
            group += 1 + innerGroups;
            if (rule.spansLines()) {
                endPatterns[i] = Pattern.compile(rule.end());
            }
        }
        this.combined = rules.isEmpty() ? null : Pattern.compile(alternation.toString());
    }

    @Override
    public int initialState() {
        return NORMAL;
    }

    @Override
    public LineResult highlightLine(CharSequence line, int startState) {
        List<StyleRun> runs = new ArrayList<>();
        int length = line.length();
        int pos = 0;
        int state = startState;
        if (state != NORMAL) {
            int rule = state - 1;
            Matcher end = endPatterns[rule].matcher(line);
            if (!end.find()) {
                addRun(runs, 0, length, rules.get(rule).style());
                return new LineResult(runs, state);
            }
            addRun(runs, 0, end.end(), rules.get(rule).style());
            pos = end.end();
            state = NORMAL;
        }
        if (combined == null) {
            return new LineResult(runs, state);
        }
        Matcher matcher = combined.matcher(line);
        while (pos < length && matcher.find(pos)) {
            int rule = matchedRule(matcher);
            int start = matcher.start();
            int end = matcher.end();
            if (rules.get(rule).spansLines()) {
                Matcher close = endPatterns[rule].matcher(line);
                if (close.find(end)) {
                    end = close.end();
                } else {
                    end = length;
                    state = rule + 1;
                }
            }
            addRun(runs, start, end, rules.get(rule).style());
            pos = end > start ? end : start + 1;
        }
        return new LineResult(runs, state);
    }

    private int matchedRule(Matcher matcher) {
        for (int i = 0; i < groupOfRule.length; i++) {
            if (matcher.start(groupOfRule[i]) >= 0) {
                return i;
            }
        }
        throw new IllegalStateException("match without rule");
    }

    private static void addRun(List<StyleRun> runs, int start, int end, String style) {
        if (end > start) {
            runs.add(new StyleRun(start, end, style));
        }
    }
}
