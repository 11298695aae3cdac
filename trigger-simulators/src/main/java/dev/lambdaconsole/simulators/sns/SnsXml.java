package dev.lambdaconsole.simulators.sns;

import dev.lambdaconsole.runtime.gateway.protocol.Xml;

import java.util.Map;

/** An SNS Query reply: {@code <OpResponse><OpResult>…</OpResult><ResponseMetadata>…}. */
final class SnsXml {
    static final String NAMESPACE = "http://sns.amazonaws.com/doc/2010-03-31/";
    private final StringBuilder result = new StringBuilder();

    SnsXml element(String name, String value) {
        if (value == null) return this;
        result.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
        return this;
    }

    SnsXml open(String name) {
        result.append('<').append(name).append('>');
        return this;
    }

    SnsXml close(String name) {
        result.append("</").append(name).append('>');
        return this;
    }

    /** A map as {@code <name><entry><key/><value/></entry>…</name>}. */
    SnsXml map(String name, Map<String, String> entries) {
        open(name);
        entries.forEach((k, v) -> open("entry").element("key", k).element("value", v).close("entry"));
        return close(name);
    }

    /** The whole reply of {@code operation}; operations without a result have only the metadata. */
    String reply(String operation, String requestId, boolean hasResult) {
        StringBuilder out = new StringBuilder("<?xml version=\"1.0\"?>\n<").append(operation)
                .append("Response xmlns=\"").append(NAMESPACE).append("\">");
        if (hasResult) out.append('<').append(operation).append("Result>").append(result)
                .append("</").append(operation).append("Result>");
        out.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata></")
                .append(operation).append("Response>\n");
        return out.toString();
    }

    /** Element text: {@code < > &} as entities, and quotes and CR too (a JSON policy keeps its characters). */
    static String escape(String s) {
        String x = Xml.escape(s);
        StringBuilder out = new StringBuilder(x.length());
        for (int i = 0; i < x.length(); i++) {
            char c = x.charAt(i);
            switch (c) {
                case '"' -> out.append("&quot;");
                case '\r' -> out.append("&#13;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
