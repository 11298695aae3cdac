package dev.lambdaconsole.simulators.mappings;

/**
 * A function as the event source mapping API names it: a name, a partial ARN ({@code 123456789012:function:f})
 * or a full ARN, each with an optional qualifier.
 */
record FunctionRef(String name, String qualifier) {
    static FunctionRef parse(String nameOrArn) {
        String s = nameOrArn == null ? "" : nameOrArn;
        String rest;
        if (s.startsWith("arn:")) {
            String[] p = s.split(":");
            if (p.length < 7 || !p[2].equals("lambda") || !p[5].equals("function")) return new FunctionRef(s, null);
            return new FunctionRef(p[6], p.length > 7 ? p[7] : null);
        } else if (s.matches("\\d{12}:function:.+")) {
            rest = s.substring(s.indexOf(":function:") + 10);
        } else {
            rest = s;
        }
        int colon = rest.indexOf(':');
        return colon < 0 ? new FunctionRef(rest, null) : new FunctionRef(rest.substring(0, colon), rest.substring(colon + 1));
    }

    boolean latest() { return qualifier == null || qualifier.equals("$LATEST"); }
}
