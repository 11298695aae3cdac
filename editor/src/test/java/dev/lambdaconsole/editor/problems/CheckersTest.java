package dev.lambdaconsole.editor.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckersTest {

    /**
     * True when {@code program} runs. Outside CI a missing tool skips the test; in CI (environment
     * variable {@code CI=true}, where python3 and node are installed) it fails instead.
     */
    static boolean installed(String program) {
        boolean found = runs(program);
        if (!found && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new AssertionError(program + " is not installed, but CI=true and CI installs it");
        }
        return found;
    }

    private static boolean runs(String program) {
        try {
            return new ProcessBuilder(program, "--version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void pythonReportsLineAndColumnOfASyntaxError() {
        assumeTrue(installed("python3"), "python3 not installed");
        List<Diagnostic> found = new PythonChecker().check("def f():\n    return (1,\n\nx = = 2\n");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).line()).isEqualTo(2);
        assertThat(found.get(0).severity()).isEqualTo(Severity.ERROR);
        assertThat(new PythonChecker().check("x = 1\n")).isEmpty();
    }

    @Test
    void pythonErrorColumn() {
        assumeTrue(installed("python3"), "python3 not installed");
        Diagnostic d = new PythonChecker().check("x = 1\ny = )\n").get(0);
        assertThat(d.line()).isEqualTo(2);
        assertThat(d.column()).isEqualTo(5);
    }

    @Test
    void missingProgramsYieldNoDiagnostics() {
        assertThat(new PythonChecker("/nonexistent/python3").check("def (")).isEmpty();
        assertThat(new JavaScriptChecker("/nonexistent/node").check("let = ;")).isEmpty();
    }

    @Test
    void nodeReportsLineAndColumn() {
        assumeTrue(installed("node"), "node not installed");
        List<Diagnostic> found = new JavaScriptChecker().check("const a = 1;\nlet b = ;\n");
        assertThat(found).containsExactly(Diagnostic.error(2, 9, "Unexpected token ';'"));
        assertThat(new JavaScriptChecker().check("export const handler = async () => 1;\n")).isEmpty();
    }

    @Test
    void nodeOutputParsing() {
        String stderr = "[stdin]:3\n  foo(\n     ^\n\nSyntaxError: missing ) after argument list\n    at x\n";
        assertThat(JavaScriptChecker.parse(stderr)).containsExactly(Diagnostic.error(3, 6, "missing ) after argument list"));
    }

    @Test
    void javaParsesInProcessAndIgnoresUnknownLibraries() {
        assertThat(new JavaChecker().check("import com.amazonaws.Foo;\nclass A { void f() { Foo.bar(); } }")).isEmpty();
        List<Diagnostic> found = new JavaChecker().check("class A {\n  void f() {\n    int x = ;\n  }\n}");
        assertThat(found).isNotEmpty();
        assertThat(found.get(0).line()).isEqualTo(3);
        assertThat(found.get(0).column()).isEqualTo(13);
    }

    @Test
    void jsonUsesJacksonPositions() {
        assertThat(new JsonChecker().check("{\"a\": }")).singleElement()
                .satisfies(d -> assertThat(d.column()).isEqualTo(7));
    }

    @Test
    void underlineCoversTheWordAtTheColumn() {
        assertThat(ProblemMarkers.underline(Diagnostic.error(1, 5, "x"), "foo(barBaz)"))
                .hasValueSatisfying(r -> assertThat(r.start()).isEqualTo(4))
                .hasValueSatisfying(r -> assertThat(r.end()).isEqualTo(10));
        assertThat(ProblemMarkers.underline(Diagnostic.error(1, 40, "x"), "ab"))
                .hasValueSatisfying(r -> assertThat(r.start()).isEqualTo(1));
        assertThat(ProblemMarkers.underline(Diagnostic.error(1, 1, "x"), "")).isEmpty();
    }
}
