package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.bench.ExtractionEval;
import dev.gazette.model.Article;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The story's text, byline and lead from saved pages that do not mark them plainly. */
class HtmlExtractionTest {

    private static final ParseContext CTX = ParseContext.of(ZoneOffset.UTC, "en");

    private static Article read(String body) {
        String page = "<!doctype html><html lang=en><head><meta property=article:published_time content=2024-01-02T10:00:00Z>"
                + "</head><body>" + body + "</body></html>";
        ParsedSource p = SourceReader.parse("page.html", page.getBytes(StandardCharsets.UTF_8), CTX);
        return p.article();
    }

    private static String text(Article a) {
        return Jsoup.parseBodyFragment(a.bodyHtml()).body().text();
    }

    private static final String STORY = "<p>The first paragraph of the story, with commas, clauses, and enough words to be prose.</p>"
            + "<p>The second paragraph goes on, as stories do, for a good many words and a comma or two.</p>"
            + "<p>The third paragraph ends it, after saying what the reader came for, in full sentences.</p>";

    @Test
    void theFixturesMeetTheTargets() throws IOException {
        ExtractionEval.Summary s = ExtractionEval.evaluate(Path.of("src/test/resources/intake/pages"),
                Path.of("src/test/resources/intake/reference"));
        assertEquals(s.scores().size(), s.accepted(), s.describe());
        assertEquals(s.scores().size(), s.titlesExact(), s.describe());
        assertTrue(s.medianF1() >= 0.97 && s.meanF1() >= 0.95 && s.minF1() >= 0.9, s.describe());
        assertTrue(s.bylinesExact() * 100 >= 85 * s.signed(), s.describe());
    }

    @Test
    void teaserCardsAreNeverTheStory() {
        Article a = read("<main><h1>The headline</h1><div class=body>" + STORY + "</div>"
                + "<article class=card><h2>Another story</h2><p>A teaser for another story, a line long.</p></article>"
                + "<article class=card><h2>A third</h2><p>Another teaser for a third story, a line long.</p></article></main>");
        assertTrue(text(a).startsWith("The first paragraph"), a.bodyHtml());
        assertTrue(!text(a).contains("teaser"), a.bodyHtml());
    }

