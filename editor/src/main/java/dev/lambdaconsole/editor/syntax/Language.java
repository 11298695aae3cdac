package dev.lambdaconsole.editor.syntax;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the editor knows. Each one (except {@link #PLAIN_TEXT}) has its rules in the
 * resource {@code syntax/<id>.json} and its colours in {@code syntax/<id>.css}.
 */
public enum Language {
    PYTHON("python", "Python", List.of("py", "pyw", "pyi")),
    JAVASCRIPT("javascript", "JavaScript", List.of("js", "mjs", "cjs", "jsx")),
    TYPESCRIPT("typescript", "TypeScript", List.of("ts", "mts", "cts", "tsx")),
    JAVA("java", "Java", List.of("java")),
    RUBY("ruby", "Ruby", List.of("rb", "rake", "gemspec")),
    GO("go", "Go", List.of("go")),
    JSON("json", "JSON", List.of("json")),
    YAML("yaml", "YAML", List.of("yaml", "yml")),
    SHELL("shell", "Shell", List.of("sh", "bash", "zsh")),
    DOCKERFILE("dockerfile", "Dockerfile", List.of("dockerfile")),
    PLAIN_TEXT("plain", "Plain text", List.of("txt"));

    private final String id;
    private final String displayName;
    private final List<String> extensions;

    Language(String id, String displayName, List<String> extensions) {
        this.id = id;
        this.displayName = displayName;
        this.extensions = extensions;
    }

    public String id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }

    public boolean hasSyntaxRules() {
        return this != PLAIN_TEXT;
    }

    static Optional<Language> forExtension(String extension) {
        String ext = extension.toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (language.extensions.contains(ext)) {
                return Optional.of(language);
            }
        }
        return Optional.empty();
    }
}
