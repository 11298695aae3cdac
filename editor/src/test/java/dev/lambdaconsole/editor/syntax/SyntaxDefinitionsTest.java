package dev.lambdaconsole.editor.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SyntaxDefinitionsTest {

    @ParameterizedTest
    @EnumSource(value = Language.class, names = "PLAIN_TEXT", mode = EnumSource.Mode.EXCLUDE)
    void everyRuleStyleHasColoursInTheLanguageSheetAndBothSchemes(Language language) throws IOException {
        SyntaxDefinition definition = SyntaxDefinitions.definition(language);
        assertThat(definition.rules()).isNotEmpty();
        String css = read("/dev/lambdaconsole/editor/syntax/" + language.id() + ".css");
        String light = read("/dev/lambdaconsole/editor/editor-light.css");
        String dark = read("/dev/lambdaconsole/editor/editor-dark.css");
        for (SyntaxRule rule : definition.rules()) {
            assertThat(css).contains(".lang-" + language.id() + " .text." + rule.style() + " ");
            assertThat(light).contains("-syntax-" + rule.style() + ":");
            assertThat(dark).contains("-syntax-" + rule.style() + ":");
        }
        assertThat(SyntaxDefinitions.highlighter(language)).isNotNull();
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = SyntaxDefinitionsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
