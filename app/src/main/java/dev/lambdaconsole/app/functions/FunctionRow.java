package dev.lambdaconsole.app.functions;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.workspace.FunctionEntry;

/** One line of the functions table; {@code error} is set for a function whose files cannot be read. */
public record FunctionRow(String name, String description, String runtime, String architecture, int memoryMb,
                          long codeSize, String lastModified, String error) {

    static FunctionRow of(FunctionEntry entry) {
        if (entry.config().isEmpty()) {
            return new FunctionRow(entry.name(), "", "", "", 0, 0, "", entry.error().orElse("unreadable"));
        }
        FunctionConfig c = entry.config().get();
        return new FunctionRow(c.functionName(), c.description() == null ? "" : c.description(),
                c.runtime() == null ? "Image" : c.runtime(), c.architectureOrDefault(), c.memoryOrDefault(),
                c.codeSize() == null ? 0 : c.codeSize(), c.lastModified() == null ? "" : c.lastModified(), null);
    }

    boolean matches(String filter) {
        if (filter == null || filter.isBlank()) return true;
        String f = filter.trim().toLowerCase(java.util.Locale.ROOT);
        return name.toLowerCase(java.util.Locale.ROOT).contains(f) || runtime.contains(f)
                || description.toLowerCase(java.util.Locale.ROOT).contains(f);
    }

    /** Code size as the console shows it: "1.2 kB", "3.4 MB". */
    public String codeSizeText() {
        if (codeSize < 1024) return codeSize + " bytes";
        if (codeSize < 1024 * 1024) return String.format(java.util.Locale.ROOT, "%.1f kB", codeSize / 1024.0);
        return String.format(java.util.Locale.ROOT, "%.1f MB", codeSize / (1024.0 * 1024.0));
    }
}
