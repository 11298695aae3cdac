package dev.lambdaconsole.editor.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HighlighterTest {

    /** The style of every character of the first occurrence of {@code fragment}; null when they differ. */
    private static String style(Language language, String text, String fragment) {
        List<StyleRun> runs = Highlighting.highlight(SyntaxDefinitions.highlighter(language), text);
        int at = text.indexOf(fragment);
        assertThat(at).as("fragment %s in text", fragment).isGreaterThanOrEqualTo(0);
        String first = Highlighting.styleAt(runs, at);
        for (int i = at; i < at + fragment.length(); i++) {
            if (!java.util.Objects.equals(first, Highlighting.styleAt(runs, i))) {
                return "mixed";
            }
        }
        return first;
    }

    @Test
    void python() {
        String code = "@app.route\ndef handler(event, context):  # entry\n    return {'n': 42, \"ok\": True}\n";
        assertThat(style(Language.PYTHON, code, "@app.route")).isEqualTo("decorator");
        assertThat(style(Language.PYTHON, code, "def")).isEqualTo("keyword");
        assertThat(style(Language.PYTHON, code, "handler")).isEqualTo("function");
        assertThat(style(Language.PYTHON, code, "# entry")).isEqualTo("comment");
        assertThat(style(Language.PYTHON, code, "'n'")).isEqualTo("string");
        assertThat(style(Language.PYTHON, code, "42")).isEqualTo("number");
        assertThat(style(Language.PYTHON, code, "True")).isEqualTo("keyword");
        assertThat(style(Language.PYTHON, code, "event")).isNull();
    }

    @Test
    void pythonTripleQuotedStringSpansLines() {
        String code = "x = \"\"\"first\nreturn # not code\nlast\"\"\"\nreturn 1";
        assertThat(style(Language.PYTHON, code, "return # not code")).isEqualTo("string");
        assertThat(style(Language.PYTHON, code, "last\"\"\"")).isEqualTo("string");
        assertThat(style(Language.PYTHON, code.substring(code.lastIndexOf("return")), "return")).isEqualTo("keyword");
    }

    @Test
    void hashInsideStringIsNoComment() {
        assertThat(style(Language.PYTHON, "s = 'a # b'", "'a # b'")).isEqualTo("string");
    }

    @Test
    void javascriptAndBlockComments() {
        String code = "const x = `a\n${y}` /* start\n still */ ; // done\nexport async function go() { return null; }";
        assertThat(style(Language.JAVASCRIPT, code, "const")).isEqualTo("keyword");
        assertThat(style(Language.JAVASCRIPT, code, "${y}`")).isEqualTo("string");
        assertThat(style(Language.JAVASCRIPT, code, " still */")).isEqualTo("comment");
        assertThat(style(Language.JAVASCRIPT, code, "// done")).isEqualTo("comment");
        assertThat(style(Language.JAVASCRIPT, code, "go")).isEqualTo("function");
        assertThat(style(Language.JAVASCRIPT, code, "null")).isEqualTo("constant");
    }

    @Test
    void typescriptAddsTypes() {
        String code = "interface Event { id: string; n: number }";
        assertThat(style(Language.TYPESCRIPT, code, "interface")).isEqualTo("keyword");
        assertThat(style(Language.TYPESCRIPT, code, "string")).isEqualTo("type");
        assertThat(style(Language.JAVASCRIPT, code, "string")).isNull();
    }

    @Test
    void java() {
        String code = "@Override\npublic String handleRequest(Map<String, Object> in) { return \"hi\"; } // x";
        assertThat(style(Language.JAVA, code, "@Override")).isEqualTo("annotation");
        assertThat(style(Language.JAVA, code, "public")).isEqualTo("keyword");
        assertThat(style(Language.JAVA, code, "Map")).isEqualTo("type");
        assertThat(style(Language.JAVA, code, "\"hi\"")).isEqualTo("string");
        assertThat(style(Language.JAVA, code, "// x")).isEqualTo("comment");
    }

    @Test
    void ruby() {
        String code = "def handler(event:, context:)\n  { status: :ok, 'body' => @name } # reply\nend";
        assertThat(style(Language.RUBY, code, "def")).isEqualTo("keyword");
        assertThat(style(Language.RUBY, code, ":ok")).isEqualTo("constant");
        assertThat(style(Language.RUBY, code, "@name")).isEqualTo("variable");
        assertThat(style(Language.RUBY, code, "# reply")).isEqualTo("comment");
        assertThat(style(Language.RUBY, code, "end")).isEqualTo("keyword");
    }

    @Test
    void go() {
        String code = "func Handle(ctx context.Context) (string, error) {\n\treturn `raw`, nil // ok\n}";
        assertThat(style(Language.GO, code, "func")).isEqualTo("keyword");
        assertThat(style(Language.GO, code, "Handle")).isEqualTo("function");
        assertThat(style(Language.GO, code, "string")).isEqualTo("type");
        assertThat(style(Language.GO, code, "`raw`")).isEqualTo("string");
        assertThat(style(Language.GO, code, "nil")).isEqualTo("constant");
    }

    @Test
    void json() {
        String code = "{\"key\": \"value\", \"n\": -1.5e3, \"ok\": true, \"none\": null}";
        assertThat(style(Language.JSON, code, "\"key\"")).isEqualTo("property");
        assertThat(style(Language.JSON, code, "\"value\"")).isEqualTo("string");
        assertThat(style(Language.JSON, code, "1.5e3")).isEqualTo("number");
        assertThat(style(Language.JSON, code, "true")).isEqualTo("constant");
    }

    @Test
    void yaml() {
        String code = "Resources:\n  Fn:\n    Timeout: 30 # seconds\n    Handler: \"app.handler\"\n    Ref: !Ref Bucket";
        assertThat(style(Language.YAML, code, "Resources")).isEqualTo("property");
        assertThat(style(Language.YAML, code, "Timeout")).isEqualTo("property");
        assertThat(style(Language.YAML, code, "30")).isEqualTo("number");
        assertThat(style(Language.YAML, code, "# seconds")).isEqualTo("comment");
        assertThat(style(Language.YAML, code, "\"app.handler\"")).isEqualTo("string");
        assertThat(style(Language.YAML, code, "!Ref")).isEqualTo("type");
    }

    @Test
    void shell() {
        String code = "#!/bin/bash\nif [ -n \"$NAME\" ]; then echo ${HOME} # hi\nfi";
        assertThat(style(Language.SHELL, code, "#!/bin/bash")).isEqualTo("comment");
        assertThat(style(Language.SHELL, code, "if")).isEqualTo("keyword");
        assertThat(style(Language.SHELL, code, "\"$NAME\"")).isEqualTo("string");
        assertThat(style(Language.SHELL, code, "${HOME}")).isEqualTo("variable");
        assertThat(style(Language.SHELL, code, "echo")).isEqualTo("builtin");
        assertThat(style(Language.SHELL, code, "# hi")).isEqualTo("comment");
    }

    @Test
    void dockerfile() {
        String code = "# build\nFROM python:3.12 AS base\nRUN pip install --no-cache-dir -r $REQS\nCMD [\"app.handler\"]";
        assertThat(style(Language.DOCKERFILE, code, "# build")).isEqualTo("comment");
        assertThat(style(Language.DOCKERFILE, code, "FROM")).isEqualTo("keyword");
        assertThat(style(Language.DOCKERFILE, code, "AS")).isEqualTo("keyword");
        assertThat(style(Language.DOCKERFILE, code, "RUN")).isEqualTo("keyword");
        assertThat(style(Language.DOCKERFILE, code, "--no-cache-dir")).isEqualTo("builtin");
        assertThat(style(Language.DOCKERFILE, code, "$REQS")).isEqualTo("variable");
        assertThat(style(Language.DOCKERFILE, code, "\"app.handler\"")).isEqualTo("string");
    }

    @Test
    void plainTextHasNoRuns() {
        assertThat(Highlighting.highlight(SyntaxDefinitions.highlighter(Language.PLAIN_TEXT), "def x(): return 1")).isEmpty();
    }

    @Test
    void lineStateCarriesAnOpenConstructToTheNextLine() {
        Highlighter js = SyntaxDefinitions.highlighter(Language.JAVASCRIPT);
        LineResult first = js.highlightLine("a = 1; /* open", js.initialState());
        assertThat(first.endState()).isNotEqualTo(js.initialState());
        LineResult second = js.highlightLine("still */ b", first.endState());
        assertThat(second.runs()).containsExactly(new StyleRun(0, 8, "comment"));
        assertThat(second.endState()).isEqualTo(js.initialState());
    }
}
