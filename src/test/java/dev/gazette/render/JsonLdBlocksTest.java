package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gazette.cache.Fingerprint;
import dev.gazette.web.JsonLd;
import dev.gazette.web.NewsArticleFacts;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonLdBlocksTest {

    private static final ZonedDateTime T = ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, ZoneId.of("Africa/Casablanca"));

    private static NewsArticleFacts facts(String title) {
        return new NewsArticleFacts("https://ex.ma/politique/a/", title, "Le chapô", T, T.plusHours(2),
                List.of(new NewsArticleFacts.Author("Salma Benali", "https://ex.ma/auteurs/salma-benali/", false)), null,
                "Politique", List.of("Maroc", "Sergueï Lavrov"), "fr", "Gazette", "https://ex.ma/", null);
    }

    private static List<JsonLd.Crumb> trail(String title) {
        return List.of(new JsonLd.Crumb("Gazette", "https://ex.ma/"), new JsonLd.Crumb("Politique", "https://ex.ma/rubriques/politique/"),
                new JsonLd.Crumb(title, "https://ex.ma/politique/a/"));
    }

    @Test
    void theBlocksAreTheJsonOfTheirFacts() {
        JsonLdBlocks blocks = new JsonLdBlocks(facts("Sergueï Lavrov à Rabat"), trail("Sergueï Lavrov à Rabat"));
        assertEquals(List.of(JsonLd.newsArticle(facts("Sergueï Lavrov à Rabat")), JsonLd.breadcrumbs(trail("Sergueï Lavrov à Rabat"))), blocks);
        assertEquals(2, blocks.size());
    }

    @Test
    void aPageWithTheBlocksIsFingerprintedByTheirFactsAndAnyChangeShows() {
        String a = Fingerprint.of("ctx", Map.of("jsonLd", new JsonLdBlocks(facts("Titre"), trail("Titre")))).orElseThrow();
        String same = Fingerprint.of("ctx", Map.of("jsonLd", new JsonLdBlocks(facts("Titre"), trail("Titre")))).orElseThrow();
        assertEquals(a, same);
        assertNotEquals(a, Fingerprint.of("ctx", Map.of("jsonLd", new JsonLdBlocks(facts("Titre"), trail("Autre titre")))).orElseThrow());
        assertNotEquals(a, Fingerprint.of("ctx", Map.of("jsonLd", new JsonLdBlocks(facts("Autre titre"), trail("Titre")))).orElseThrow());
    }
}