    @Test
    void linkListsPlayerLabelsAndGalleriesLeaveTheBody() {
        Article a = read("<div><h1>The headline</h1>" + STORY + "<div class=player><span>Play</span><span>Mute</span></div>"
                + "<ul><li><a href=/a>A related story with a long title</a></li><li><a href=/b>Another related story</a></li></ul>"
                + "<p><a href=/c>Read more: the story before this one</a></p>"
                + "<div class=gallery><figure><img src=https://x.example/a.jpg><figcaption>Image 1 of 9</figcaption></figure></div></div>");
        String t = text(a);
        for (String gone : List.of("Play", "Mute", "related", "Read more", "Image 1 of 9")) {
            assertTrue(!t.contains(gone), gone + " in " + a.bodyHtml());
        }
        assertTrue(t.contains("The third paragraph ends it"), a.bodyHtml());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "<p class=byline>By Steven Musil January 5, 2016 8:15 AM PST</p>|Steven Musil",
            "<p class=byline>Benjamin Romano Seattle Times business reporter</p>|Benjamin Romano",
            "<div class=author>Lucas Nolan22 Dec 2015</div>|Lucas Nolan",
            "<p class=byline>By Jane Doe, Seattle</p>|Jane Doe",
            "<p class=byline>By Jane Doe and John Roe</p>|Jane Doe; John Roe",
            "<p class=byline><span class=byline-label>Last Updated:</span> 17 Oct</p><p class=byline>By Tomas Reyes</p>|Tomas Reyes",
            "<p>By Ana de la Cruz - 3 hours ago</p>|Ana de la Cruz",
            "<p class=byline>By Kim Lee, BBC News</p>|Kim Lee",
            "<p class=byline>By Sam Ortiz, Political Editor</p>|Sam Ortiz",
            "<p class=byline>Par Claire Dubois (Bruxelles, correspondante)</p>|Claire Dubois",
            "<p class=byline>Par <a href=/j/julie>Julie Marchand</a> (avec Paul Renaud et Inès Gautier)</p>|Julie Marchand; Paul Renaud; Inès Gautier",
            "<p class=byline>By Jane Doe (with John Roe)</p>|Jane Doe; John Roe",
            "<p class=byline>Von Jan Becker</p>|Jan Becker",
            "<p class=byline>By Reuters</p>|Reuters",
            "<p class=byline>Helen Ward in Aberdeen</p>|Helen Ward",
    })
    void bylinesAreTheNamesOnly(String byline, String names) {
        Article a = read("<article><h1>The headline</h1>" + byline + STORY + "</article>");
        assertEquals(names, String.join("; ", a.authors()), a.bodyHtml());
    }

    @Test
    void metaAndJsonLdNamesAreCleanedToo() {
        String story = "<article><h1>The headline</h1>" + STORY + "</article>";
        Article meta = read("<meta name=author content=\"By Jo March, CNN\">" + story);
        assertEquals(List.of("Jo March"), meta.authors());
        Article ld = read("<script type=application/ld+json>{\"@type\":\"NewsArticle\",\"author\":[{\"@type\":\"Person\",\"name\":\"Jo March\"},"
                + "{\"@type\":\"Organization\",\"name\":\"The Courier\"}]}</script>" + story);
        assertEquals(List.of("Jo March"), ld.authors(), "the people sign, not the paper");
    }

    @Test
    void aPrintedDateIsTheLastResort() {
        String page = "<!doctype html><html lang=en><head></head><body><article><h1>The headline</h1>"
                + "<span class=date>Published July 10, 2015 9:53 AM</span>" + STORY + "</article></body></html>";
        ParsedSource p = SourceReader.parse("page.html", page.getBytes(StandardCharsets.UTF_8), CTX);
        assertEquals(java.time.ZonedDateTime.of(2015, 7, 10, 9, 53, 0, 0, ZoneOffset.UTC), p.article().date());
        assertTrue(!text(p.article()).contains("Published"), p.article().bodyHtml());
    }

    @Test
    void aMastheadLogoIsNoHeadline() {
        Article a = read("<header><h1><a href=/><img src=/logo.svg alt=\"The Courier\"></a></h1></header>"
                + "<div class=head><h2>Not this</h2></div><div><h1>The headline</h1><p class=byline>By Maria Lind</p></div><div>" + STORY + "</div>");
        assertEquals("The headline", a.title());
        assertEquals(List.of("Maria Lind"), a.authors());
    }

    @Test
    void aTitleLosesTheSiteNameItsMetaAdds() {
        Article a = read("<meta property=og:title content=\"The headline | The Courier\"><article><h1>The headline</h1>" + STORY + "</article>");
        assertEquals("The headline", a.title());
        Article b = read("<meta property=og:title content=\"The headline - The Courier\"><meta property=og:site_name content=\"The Courier\">"
                + "<div>" + STORY + "</div>");
        assertEquals("The headline", b.title());
    }

    @Test
    void aBylineBesideTheHeadlineOutsideTheStoryIsFound() {
        Article a = read("<div class=head><h1>The headline</h1><p class=meta>By Maria Lind · 14 March</p></div><article>" + STORY + "</article>");
        assertEquals(List.of("Maria Lind"), a.authors());
    }

    @Test
    void leadsComeOnlyFromMarkupNextToTheHeadline() {
        Article a = read("<article><h1>The headline</h1><p class=standfirst>The lead, next to the headline.</p>" + STORY
                + "<div class=author-intro>The author writes about things.</div></article>");
        assertEquals("The lead, next to the headline.", a.lead());
        Article b = read("<article><h1>The headline</h1>" + STORY + "<p class=intro>An author's bio, after the story.</p></article>"
                + "<div class=lead-dialog>Sign in to comment</div>");
        assertEquals("", b.lead(), "no description, no lead next to the headline");
        assertTrue(text(b).contains("The first paragraph"), b.bodyHtml());
    }
}
