package dev.gazette.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class SitemapWriterTest {

    static final String BASE = "https://news.example.org/fr/";
    static final ZonedDateTime T0 = ZonedDateTime.of(2025, 9, 1, 8, 0, 0, 0, ZoneId.of("Africa/Casablanca"));

    /** Keeps what a writer writes, in order. */
    static final class Files implements Sink {
        final Map<String, byte[]> written = new LinkedHashMap<>();

        @Override
        public synchronized void write(String relative, byte[] content) {
            assertFalse(written.containsKey(relative), "written twice: " + relative);
            written.put(relative, content);
        }

        Document xml(String name) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(written.get(name)));
        }
    }

    static List<String> texts(Document doc, String ns, String local) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, local);
        List<String> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void aSmallSiteIsOneUrlset() throws Exception {
        Files files = new Files();
        SitemapWriter w = SitemapWriter.standard(files, BASE);
        w.url(BASE, T0);
        w.url(BASE + "politique/a-b/", T0.minusDays(1));
        w.url(BASE + "tags/x/", null);
        assertEquals(List.of("sitemap.xml"), w.finish());
        Document doc = files.xml("sitemap.xml");
        Element root = doc.getDocumentElement();
        assertEquals("urlset", root.getLocalName());
        assertEquals(SitemapWriter.NS, root.getNamespaceURI());
        assertEquals(List.of(BASE, BASE + "politique/a-b/", BASE + "tags/x/"), texts(doc, SitemapWriter.NS, "loc"));
        assertEquals(List.of("2025-09-01T08:00:00+01:00", "2025-08-31T08:00:00+01:00"), texts(doc, SitemapWriter.NS, "lastmod"));
    }

    @Test
    void nothingIsWrittenForNoUrl() {
        Files files = new Files();
        assertEquals(List.of(), SitemapWriter.standard(files, BASE).finish());
        assertTrue(files.written.isEmpty());
    }

    @Test
    void tooLongOrRelativeUrlsAreLeftOut() throws Exception {
        Files files = new Files();
        SitemapWriter w = SitemapWriter.standard(files, BASE);
        w.url("relative/", T0);
        w.url(BASE + "x".repeat(SitemapWriter.MAX_URL_LENGTH), T0);
        w.url(BASE, T0);
        w.finish();
        assertEquals(List.of(BASE), texts(files.xml("sitemap.xml"), SitemapWriter.NS, "loc"));
    }

    /** The corpus: 120,000 entries become three parts of at most 50,000 under an index. */
    @Test
    void oneHundredTwentyThousandUrlsAreSplitUnderAnIndex() throws Exception {
        Files files = new Files();
        SitemapWriter w = SitemapWriter.standard(files, BASE);
        long start = System.nanoTime();
        for (int i = 0; i < 120_000; i++) {
            w.url(BASE + "politique/article-" + i + "/", T0.minusMinutes(i));
        }
        List<String> written = w.finish();
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("120,000 sitemap entries written in " + millis + " ms");
        assertEquals(List.of("sitemap.xml", "sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"), written);
        assertEquals(120_000, w.urls());

        Document index = files.xml("sitemap.xml");
        assertEquals("sitemapindex", index.getDocumentElement().getLocalName());
        assertEquals(List.of(BASE + "sitemap-1.xml", BASE + "sitemap-2.xml", BASE + "sitemap-3.xml"), texts(index, SitemapWriter.NS, "loc"));
        // Each part is dated by its newest entry.
        assertEquals(List.of("2025-09-01T08:00:00+01:00", FeedWriter.iso(T0.minusMinutes(50_000)), FeedWriter.iso(T0.minusMinutes(100_000))),
                texts(index, SitemapWriter.NS, "lastmod"));

        int total = 0;
        for (int part = 1; part <= 3; part++) {
            byte[] bytes = files.written.get("sitemap-" + part + ".xml");
            assertTrue(bytes.length <= SitemapWriter.MAX_BYTES);
            List<String> locs = texts(files.xml("sitemap-" + part + ".xml"), SitemapWriter.NS, "loc");
            assertEquals(part < 3 ? 50_000 : 20_000, locs.size());
            assertEquals(BASE + "politique/article-" + total + "/", locs.get(0));
            total += locs.size();
        }
        assertEquals(120_000, total);
    }

    @Test
    void aPartIsClosedBeforeItPassesTheByteLimit() throws Exception {
        Files files = new Files();
        long limit = 64 * 1024;
        SitemapWriter w = new SitemapWriter(files, BASE, "sitemap", SitemapWriter.MAX_URLS, limit, Map.of());
        for (int i = 0; i < 2_000; i++) {
            w.url(BASE + "culture/" + "long-slug-".repeat(5) + i + "/", T0);
        }
        List<String> written = w.finish();
        assertTrue(written.size() > 3, written::toString);
        assertEquals("sitemap.xml", written.get(0));
        int total = 0;
        for (String name : written.subList(1, written.size())) {
            assertTrue(files.written.get(name).length <= limit, name + " has " + files.written.get(name).length + " bytes");
            total += texts(files.xml(name), SitemapWriter.NS, "loc").size();
        }
        assertEquals(2_000, total);
    }

    @Test
    void titlesAndUrlsAreEscaped() throws Exception {
        Files files = new Files();
        SitemapWriter w = SitemapWriter.standard(files, BASE);
        w.url(BASE + "search/?q=a&b=<c>", T0);
        w.finish();
        String text = new String(files.written.get("sitemap.xml"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("q=a&amp;b=&lt;c&gt;"), text);
        assertEquals(List.of(BASE + "search/?q=a&b=<c>"), texts(files.xml("sitemap.xml"), SitemapWriter.NS, "loc"));
    }
}
