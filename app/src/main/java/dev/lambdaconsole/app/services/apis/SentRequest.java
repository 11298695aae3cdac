package dev.lambdaconsole.app.services.apis;

import java.util.List;

/**
 * A request the sender made and what came back, as the history keeps it.
 *
 * @param url        the URL as typed (what a browser or curl uses)
 * @param sentTo     where the console sent it (the path-style URL for *.localhost hosts)
 * @param status     the HTTP status, 0 when no answer came
 * @param error      why no answer came, "" otherwise
 */
public record SentRequest(long timeEpochMs, String method, String url, String sentTo, List<Header> headers, String body,
                          int status, List<Header> responseHeaders, String responseBody, long durationMs, String error) {
    public record Header(String name, String value) { }

    public SentRequest {
        headers = headers == null ? List.of() : List.copyOf(headers);
        responseHeaders = responseHeaders == null ? List.of() : List.copyOf(responseHeaders);
    }

    /** The history's line, e.g. "GET http://… → 200 (35 ms)". */
    public String summary() {
        return method + " " + url + " → " + (status == 0 ? error : status + " (" + durationMs + " ms)");
    }
}
