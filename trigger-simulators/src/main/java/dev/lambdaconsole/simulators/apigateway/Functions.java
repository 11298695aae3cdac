package dev.lambdaconsole.simulators.apigateway;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The function an integration or authorizer URI names. */
final class Functions {
    /** {@code arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{function ARN}/invocations}. */
    private static final Pattern INVOCATIONS = Pattern.compile("^arn:aws[a-z-]*:apigateway:[^:]*:lambda:path/"
            + "\\d{4}-\\d{2}-\\d{2}/functions/(.+)/invocations$");
    private static final Pattern FUNCTION_ARN = Pattern.compile("^arn:aws[a-z-]*:lambda:[^:]*:\\d*:function:"
            + "([A-Za-z0-9_-]{1,64})(?::([^:]+))?$");

    private Functions() { }

    /** The function ARN inside an apigateway invocation URI, or the URI itself. */
    static String functionArn(String uri) {
        Matcher m = INVOCATIONS.matcher(uri);
        return m.matches() ? m.group(1) : uri;
    }

    /** The version or alias of a qualified function ARN in the URI, or null ($LATEST). */
    static String qualifierOf(String uri) {
        Matcher m = FUNCTION_ARN.matcher(functionArn(uri));
        return m.matches() && m.group(2) != null && !m.group(2).equals("$LATEST") ? m.group(2) : null;
    }

    /** The function's name, or null when the URI names no function. */
    static String nameOf(String uri) {
        Matcher m = FUNCTION_ARN.matcher(functionArn(uri));
        return m.matches() ? m.group(1) : null;
    }
}
