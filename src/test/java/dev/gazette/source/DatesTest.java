package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatesTest {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    /** 9 September 2025, 18:36 in Casablanca (UTC+01:00 that day). */
    private static final ZonedDateTime EXPECTED = ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, CASABLANCA);

    @ParameterizedTest
    @ValueSource(strings = {
            "2025-09-09T18:36:00+01:00",
            "2025-09-09T18:36+01:00",
            "2025-09-09T17:36:00Z",
            "2025-09-09T17:36:00.000Z",
            "2025-09-09T19:36:00+02:00",
            "2025-09-09T18:36:00+0100",
            "2025-09-09 18:36:00+01:00",
            "2025-09-09 18:36:00 +0100",
            "2025-09-09 13:36:00 -0400",
            "2025-09-09 17:36:00 Z",
            "Tue, 9 Sep 2025 17:36:00 GMT",
            "Tue, 09 Sep 2025 18:36:00 +0100",
            "  2025-09-09T18:36:00+01:00  ",
            "2025-09-09 18:36",
            "2025-09-09T18:36",
            "2025-09-09 18:36:00",
            "09/09/2025 à 18h36",
            "Le 09/09/2025 à 18h36",
            "le 9/9/2025 a 18h36",
            "Le 09/09/2025 18:36",
            "09/09/2025 18h36",
            "Le 09/09/2025\u00A0à\u00A018h36",
            "Le\u202F09/09/2025 à 18\u202Fh\u202F36",
            "2025-09-09\u00A018:36",
    })
    void readsEveryFormInTheSiteZone(String text) {
        ZonedDateTime d = Dates.parse(text, CASABLANCA);
        assertEquals(EXPECTED.toInstant(), d.toInstant(), text);
        assertEquals(CASABLANCA, d.getZone(), "every result is expressed in the site's zone");
        assertEquals(18, d.getHour());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-09-09|0|0",
            "09/09/2025|0|0",
            "Le 09/09/2025 à 18h|18|0",
    })
    void aDayWithoutTimeIsMidnightOrTheFullHour(String text, int hour, int minute) {
        ZonedDateTime d = Dates.parse(text, CASABLANCA);
        assertEquals(ZonedDateTime.of(2025, 9, 9, hour, minute, 0, 0, CASABLANCA), d);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2025-09-09 18:36|Asia/Tokyo|2025-09-09T09:36:00Z",
            "2025-09-09 18:36|America/New_York|2025-09-09T22:36:00Z",
            "2025-01-15 12:00|Europe/Paris|2025-01-15T11:00:00Z",
            "2025-09-09T18:36:00+01:00|Asia/Tokyo|2025-09-09T17:36:00Z",
    })
    void localTimesAreReadInTheConfiguredZoneNeverTheMachines(String text, String zone, String instant) {
        ZonedDateTime d = Dates.parse(text, ZoneId.of(zone));
        assertEquals(java.time.Instant.parse(instant), d.toInstant());
        assertEquals(ZoneId.of(zone), d.getZone());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hier", "", "2025-9-9", "31/02/2025", "2025-02-30", "2025-13-01", "2025-09-09T24:30",
            "09/09/2025 à 25h00", "2025-09-09T18:36:00+19:00", "September 9, 2025"})
    void rejectsWhatItCannotRead(String text) {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Dates.parse(text, CASABLANCA));
        assertTrue(e.getMessage().contains("`" + text.strip() + "`"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"10000-01-01", "+10000-01-01T00:00:00Z", "+10000-01-01", "-0001-01-01", "0000-01-01", "0999-12-31",
            "01/01/10000 à 10h00", "01/01/0999", "9999-12-31T23:00:00-05:00", "1000-01-01T00:00:00+14:00"})
    void rejectsYearsOutsideTheFourDigitsFeedsAndSitemapsWrite(String text) {
        DateTimeParseException e = assertThrows(DateTimeParseException.class, () -> Dates.parse(text, CASABLANCA));
        assertTrue(e.getMessage().contains("`" + text + "`"), e.getMessage());
        assertTrue(e.getMessage().contains("1000 to 9999"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1000-01-01", "9999-12-31 23:59", "9999-12-31T22:00:00Z", "31/12/9999"})
    void readsTheFirstAndLastYears(String text) {
        int year = Dates.parse(text, CASABLANCA).getYear();
        assertTrue(year == 1000 || year == 9999, text + " -> " + year);
    }

    @Test
    void aDayWithoutATimeIsKnownAsSuch() {
        assertTrue(Dates.dayOnly("2025-09-09"));
        assertTrue(Dates.dayOnly(" 09/09/2025 "));
        assertTrue(Dates.dayOnly("Le 09/09/2025"));
        org.junit.jupiter.api.Assertions.assertFalse(Dates.dayOnly("2025-09-09 00:00"));
        org.junit.jupiter.api.Assertions.assertFalse(Dates.dayOnly("2025-09-09T18:36:00+01:00"));
        org.junit.jupiter.api.Assertions.assertFalse(Dates.dayOnly("09/09/2025 à 18h36"));
        org.junit.jupiter.api.Assertions.assertFalse(Dates.dayOnly("09/09/2025 à 18h"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "20250909T183600|18|36|false",
            "20250909|0|0|true",
            "September 9, 2025 6:36 PM|18|36|false",
            "Sept. 9th, 2025|0|0|true",
            "Published 9 September 2025 18:36|18|36|false",
            "9 septembre 2025 à 18h36|18|36|false",
            "mardi 9 septembre 2025|0|0|true",
            "9 de septiembre de 2025|0|0|true",
            "9. September 2025, 18:36 Uhr|18|36|false",
    })
    void pagesPrintDatesWithTheMonthsName(String text, int hour, int minute, boolean dayOnly) {
        assertEquals(ZonedDateTime.of(2025, 9, 9, hour, minute, 0, 0, CASABLANCA), Dates.parsePage(text, CASABLANCA, CASABLANCA), text);
        assertEquals(dayOnly, Dates.pageDayOnly(text), text);
    }

    @Test
    void editorsFormsStayTheDocumentedOnes() {
        assertThrows(DateTimeParseException.class, () -> Dates.parse("September 9, 2025", CASABLANCA),
                "front matter keeps the forms the README lists; month names are for saved pages only");
    }
}
