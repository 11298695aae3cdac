package dev.lambdaconsole.app.versions;

import dev.lambdaconsole.editor.concurrent.TaskRunner;
import dev.lambdaconsole.runtime.workspace.VersioningException;

import java.util.function.UnaryOperator;

/** A refused version or alias operation in Lambda's words: "ResourceConflictException: Unable to delete …". */
final class VersionErrors {
    private VersionErrors() { }

    static String describe(Throwable e, UnaryOperator<String> functionArn) {
        Throwable t = e;
        while (t != null && !(t instanceof VersioningException)) t = t.getCause();
        if (t instanceof VersioningException v) return v.errorType() + ": " + v.message(functionArn);
        return TaskRunner.describe(e);
    }
}
