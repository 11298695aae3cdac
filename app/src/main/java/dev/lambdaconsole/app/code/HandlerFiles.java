package dev.lambdaconsole.app.code;

import dev.lambdaconsole.runtime.model.FunctionConfig;
import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The file a handler setting points at (lambda_function.py for lambda_function.lambda_handler, ...). */
final class HandlerFiles {
    private HandlerFiles() { }

    static Optional<Path> locate(Path dir, FunctionConfig config) throws IOException {
        String handler = config.handler();
        Optional<LambdaRuntime> runtime = config.runtime() == null ? Optional.empty() : LambdaRuntime.byId(config.runtime());
        if (handler == null || handler.isBlank() || runtime.isEmpty()) return Optional.empty();
        List<String> candidates = switch (runtime.get().family()) {
            case PYTHON -> List.of(beforeLast(handler).replace('.', '/') + ".py");
            case NODE -> List.of(beforeLast(handler) + ".mjs", beforeLast(handler) + ".js", beforeLast(handler) + ".cjs");
            case RUBY -> List.of(handler.substring(0, Math.max(0, handler.indexOf('.'))) + ".rb");
            case PROVIDED -> List.of("bootstrap");
            case JAVA, DOTNET -> List.of();
        };
        for (String candidate : candidates) {
            Path file = dir.resolve(candidate).normalize();
            if (file.startsWith(dir) && Files.isRegularFile(file)) return Optional.of(file);
        }
        if (runtime.get().family() == LambdaRuntime.Family.JAVA) {
            String source = "/" + handler.split("::")[0].replace('.', '/') + ".java";
            return CodeFolders.files(dir, rel -> ("/" + rel).endsWith(source)).values().stream().findFirst();
        }
        return Optional.empty();
    }

    private static String beforeLast(String handler) {
        int dot = handler.lastIndexOf('.');
        return dot < 0 ? handler : handler.substring(0, dot);
    }
}
