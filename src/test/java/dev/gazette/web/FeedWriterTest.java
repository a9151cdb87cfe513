package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedWriterTest {

    private static final ZonedDateTime T = ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, ZoneId.of("Africa/Casablanca"));
    private static final String TITLE = "Fish & chips <b>not bold</b> \u0001";

    private static Feed feed() {
        FeedItem a = new FeedItem("https://ex.ma/politique/a/", TITLE, "<p>Lead &amp; more</p>", T, T.plusHours(2),
                List.of("Salma Benali", "Youssef El Amrani"), List.of("Politique", "Maroc"),
                new ImageInfo("https://ex.ma/media/a.jpg", 1200, 675, 34567, "image/jpeg"));
        FeedItem b = new FeedItem("https://ex.ma/sport/b/", "Second", "", T.minusDays(1), null, List.of(), List.of(), null);
        return new Feed("Gazette – R&D", null, "fr", "https://ex.ma/", "https://ex.ma/feed.xml", "https://ex.ma/atom.xml", "Gazette",
                T.plusHours(2), List.of(a, b));
    }

    private static SyndFeed parse(byte[] xml) throws Exception {
        return new SyndFeedInput().build(new InputStreamReader(new ByteArrayInputStream(xml), StandardCharsets.UTF_8));
    }

    @Test
    void rssIsReadByRome() throws Exception {
        byte[] xml = FeedWriter.rss(feed());
        SyndFeed f = parse(xml);
        assertEquals("rss_2.0", f.getFeedType());
        assertEquals("Gazette – R&D", f.getTitle());
        assertEquals("https://ex.ma/", f.getLink());
        assertEquals("fr", f.getLanguage());
        assertEquals(2, f.getEntries().size());
        SyndEntry e = f.getEntries().get(0);
        assertEquals("Fish & chips <b>not bold</b> ", e.getTitle());
        assertEquals("https://ex.ma/politique/a/", e.getLink());
        assertEquals(T.toInstant(), e.getPublishedDate().toInstant());
        assertEquals("<p>Lead &amp; more</p>", e.getDescription().getValue());
        assertEquals(List.of("Politique", "Maroc"), e.getCategories().stream().map(c -> c.getName()).toList());
        assertEquals("image/jpeg", e.getEnclosures().get(0).getType());
        assertEquals(34567, e.getEnclosures().get(0).getLength());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<atom:link href=\"https://ex.ma/feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"), text);
        assertTrue(text.contains("<pubDate>Tue, 9 Sep 2025 18:36:00 +0100</pubDate>"), text);
        assertFalse(text.contains("<b>"), "markup in a title is escaped");
        assertFalse(text.contains("\u0001"), "control characters are dropped");
    }

    @Test
    void atomIsReadByRome() throws Exception {
        byte[] xml = FeedWriter.atom(feed());
        SyndFeed f = parse(xml);
        assertEquals("atom_1.0", f.getFeedType());
        assertEquals(2, f.getEntries().size());
        SyndEntry e = f.getEntries().get(0);
        assertEquals("Fish & chips <b>not bold</b> ", e.getTitle());
        assertEquals("https://ex.ma/politique/a/", e.getLink());
        assertEquals("https://ex.ma/politique/a/", e.getUri());
        assertEquals(T.toInstant(), e.getPublishedDate().toInstant());
        assertEquals(T.plusHours(2).toInstant(), e.getUpdatedDate().toInstant());
        assertEquals(List.of("Salma Benali", "Youssef El Amrani"), e.getAuthors().stream().map(p -> p.getName()).toList());
        assertEquals("<p>Lead &amp; more</p>", e.getDescription().getValue());
        assertEquals(T.plusHours(2).toInstant(), f.getPublishedDate().toInstant());
        String text = new String(xml, StandardCharsets.UTF_8);
        assertTrue(text.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"https://ex.ma/atom.xml\"/>"), text);
        assertTrue(text.contains("<published>2025-09-09T18:36:00+01:00</published>"), text);
        // The second entry is unsigned: the feed-level author covers it, as Atom requires.
        assertTrue(text.contains("<author>\n    <name>Gazette</name>"), text);
    }

    @Test
    void anEmptyFeedIsStillValid() throws Exception {
        Feed empty = new Feed("Gazette", "", "fr", "https://ex.ma/", "https://ex.ma/feed.xml", "https://ex.ma/atom.xml", "Gazette", T, List.of());
        assertEquals(0, parse(FeedWriter.rss(empty)).getEntries().size());
        assertEquals(0, parse(FeedWriter.atom(empty)).getEntries().size());
    }

    @Test
    void outputIsDeterministic() {
        assertTrue(java.util.Arrays.equals(FeedWriter.rss(feed()), FeedWriter.rss(feed())));
        assertTrue(java.util.Arrays.equals(FeedWriter.atom(feed()), FeedWriter.atom(feed())));
    }
}
