package dev.lambdaconsole.runtime.runtimeapi;

/** What a runtime answered for one invocation. */
public sealed interface RuntimeOutcome {
    /** POST /response: the body is passed through unchanged. */
    record Success(byte[] body, String contentType) implements RuntimeOutcome { }

    /**
     * POST /error, an error trailer on a streamed response, or a condition of the Runtime API itself
     * (response too large, no answer): the body goes to the invoker unchanged.
     */
    record FunctionError(byte[] body, String errorType) implements RuntimeOutcome { }
}
