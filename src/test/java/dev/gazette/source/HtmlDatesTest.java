package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The publication date from each markup saved pages use, and what happens without one. */
class HtmlDatesTest {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    private static final ParseContext CTX = ParseContext.of(CASABLANCA, "en");
    /** 10 July 2015, 09:53 in New York. */
    private static final OffsetDateTime EXPECTED = OffsetDateTime.parse("2015-07-10T09:53:00-04:00");

    private static ParsedSource read(String head, String body, ParseContext ctx) {
        String page = "<!doctype html><html lang=en><head><title>T</title>" + head + "</head><body>" + body
                + "<article><h1>A headline here</h1><p>The first paragraph of the story, long enough to be one.</p></article></body></html>";
        return SourceReader.parse("page.html", page.getBytes(StandardCharsets.UTF_8), ctx);
    }

    private static String describe(ParsedSource p) {
        return p.problems().stream().map(Problem::describe).collect(Collectors.joining("\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<meta itemprop=\"datePublished\" content=\"2015-07-10T09:53:00-04:00\">",
            "<meta name=\"date\" content=\"2015-07-10 09:53:00 -0400\">",
            "<meta name=\"DC.date.issued\" content=\"2015-07-10T13:53:00Z\">",
            "<meta name=\"dc.date.issued\" content=\"2015-07-10T13:53:00.000+0000\">",
            "<meta property=\"article:published_time\" content=\"Fri, 10 Jul 2015 13:53:00 GMT\">",
            "<script type=\"application/ld+json\"><![CDATA[{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-07-10T09:53:00-04:00\"}]]></script>",
            "<script type=\"application/ld+json\">//<![CDATA[\n{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-07-10T09:53:00-04:00\"}\n//]]></script>",
            "<script type=\"application/ld+json\">/*<![CDATA[*/{\"@type\":\"NewsArticle\",\"datePublished\":\"2015-07-10T09:53:00-04:00\"}/*]]>*/</script>",
    })
    void readsTheDateFromTheHead(String head) {
        ParsedSource p = read(head, "", CTX);
        assertNotNull(p.article(), () -> describe(p));
        assertEquals(EXPECTED.toInstant(), p.article().date().toInstant(), head);
        assertEquals(CASABLANCA, p.article().date().getZone());
        assertTrue(p.problems().isEmpty(), () -> describe(p));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<span itemprop=\"datePublished\" content=\"2015-07-10T09:53:00-04:00\">July 10</span>",
            "<p>Posted <time itemprop=\"datePublished\" datetime=\"2015-07-10T09:53:00-04:00\">July 10</time></p>",
            "<header><time datetime=\"2015-07-10T09:53:00-04:00\">July 10, 2015</time></header>",
    })
    void readsTheDateOutsideTheArticle(String body) {
        ParsedSource p = read("", body, CTX);
        assertNotNull(p.article(), () -> describe(p));
        assertEquals(EXPECTED.toInstant(), p.article().date().toInstant(), body);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Mis à jour le <time itemprop=\"dateModified\" datetime=\"2015-07-11T09:00:00-04:00\">11.07.2015 à 09h00</time></p>",
            "<meta itemprop=\"dateModified\" content=\"2015-07-11T09:00:00-04:00\">",
            "<meta name=\"DC.date.modified\" content=\"2015-07-11T13:00:00Z\">",
    })
    void readsTheUpdateTimeFromEveryMarkup(String markup) {
        ParsedSource p = read("<meta name=\"date\" content=\"2015-07-10T09:53:00-04:00\">", markup, CTX);
        assertNotNull(p.article(), () -> describe(p));
        assertEquals(OffsetDateTime.parse("2015-07-11T09:00:00-04:00").toInstant(), p.article().lastModified().toInstant(), markup);
    }

    @Test
    void aDateWithoutOffsetIsReadInTheZoneThePageStates() {
        ParsedSource p = read("<meta name=\"date\" content=\"2015-07-10 09:53\">"
                + "<meta property=\"article:modified_time\" content=\"2015-07-10T11:00:00-04:00\">", "", CTX);
        assertEquals(EXPECTED.toInstant(), p.article().date().toInstant(), "New York's morning, not Casablanca's");
        ParsedSource site = read("<meta name=\"date\" content=\"2015-07-10 09:53\">", "", CTX);
        assertEquals(ZonedDateTime.of(2015, 7, 10, 9, 53, 0, 0, CASABLANCA), site.article().date(), "no zone stated: the site's");
    }

    @Test
    void aPageWithoutADateIsAnErrorNamingTheFallback() {
        ParsedSource p = read("", "", CTX);
        assertNull(p.article());
        Problem e = p.problems().get(0);
        assertEquals("date", e.field());
        assertTrue(e.fix().contains("--date-fallback"), e.fix());
    }

    @Test
    void theFallbackDateIsUsedWithAWarning() {
        ZonedDateTime given = ZonedDateTime.of(2020, 1, 2, 0, 0, 0, 0, CASABLANCA);
        ParsedSource p = read("", "", CTX.withFallbackDate(new ParseContext.FallbackDate(given, true, "the date given with --date-fallback")));
        assertNotNull(p.article(), () -> describe(p));
        assertEquals(given, p.article().date());
        assertTrue(p.article().dateOnly(), "a day given without a time is shown without one");
        assertEquals(1, p.problems().size());
        assertTrue(p.problems().get(0).message().contains("--date-fallback"), () -> describe(p));
    }
}
