package dev.gazette.web;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin layer over a StAX writer that indents, and cleans text of the characters XML 1.0 cannot
 * hold. The StAX writer does the escaping, so a title with {@code &} or {@code <} can never break a
 * feed. Names are written as given ({@code news:title}); the caller declares the namespaces.
 */
final class XmlOut implements AutoCloseable {

    /** The JDK's own implementation, whatever else is on the class path, so output never varies. */
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter w;
    /** For each open element, whether it has child elements (its end tag then goes on its own line). */
    private final Deque<boolean[]> open = new ArrayDeque<>();

    private XmlOut(XMLStreamWriter w) {
        this.w = w;
    }

    /** Starts a UTF-8 document on {@code out}. */
    static XmlOut open(OutputStream out) {
        try {
            // Through a buffered writer: given a stream, the JDK's writer encodes and writes one
            // character at a time, which made the feeds cost as much as the pages.
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    1 << 14));
            w.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            return new XmlOut(w);
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Opens element {@code name} on a new line. */
    XmlOut start(String name) {
        try {
            if (!open.isEmpty()) {
                open.peek()[0] = true;
            }
            w.writeCharacters("\n" + "  ".repeat(open.size()));
            w.writeStartElement(name);
            open.push(new boolean[1]);
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Declares a namespace on the element just opened; {@code prefix} empty for the default one. */
    XmlOut namespace(String prefix, String uri) {
        try {
            if (prefix.isEmpty()) {
                w.writeDefaultNamespace(uri);
            } else {
                w.writeNamespace(prefix, uri);
            }
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    XmlOut attribute(String name, String value) {
        try {
            w.writeAttribute(name, clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Text inside the element just opened. */
    XmlOut text(String value) {
        try {
            w.writeCharacters(clean(value));
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Closes the innermost open element. */
    XmlOut end() {
        try {
            boolean[] children = open.pop();
            if (children[0]) {
                w.writeCharacters("\n" + "  ".repeat(open.size()));
            }
            w.writeEndElement();
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** An element holding only {@code value}. */
    XmlOut leaf(String name, String value) {
        return start(name).text(value).end();
    }

    /** An element with no content and the given attributes (name, value, name, value…). */
    XmlOut empty(String name, String... attributes) {
        try {
            if (!open.isEmpty()) {
                open.peek()[0] = true;
            }
            w.writeCharacters("\n" + "  ".repeat(open.size()));
            w.writeEmptyElement(name);
            for (int i = 0; i + 1 < attributes.length; i += 2) {
                w.writeAttribute(attributes[i], clean(attributes[i + 1]));
            }
            return this;
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Pushes what was written so far to the stream (to measure it). */
    void flush() {
        try {
            w.flush();
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /** Closes every open element, ends the document with a newline and flushes. Does not close the stream. */
    @Override
    public void close() {
        try {
            while (!open.isEmpty()) {
                end();
            }
            w.writeCharacters("\n");
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw new XmlException(e);
        }
    }

    /**
     * {@code text} without the characters XML 1.0 forbids (control characters other than tab, line
     * feed and carriage return; lone surrogates; U+FFFE and U+FFFF), which a pasted title may hold.
     */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
                if (ok) {
                    if (out != null) {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD);
            }
            if (!ok && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            } else if (ok && out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** A StAX failure; with an in-memory stream it means a bug, so it is unchecked. */
    static final class XmlException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        XmlException(XMLStreamException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
