package dev.lambdaconsole.editor.problems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles Python source with {@code python3}'s own {@code compile()} (no code runs) and reports the
 * syntax error's line and column. No {@code python3} on the PATH means no diagnostics.
 */
public final class PythonChecker implements Checker {

    private static final String SCRIPT = String.join("\n",
            "import json, sys",
            "src = sys.stdin.read()",
            "out = []",
            "try:",
            "    compile(src, '<editor>', 'exec', dont_inherit=True)",
            "except SyntaxError as e:",
            "    out.append({'line': e.lineno or 1, 'column': e.offset or 1, 'message': e.msg})",
            "except ValueError as e:",
            "    out.append({'line': 1, 'column': 1, 'message': str(e)})",
            "print(json.dumps(out))");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String executable;

    public PythonChecker() {
        this("python3");
    }

    public PythonChecker(String executable) {
        this.executable = executable;
    }

    @Override
    public List<Diagnostic> check(String source) {
        return ProcessRunner.run(List.of(executable, "-c", SCRIPT), source, Duration.ofSeconds(10))
                .map(output -> parse(output.stdout()))
                .orElse(List.of());
    }

    static List<Diagnostic> parse(String stdout) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        try {
            for (JsonNode node : JSON.readTree(stdout)) {
                diagnostics.add(Diagnostic.error(Math.max(1, node.path("line").asInt(1)),
                        Math.max(1, node.path("column").asInt(1)), node.path("message").asText()));
            }
        } catch (Exception unreadable) {
            return List.of();
        }
        return diagnostics;
    }
}
