package dev.lambdaconsole.app.config;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.Workspace;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Tags, stored in function.json's Tags as TagResource stores them, with Lambda's tag rules: keys of 1–128
 * characters not starting with aws:, values of up to 256, at most 50 tags, letters, digits, spaces and
 * _ . : / = + - @ only.
 */
public final class TagsViewModel extends KeyValueViewModel {
    public static final int MAX_TAGS = 50;
    public static final int MAX_KEY = 128;
    public static final int MAX_VALUE = 256;
    private static final Pattern ALLOWED = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");

    public TagsViewModel(String function, Workspace workspace, TaskRunner tasks) {
        super("Tags", function, workspace, tasks);
    }

    @Override
    protected Map<String, String> stored(FunctionConfig config) {
        return config.tags() == null ? Map.of() : config.tags();
    }

    @Override
    protected String noun() { return "Tag"; }

    @Override
    protected String keyWord() { return "key"; }

    @Override
    protected String check(List<KeyValueRow> rows, Map<String, String> pairs) {
        for (KeyValueRow r : rows) {
            String key = r.key();
            if (key.length() > MAX_KEY) {
                r.problem("key must be at most " + MAX_KEY + " characters (has " + key.length() + ")");
            } else if (key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                r.problem("keys starting with aws: are reserved for AWS");
            } else if (!ALLOWED.matcher(key).matches()) {
                r.problem("key may hold only letters, digits, spaces and _ . : / = + - @");
            } else if (r.value().length() > MAX_VALUE) {
                r.problem("value must be at most " + MAX_VALUE + " characters (has " + r.value().length() + ")");
            } else if (!ALLOWED.matcher(r.value()).matches()) {
                r.problem("value may hold only letters, digits, spaces and _ . : / = + - @");
            }
        }
        return rows.size() > MAX_TAGS
                ? "Too many tags: a function can have at most " + MAX_TAGS + " (this one has " + rows.size() + ")" : "";
    }

    @Override
    protected UnaryOperator<FunctionConfig.Builder> store(Map<String, String> pairs) {
        return b -> b.tags(pairs.isEmpty() ? null : pairs);
    }
}
