package dev.lambdaconsole.editor.problems;

import dev.lambdaconsole.editor.json.JsonTools;
import java.util.List;

/** Reports the first JSON syntax error with Jackson's line and column. */
public final class JsonChecker implements Checker {

    @Override
    public List<Diagnostic> check(String source) {
        return JsonTools.validate(source).stream().toList();
    }
}
