package dev.gazette.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sergueï Lavrov|serguei-lavrov",
            "Maroc-Russie: les partenariats stratégiques|maroc-russie-les-partenariats-strategiques",
            "  Économie  |economie",
            "L’œuvre d’Ærø|l-oeuvre-d-aero",
            "Straße|strasse",
            "Łódź|lodz",
            "İstanbul|istanbul",
            "COVID-19|covid-19",
            "a -- b|a-b",
            "2025|2025",
    })
    void transliteratesAndJoinsWordsWithHyphens(String text, String slug) {
        assertEquals(slug, Slugs.of(text));
    }

    @Test
    void textWithoutLetterOrDigitHasAnEmptySlug() {
        assertEquals("", Slugs.of("!!! — ???"));
        assertEquals("", Slugs.of(""));
    }

    @Test
    void everySlugItMakesIsValid() {
        for (String text : new String[] {"Sergueï Lavrov", "  -x- ", "Mañana, à 18h36!", "ÆØÅ ß þ"}) {
            String slug = Slugs.of(text);
            assertTrue(Slugs.isValid(slug), slug);
        }
    }

    @Test
    void titleSlugIsCutAtAWordBoundary() {
        assertEquals("le-partenariat", Slugs.ofTitle("Le partenariat stratégique approfondi", 20));
        assertEquals("le-partenariat-strategique", Slugs.ofTitle("Le partenariat stratégique approfondi", 26));
        assertEquals("le-partenariat-strategique-approfondi", Slugs.ofTitle("Le partenariat stratégique approfondi", 80));
    }

    @Test
    void titleSlugOfOneLongWordIsCutAtTheLimit() {
        assertEquals("anticonst", Slugs.ofTitle("Anticonstitutionnellement", 9));
    }

    @Test
    void titleSlugNeverExceedsTheLimitNorEndsWithAHyphen() {
        String title = "Un titre très long, avec beaucoup de mots, pour voir où la coupe se fait exactement";
        for (int max = 1; max <= 90; max++) {
            String slug = Slugs.ofTitle(title, max);
            assertTrue(slug.length() <= max, max + ": " + slug);
            assertTrue(Slugs.isValid(slug), max + ": " + slug);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "serguei-lavrov", "covid-19", "2025"})
    void validSlugs(String slug) {
        assertTrue(Slugs.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "Maroc", "économie", "a b", "a/b", "../x", "a_b"})
    void invalidSlugs(String slug) {
        assertFalse(Slugs.isValid(slug));
    }
}
