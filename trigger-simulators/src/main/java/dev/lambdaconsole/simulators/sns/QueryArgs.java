package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.ServiceRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parameters of an AWS Query request (a form body, or the query string), with the protocol's shapes for
 * lists ({@code Name.member.N}) and maps ({@code Name.entry.N.key} / {@code .value}, or the member's own names).
 */
final class QueryArgs {
    private final Map<String, String> values;

    QueryArgs(Map<String, String> values) { this.values = values; }

    /** The form body's parameters, or the query string's when there is no form. */
    static QueryArgs of(ServiceRequest request) {
        Map<String, String> out = new LinkedHashMap<>();
        ServiceRequest.parseForm(request.rawQuery()).forEach((k, v) -> out.put(k, v.get(0)));
        if (request.body().length > 0) {
            ServiceRequest.parseForm(request.bodyText()).forEach((k, v) -> out.put(k, v.get(0)));
        }
        return new QueryArgs(out);
    }

    String get(String name) { return values.get(name); }

    boolean has(String name) { return values.containsKey(name); }

    /** The sub-parameters under {@code prefix.}, as their own arguments. */
    QueryArgs under(String prefix) {
        Map<String, String> out = new LinkedHashMap<>();
        String p = prefix + ".";
        values.forEach((k, v) -> {
            if (k.startsWith(p)) out.put(k.substring(p.length()), v);
        });
        return new QueryArgs(out);
    }

    /** {@code Name.member.1...}: each member's arguments, in index order. */
    List<QueryArgs> members(String name) { return indexed(name + ".member"); }

    /** {@code Name.member.N} as plain values. */
    List<String> memberValues(String name) {
        TreeMap<Integer, String> byIndex = new TreeMap<>();
        String p = name + ".member.";
        values.forEach((k, v) -> {
            if (k.startsWith(p)) {
                Integer i = index(k.substring(p.length()));
                if (i != null) byIndex.put(i, v);
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    /** A map {@code Name.entry.N.<keyName>} / {@code .<valueName>} with plain values. */
    Map<String, String> map(String name, String keyName, String valueName) {
        Map<String, String> out = new LinkedHashMap<>();
        for (QueryArgs e : indexed(name + ".entry")) {
            String key = e.get(keyName);
            if (key != null) out.put(key, e.get(valueName) == null ? "" : e.get(valueName));
        }
        return out;
    }

    /** A map whose values are structures: {@code Name.entry.N.<keyName>} and {@code .<valueName>.Member}. */
    Map<String, QueryArgs> structMap(String name, String keyName, String valueName) {
        Map<String, QueryArgs> out = new LinkedHashMap<>();
        for (QueryArgs e : indexed(name + ".entry")) {
            String key = e.get(keyName);
            if (key != null) out.put(key, e.under(valueName));
        }
        return out;
    }

    private List<QueryArgs> indexed(String prefix) {
        TreeMap<Integer, Map<String, String>> byIndex = new TreeMap<>();
        String p = prefix + ".";
        values.forEach((k, v) -> {
            if (!k.startsWith(p)) return;
            String rest = k.substring(p.length());
            int dot = rest.indexOf('.');
            Integer i = index(dot < 0 ? rest : rest.substring(0, dot));
            if (i == null || dot < 0) return;
            byIndex.computeIfAbsent(i, x -> new LinkedHashMap<>()).put(rest.substring(dot + 1), v);
        });
        List<QueryArgs> out = new ArrayList<>();
        byIndex.values().forEach(m -> out.add(new QueryArgs(m)));
        return out;
    }

    private static Integer index(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Whether any parameter starts with {@code prefix.} (a list or map was sent, maybe empty of entries). */
    boolean hasUnder(String prefix) {
        String p = prefix + ".";
        return values.keySet().stream().anyMatch(k -> k.startsWith(p) || k.equals(prefix));
    }
}
