package dev.gazette.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class NewsSitemapTest {

    private static final String BASE = SitemapWriterTest.BASE;
    private static final Instant NOW = SitemapWriterTest.T0.toInstant();

    @Test
    void onlyTheLastTwoDaysAreListedWithPublicationNameLanguageDateAndTitle() throws Exception {
        SitemapWriterTest.Files files = new SitemapWriterTest.Files();
        NewsSitemap news = new NewsSitemap(files, BASE, "Gazette & Co", "fr-MA", NOW);
        ZonedDateTime t = SitemapWriterTest.T0;
        assertTrue(news.add(BASE + "a/", "Fresh <news> & more", t.minusHours(1), null));
        assertTrue(news.add(BASE + "b/", "Still fresh", t.minusHours(47), "en"));
        assertFalse(news.add(BASE + "c/", "Too old", t.minusHours(49), null));
        assertEquals(List.of("news-sitemap.xml"), news.finish());

        Document doc = files.xml("news-sitemap.xml");
        assertEquals(List.of(BASE + "a/", BASE + "b/"), SitemapWriterTest.texts(doc, SitemapWriter.NS, "loc"));
        assertEquals(List.of("Gazette & Co", "Gazette & Co"), SitemapWriterTest.texts(doc, NewsSitemap.NEWS_NS, "name"));
        assertEquals(List.of("fr", "en"), SitemapWriterTest.texts(doc, NewsSitemap.NEWS_NS, "language"));
        assertEquals(List.of("Fresh <news> & more", "Still fresh"), SitemapWriterTest.texts(doc, NewsSitemap.NEWS_NS, "title"));
        assertEquals(List.of("2025-09-01T07:00:00+01:00", "2025-08-30T09:00:00+01:00"),
                SitemapWriterTest.texts(doc, NewsSitemap.NEWS_NS, "publication_date"));
        String text = new String(files.written.get("news-sitemap.xml"), StandardCharsets.UTF_8);
        assertTrue(text.contains("Fresh &lt;news&gt; &amp; more"), text);
    }

    @Test
    void moreThanAThousandArticlesAreSplit() throws Exception {
        SitemapWriterTest.Files files = new SitemapWriterTest.Files();
        NewsSitemap news = new NewsSitemap(files, BASE, "Gazette", "fr", NOW);
        for (int i = 0; i < 2_500; i++) {
            news.add(BASE + "a-" + i + "/", "Title " + i, SitemapWriterTest.T0.minusSeconds(i), null);
        }
        assertEquals(List.of("news-sitemap.xml", "news-sitemap-1.xml", "news-sitemap-2.xml", "news-sitemap-3.xml"), news.finish());
        assertEquals("sitemapindex", files.xml("news-sitemap.xml").getDocumentElement().getLocalName());
        assertEquals(1_000, SitemapWriterTest.texts(files.xml("news-sitemap-1.xml"), SitemapWriter.NS, "loc").size());
        assertEquals(500, SitemapWriterTest.texts(files.xml("news-sitemap-3.xml"), SitemapWriter.NS, "loc").size());
    }

    @Test
    void noRecentArticleMeansNoFile() {
        SitemapWriterTest.Files files = new SitemapWriterTest.Files();
        NewsSitemap news = new NewsSitemap(files, BASE, "Gazette", "fr", NOW);
        news.add(BASE + "old/", "Old", SitemapWriterTest.T0.minusDays(3), null);
        assertEquals(List.of(), news.finish());
        assertTrue(files.written.isEmpty());
    }

    @Test
    void languagesAreTheCodesGoogleNewsAccepts() {
        assertEquals("fr", NewsSitemap.newsLanguage("fr-MA"));
        assertEquals("ar", NewsSitemap.newsLanguage("ar"));
        assertEquals("zh-tw", NewsSitemap.newsLanguage("zh-Hant"));
        assertEquals("zh-cn", NewsSitemap.newsLanguage("zh"));
        assertEquals("ber", NewsSitemap.newsLanguage("ber-Tfng"));
    }
}
