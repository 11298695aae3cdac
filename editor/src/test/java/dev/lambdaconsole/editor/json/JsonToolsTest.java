package dev.lambdaconsole.editor.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdaconsole.editor.problems.Diagnostic;
import org.junit.jupiter.api.Test;

class JsonToolsTest {

    @Test
    void validJsonHasNoProblem() {
        assertThat(JsonTools.validate("{\"a\": [1, 2]}")).isEmpty();
    }

    @Test
    void errorCarriesLineAndColumn() {
        Diagnostic d = JsonTools.validate("{\n  \"a\": 1,\n  \"b\" 2\n}").orElseThrow();
        assertThat(d.line()).isEqualTo(3);
        assertThat(d.column()).isEqualTo(7);
        assertThat(d.message()).containsIgnoringCase("expecting a colon");
    }

    @Test
    void trailingGarbageAndEmptyInputAreErrors() {
        assertThat(JsonTools.validate("{} []")).hasValueSatisfying(d -> assertThat(d.column()).isEqualTo(4));
        assertThat(JsonTools.validate("   ")).isPresent();
    }

    @Test
    void formatKeepsKeyOrderAndExactNumbers() throws JsonFormatException {
        String formatted = JsonTools.format("{\"z\":1,\"a\":{\"big\":12345678901234567890.123456789,\"t\":2.50,\"e\":[],\"o\":{}},\"m\":[true,null]}");
        assertThat(formatted).isEqualTo("""
                {
                  "z": 1,
                  "a": {
                    "big": 12345678901234567890.123456789,
                    "t": 2.50,
                    "e": [],
                    "o": {}
                  },
                  "m": [
                    true,
                    null
                  ]
                }
                """);
    }

    @Test
    void formattingInvalidJsonFailsWithThePosition() {
        assertThatThrownBy(() -> JsonTools.format("[1,,2]"))
                .isInstanceOf(JsonFormatException.class)
                .satisfies(e -> assertThat(((JsonFormatException) e).diagnostic().column()).isEqualTo(4));
    }
}
