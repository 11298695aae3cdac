package dev.lambdaconsole.editor.problems;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses JavaScript with {@code node --check} (source on stdin, as an ES module when it has
 * {@code import}/{@code export} statements) and reads the error position from node's report.
 */
public final class JavaScriptChecker implements Checker {

    private static final Pattern MODULE_SYNTAX = Pattern.compile("(?m)^\\s*(import|export)\\b(?!\\s*\\()");
    private static final Pattern LOCATION = Pattern.compile("^\\[stdin]:(\\d+)\\s*$");
    private static final Pattern CARET = Pattern.compile("^(\\s*)\\^+\\s*$");
    private static final Pattern MESSAGE = Pattern.compile("^(\\w*Error): (.*)$");

    private final String executable;

    public JavaScriptChecker() {
        this("node");
    }

    public JavaScriptChecker(String executable) {
        this.executable = executable;
    }

    @Override
    public List<Diagnostic> check(String source) {
        String type = MODULE_SYNTAX.matcher(source).find() ? "module" : "commonjs";
        List<String> command = List.of(executable, "--input-type=" + type, "--check");
        return ProcessRunner.run(command, source, Duration.ofSeconds(10))
                .filter(output -> output.exitCode() != 0)
                .map(output -> parse(output.stderr()))
                .orElse(List.of());
    }

    static List<Diagnostic> parse(String stderr) {
        int line = 0;
        int column = 1;
        String[] lines = stderr.split("\\R");
        for (String text : lines) {
            Matcher location = LOCATION.matcher(text);
            Matcher caret = CARET.matcher(text);
            Matcher message = MESSAGE.matcher(text);
            if (line == 0 && location.matches()) {
                line = Integer.parseInt(location.group(1));
            } else if (line > 0 && caret.matches()) {
                column = caret.group(1).length() + 1;
            } else if (line > 0 && message.matches()) {
                return List.of(Diagnostic.error(line, column, message.group(2)));
            }
        }
        return line > 0 ? List.of(Diagnostic.error(line, column, "syntax error")) : new ArrayList<>();
    }
}
