package dev.gazette.check;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a feed, a sitemap, any other XML or JSON file, or {@code robots.txt}: it must parse (XML
 * well-formed, JSON strict), and the site's own URLs it lists (sitemap {@code <loc>}s, feed links,
 * enclosures, {@code Sitemap:} lines) must lead to files of the site.
 */
final class DataScan {

    private static final XMLInputFactory XML = xmlFactory();
    private static final Gson GSON = new Gson();
    private static final Pattern SITEMAP_LINE = Pattern.compile("(?im)^\\s*sitemap\\s*:\\s*(\\S+)");

    /**
     * What one file showed.
     *
     * @param findings   what is wrong with it
     * @param references the site's own URLs it lists
     */
    record Facts(List<Finding> findings, int references) {
    }

    private DataScan() {
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        // Well-formedness only: no DTD is fetched, no entity expanded (a feed naming an outside
        // DTD must not make the check reach the network, nor a crafted one exhaust memory).
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        return f;
    }

    static Facts scan(Path root, String path, PageScan.Context ctx) {
        List<String> urls = new ArrayList<>();
        Set<Finding> findings = new LinkedHashSet<>();
        String name = path.toLowerCase(Locale.ROOT);
        Path file = root.resolve(path);
        try {
            if (name.endsWith(".xml")) {
                xml(file, path, urls, findings);
            } else if (name.endsWith(".json")) {
                json(file, path, findings);
            } else {
                // robots.txt: only its ASCII `Sitemap:` lines matter, whatever the encoding of the rest.
                Matcher m = SITEMAP_LINE.matcher(Files.readString(file, StandardCharsets.ISO_8859_1));
                while (m.find()) {
                    urls.add(m.group(1));
                }
            }
        } catch (IOException | RuntimeException e) {
            findings.add(new Finding(Finding.Kind.UNREADABLE_FILE, path, "", "cannot read it: " + e.getMessage()));
        }
        int references = 0;
        for (String url : urls) {
            LinkTable.Resolved resolved = ctx.links().resolve(path, url);
            SiteAddress.Target target = resolved.target();
            if (target instanceof SiteAddress.Internal internal) {
                references++;
                if (resolved.file() == null) {
                    findings.add(new Finding(Finding.Kind.BROKEN_LINK, path, url, ctx.links().missing(internal.path())));
                }
            } else if (target instanceof SiteAddress.Invalid invalid) {
                findings.add(new Finding(Finding.Kind.BROKEN_LINK, path, url, invalid.reason()));
            }
        }
        return new Facts(List.copyOf(findings), references);
    }

    private static void xml(Path file, String path, List<String> urls, Set<Finding> findings) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            try {
                // The text of a <loc> or an RSS <link>, gathered until its end tag; an element
                // inside it (never in a feed) just adds nothing.
                StringBuilder text = null;
                int depth = 0;
                int textDepth = -1;
                while (r.hasNext()) {
                    int event = r.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (text == null) {
                            String url = attributeUrl(r);
                            if (url != null) {
                                urls.add(url);
                            } else if (holdsUrl(r)) {
                                text = new StringBuilder();
                                textDepth = depth;
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        if (text != null && depth == textDepth) {
                            urls.add(text.toString().strip());
                            text = null;
                        }
                        depth--;
                    } else if (text != null && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)) {
                        text.append(r.getText());
                    }
                }
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String where = at == null || at.getLineNumber() < 0 ? "" : "line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ": ";
            findings.add(new Finding(Finding.Kind.UNREADABLE_FILE, path, "", "not well-formed XML: " + where + message(e)));
        }
    }

    private static void json(Path file, String path, Set<Finding> findings) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader r = new JsonReader(in)) {
            r.setStrictness(Strictness.STRICT);
            GSON.getAdapter(JsonElement.class).read(r);
            if (r.peek() != JsonToken.END_DOCUMENT) {
                findings.add(new Finding(Finding.Kind.UNREADABLE_FILE, path, "", "not valid JSON: more after the first value"));
            }
        } catch (com.google.gson.JsonParseException | com.google.gson.stream.MalformedJsonException | java.io.EOFException
                 | IllegalStateException | java.nio.charset.MalformedInputException e) {
            findings.add(new Finding(Finding.Kind.UNREADABLE_FILE, path, "", "not valid JSON: " + e.getMessage()));
        }
    }

    /** The URL an element holds in an attribute: an Atom or sitemap-alternate link's {@code href}, an RSS enclosure's {@code url}. */
    private static String attributeUrl(XMLStreamReader r) {
        return switch (r.getLocalName()) {
            case "link" -> r.getAttributeValue(null, "href");
            case "enclosure" -> r.getAttributeValue(null, "url");
            default -> null;
        };
    }

    /** Whether the element's text is a URL: a sitemap's (or image sitemap's) {@code <loc>}, an RSS {@code <link>}. */
    private static boolean holdsUrl(XMLStreamReader r) {
        String ns = r.getNamespaceURI();
        return r.getLocalName().equals("loc") || (r.getLocalName().equals("link") && (ns == null || ns.isEmpty()));
    }

    /** The parser's own message without the location it repeats ("ParseError at [row,col]:[3,5]\nMessage: …"). */
    private static String message(XMLStreamException e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int at = m.indexOf("Message:");
        return (at >= 0 ? m.substring(at + "Message:".length()) : m).strip();
    }
}
