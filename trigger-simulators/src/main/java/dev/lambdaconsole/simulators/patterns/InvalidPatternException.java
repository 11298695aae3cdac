package dev.lambdaconsole.simulators.patterns;

import dev.lambdaconsole.runtime.gateway.AwsServiceException;

/**
 * A pattern the service refuses, as that service reports it (400, its error code and message). {@link #reason()}
 * keeps the specific rule even where AWS answers a generic message (Lambda), for the console's pattern tester.
 */
public final class InvalidPatternException extends AwsServiceException {
    private final transient Dialect dialect;
    private final String reason;

    InvalidPatternException(Dialect dialect, String reason) {
        super(400, dialect.errorCode(), dialect.message(reason));
        this.dialect = dialect;
        this.reason = reason;
    }

    public Dialect dialect() { return dialect; }

    /** Which rule the pattern broke, e.g. {@code "amount" must be an object or an array}. */
    public String reason() { return reason; }
}
