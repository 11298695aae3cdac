package dev.lambdaconsole.simulators.apigateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdaconsole.runtime.util.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** curl as a user runs it against an API or a Function URL: the status line, headers and body it prints. */
public final class Curl {
    /** One answer: status, headers (lower-case names, in order, repeated ones kept) and body. */
    public record Reply(int status, List<String[]> headers, String body) {
        public String header(String name) {
            for (String[] h : headers) if (h[0].equals(name.toLowerCase(Locale.ROOT))) return h[1];
            return null;
        }

        public List<String> headers(String name) {
            List<String> out = new ArrayList<>();
            for (String[] h : headers) if (h[0].equals(name.toLowerCase(Locale.ROOT))) out.add(h[1]);
            return out;
        }

        public JsonNode json() throws IOException { return Json.MAPPER.readTree(body); }

        /** The event the test function returned in its body. */
        public JsonNode event() throws IOException { return json().get("event"); }
    }

    private Curl() { }

    /** {@code curl -s -i ARGS URL}. */
    public static Reply call(String url, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("curl", "-s", "-i", "--max-time", "60"));
        cmd.addAll(List.of(args));
        cmd.add(url);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(70, TimeUnit.SECONDS)) throw new AssertionError("curl timed out: " + cmd);
        if (p.exitValue() != 0) throw new AssertionError("curl failed (" + p.exitValue() + "): " + cmd + "\n" + out);
        int split = out.indexOf("\r\n\r\n");
        String head = split < 0 ? out : out.substring(0, split);
        String body = split < 0 ? "" : out.substring(split + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        List<String[]> headers = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.add(new String[] {lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim()});
            }
        }
        return new Reply(status, headers, body);
    }
}
