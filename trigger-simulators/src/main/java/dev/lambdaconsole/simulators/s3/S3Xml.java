package dev.lambdaconsole.simulators.s3;

import dev.lambdaconsole.runtime.gateway.protocol.Xml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** S3's XML: replies written element by element, request bodies read with the JDK's parser (no DTDs). */
final class S3Xml {
    static final String NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder(256);

    private S3Xml(String root) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<").append(root).append(" xmlns=\"").append(NS).append("\">");
    }

    static S3Xml root(String name) { return new S3Xml(name); }

    S3Xml open(String name) {
        out.append('<').append(name).append('>');
        return this;
    }

    S3Xml close(String name) {
        out.append("</").append(name).append('>');
        return this;
    }

    /** {@code <name>value</name>}, skipped when value is null. */
    S3Xml el(String name, Object value) {
        if (value == null) return this;
        out.append('<').append(name).append('>').append(escape(String.valueOf(value))).append("</").append(name).append('>');
        return this;
    }

    byte[] end(String root) {
        out.append("</").append(root).append(">");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String escape(String s) {
        return Xml.escape(s).replace("\"", "&quot;").replace("\r", "&#13;");
    }

    static String time(long millis) { return ISO_MILLIS.format(Instant.ofEpochMilli(millis)); }

    /** The body as a document; MalformedXML when it is not XML. */
    static Element parse(byte[] body) {
        if (body.length == 0) throw S3Exception.malformedXml();
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            Document d = b.parse(new ByteArrayInputStream(body));
            return d.getDocumentElement();
        } catch (Exception e) {
            throw S3Exception.malformedXml();
        }
    }

    /** The child elements of {@code parent} named {@code name} (namespace ignored). */
    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        if (parent == null) return out;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element child(Element parent, String name) {
        List<Element> c = children(parent, name);
        return c.isEmpty() ? null : c.get(0);
    }

    /** The text of the first child named {@code name}, or null. */
    static String text(Element parent, String name) {
        Element c = child(parent, name);
        return c == null ? null : c.getTextContent();
    }

    static String localName(Element e) { return e.getLocalName() == null ? e.getTagName() : e.getLocalName(); }
}
