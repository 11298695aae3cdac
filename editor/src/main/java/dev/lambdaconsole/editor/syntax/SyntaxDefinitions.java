package dev.lambdaconsole.editor.syntax;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.EnumMap;
import java.util.Map;

/** Loads and caches the {@code syntax/<id>.json} definitions and their compiled highlighters. */
public final class SyntaxDefinitions {

    private static final String BASE = "/dev/lambdaconsole/editor/syntax/";
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    private static final Map<Language, SyntaxDefinition> DEFINITIONS = new EnumMap<>(Language.class);
    private static final Map<Language, Highlighter> HIGHLIGHTERS = new EnumMap<>(Language.class);

    private SyntaxDefinitions() {
    }

    public static synchronized SyntaxDefinition definition(Language language) {
        return DEFINITIONS.computeIfAbsent(language, SyntaxDefinitions::load);
    }

    public static synchronized Highlighter highlighter(Language language) {
        return HIGHLIGHTERS.computeIfAbsent(language, l -> new RegexHighlighter(definition(l).rules()));
    }

    /** The language's stylesheet URL, or {@code null} for plain text. */
    public static String stylesheet(Language language) {
        URL url = SyntaxDefinitions.class.getResource(BASE + language.id() + ".css");
        return url == null ? null : url.toExternalForm();
    }

    private static SyntaxDefinition load(Language language) {
        if (!language.hasSyntaxRules()) {
            return SyntaxDefinition.plainText();
        }
        String resource = BASE + language.id() + ".json";
        try (InputStream in = SyntaxDefinitions.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing syntax resource " + resource);
            }
            return MAPPER.readValue(in, SyntaxDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
