package dev.lambdaconsole.editor.syntax;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Picks a {@link Language} from a file name and, failing that, from a shebang first line. */
public final class LanguageDetector {

    private static final Pattern SHEBANG = Pattern.compile("^#!\\s*(\\S+)(?:\\s+(\\S+))?");

    private LanguageDetector() {
    }

    public static Language detect(String fileName) {
        return detect(fileName, "");
    }

    public static Language detect(String fileName, String firstLine) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.equals("dockerfile") || name.startsWith("dockerfile.") || name.endsWith(".dockerfile")
                || name.equals("containerfile")) {
            return Language.DOCKERFILE;
        }
        int dot = name.lastIndexOf('.');
        if (dot >= 0) {
            Optional<Language> byExtension = Language.forExtension(name.substring(dot + 1));
            if (byExtension.isPresent()) {
                return byExtension.get();
            }
        }
        return fromShebang(firstLine).orElse(Language.PLAIN_TEXT);
    }

    static Optional<Language> fromShebang(String firstLine) {
        var matcher = SHEBANG.matcher(firstLine == null ? "" : firstLine);
        if (!matcher.find()) {
            return Optional.empty();
        }
        String program = baseName(matcher.group(1));
        if (program.equals("env") && matcher.group(2) != null) {
            program = baseName(matcher.group(2));
        }
        if (program.matches("(ba|z|k|da)?sh")) {
            return Optional.of(Language.SHELL);
        }
        if (program.startsWith("python")) {
            return Optional.of(Language.PYTHON);
        }
        if (program.equals("node")) {
            return Optional.of(Language.JAVASCRIPT);
        }
        if (program.equals("ruby")) {
            return Optional.of(Language.RUBY);
        }
        return Optional.empty();
    }

    private static String baseName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
