package dev.gazette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SiteConfigTest {

    @Test
    void defaults() {
        SiteConfig d = SiteConfig.defaults();
        assertEquals("Gazette", d.title());
        assertEquals("", d.description());
        assertEquals("", d.baseUrl());
        assertEquals("fr", d.language());
        assertEquals(ZoneId.of("UTC"), d.timeZone(), "never the machine's zone");
        assertEquals(20, d.pageSize());
        assertEquals(5, d.relatedCount());
        assertEquals(20, d.relatedPageSize());
        assertEquals(12, d.homeLatest());
        assertEquals(4, d.homePerRubric());
        assertEquals(Permalinks.defaults(), d.permalinks());
        assertEquals(Locale.FRENCH, d.locale());
    }

    @Test
    void withBaseUrlAddsTheTrailingSlashAndKeepsEverythingElse() {
        SiteConfig d = SiteConfig.defaults();
        SiteConfig c = d.withBaseUrl(" https://example.org/news ");
        assertEquals("https://example.org/news/", c.baseUrl());
        assertEquals("https://example.org/", d.withBaseUrl("https://example.org/").baseUrl());
        assertEquals("", d.withBaseUrl("").baseUrl());
        assertEquals(d, c.withBaseUrl(""));
    }

    @Test
    void nullDescriptionAndBaseUrlBecomeEmpty() {
        SiteConfig c = new SiteConfig("T", null, null, "en", ZoneId.of("UTC"), 1, 1, 1, 1, 1, Permalinks.defaults(), 50, true, null, 5,
                SiteConfig.DEFAULT_LOGO, null, RelatedSettings.defaults());
        assertEquals("", c.description());
        assertEquals("", c.baseUrl());
        assertEquals(Locale.ENGLISH, c.locale());
    }
}
