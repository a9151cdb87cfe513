package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DateLabelsTest {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    /** 18:36 in Casablanca, given in another zone: labels must convert. */
    private static final ZonedDateTime T = ZonedDateTime.parse("2025-09-09T17:36:00Z[UTC]");

    @Test
    void french() {
        DateLabels labels = new DateLabels(Locale.FRENCH, CASABLANCA);
        assertEquals("Le 09/09/2025 à 18h36", labels.dateline(T));
        assertEquals("9 septembre 2025", labels.day(T));
        assertEquals("2025-09-09T18:36:00+01:00", labels.iso(T));
    }

    @Test
    void frenchOfARegionAndAMorningHour() {
        DateLabels labels = new DateLabels(Locale.forLanguageTag("fr-MA"), CASABLANCA);
        ZonedDateTime morning = ZonedDateTime.of(2025, 2, 1, 7, 5, 0, 0, CASABLANCA);
        assertEquals("Le 01/02/2025 à 07h05", labels.dateline(morning));
        assertEquals("1er février 2025", labels.day(morning), "the first of the month is an ordinal in French");
    }

    @Test
    void aDayWithoutATimeShowsNoMidnight() {
        ZonedDateTime midnight = ZonedDateTime.of(2025, 9, 1, 0, 0, 0, 0, CASABLANCA);
        DateLabels fr = new DateLabels(Locale.FRENCH, CASABLANCA);
        assertEquals("Le 01/09/2025", fr.dateline(midnight, true));
        assertEquals("Le 01/09/2025 à 00h00", fr.dateline(midnight, false), "a midnight the editor wrote is shown");
        assertEquals("1er septembre 2025", fr.day(midnight));
        assertEquals("2 septembre 2025", fr.day(midnight.plusDays(1)));
        DateLabels en = new DateLabels(Locale.ENGLISH, CASABLANCA);
        assertEquals("September 1, 2025", en.dateline(midnight, true));
        assertEquals("September 1, 2025", en.day(midnight), "no ordinal outside French");
    }

    @Test
    void arabicOfMorocco() {
        DateLabels labels = new DateLabels(Locale.forLanguageTag("ar-MA"), CASABLANCA);
        assertEquals("9 شتنبر 2025، 18:36", labels.dateline(T), "the Maghreb's month names, Western digits");
        assertEquals("9 شتنبر 2025", labels.day(T));
        assertEquals("9 شتنبر 2025", labels.dateline(T, true), "a day without a time shows no midnight");
        assertEquals("2025-09-09T18:36:00+01:00", labels.iso(T));
    }

    @Test
    void english() {
        DateLabels labels = new DateLabels(Locale.ENGLISH, CASABLANCA);
        assertEquals("September 9, 2025, 6:36 PM", labels.dateline(T));
        assertEquals("September 9, 2025", labels.day(T));
        assertEquals("2025-09-09T18:36:00+01:00", labels.iso(T));
    }

    @Test
    void theZoneDecidesTheDay() {
        DateLabels tokyo = new DateLabels(Locale.FRENCH, ZoneId.of("Asia/Tokyo"));
        assertEquals("10 septembre 2025", tokyo.day(T));
        assertEquals("Le 10/09/2025 à 02h36", tokyo.dateline(T));
        assertEquals("2025-09-10T02:36:00+09:00", tokyo.iso(T));
    }

    @Test
    void otherLanguagesUseTheirOwnForms() {
        DateLabels german = new DateLabels(Locale.GERMAN, CASABLANCA);
        assertTrue(german.day(T).contains("September 2025"), german.day(T));
        assertTrue(german.dateline(T).contains("18:36"), german.dateline(T));
    }
}
