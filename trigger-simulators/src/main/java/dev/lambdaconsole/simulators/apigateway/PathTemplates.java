package dev.lambdaconsole.simulators.apigateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matching a request path against route or resource paths such as {@code /items/{id}} and {@code /{proxy+}}: a
 * literal part matches itself, {@code {name}} one part, {@code {name+}} one or more; the most specific match wins
 * (no greedy variable, more literal parts, more parts), as API Gateway chooses.
 */
final class PathTemplates {
    private PathTemplates() { }

    /** The path parameters (decoded) when {@code template} matches {@code rawPath}, else null. */
    static Map<String, String> match(String template, String rawPath) {
        List<String> t = segments(template);
        List<String> p = segments(rawPath);
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < t.size(); i++) {
            String part = t.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i >= p.size()) return null;
                params.put(part.substring(1, part.length() - 2), ProxyRequest.decode(String.join("/", p.subList(i, p.size()))));
                return params;
            }
            if (i >= p.size()) return null;
            if (part.startsWith("{") && part.endsWith("}")) {
                if (p.get(i).isEmpty()) return null;
                params.put(part.substring(1, part.length() - 1), ProxyRequest.decode(p.get(i)));
            } else if (!part.equals(p.get(i)) && !part.equals(ProxyRequest.decode(p.get(i)))) {
                return null;
            }
        }
        return t.size() == p.size() ? params : null;
    }

    /** Higher is more specific. */
    static int specificity(String template) {
        List<String> t = segments(template);
        boolean greedy = !t.isEmpty() && t.get(t.size() - 1).endsWith("+}");
        int literals = 0;
        for (String s : t) if (!s.startsWith("{")) literals++;
        return (greedy ? 0 : 100_000) + literals * 100 + t.size();
    }

    static List<String> segments(String path) {
        List<String> out = new ArrayList<>();
        for (String s : path.split("/")) if (!s.isEmpty()) out.add(s);
        return out;
    }
}
