package dev.lambdaconsole.simulators.functionurls;

/**
 * A function's URL as the console lists it.
 *
 * @param url          {@code http://{urlId}.lambda-url.{region}.localhost:{port}/}, as a browser or curl reaches it
 * @param pathStyleUrl {@code http://127.0.0.1:{port}/_aws/lambda-url/{urlId}/}
 * @param authType     NONE or AWS_IAM
 */
public record LocalFunctionUrl(String functionName, String url, String pathStyleUrl, String authType) { }
