package dev.lambdaconsole.app.create;

import dev.lambdaconsole.runtime.model.LambdaRuntime;

import java.util.Map;

/** Starter code for a new function, per language family: its files and its handler. */
public record Blueprint(String id, String title, String description, Map<LambdaRuntime.Family, Code> code) {
    public record Code(String handler, Map<String, String> files) { }

    public boolean supports(LambdaRuntime runtime) { return code.containsKey(runtime.family()); }

    public Code codeFor(LambdaRuntime runtime) {
        Code c = code.get(runtime.family());
        if (c == null) throw new IllegalArgumentException(title + " has no " + runtime.family() + " version");
        return c;
    }

    @Override
    public String toString() { return title; }
}
