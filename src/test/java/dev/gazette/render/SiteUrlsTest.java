package dev.gazette.render;

import static dev.gazette.model.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gazette.config.Permalinks;
import dev.gazette.model.Article;
import dev.gazette.model.Term;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SiteUrlsTest {

    private static final SiteUrls DEFAULTS = new SiteUrls(Permalinks.defaults());
    private static final Article WITH_RUBRIC = article("a.md", "mon-article", "T", "2025-09-05T00:30", "Économie");
    private static final Article WITHOUT_RUBRIC = article("b.md", "autre", "T", "2025-01-02T10:00", null);

    @Test
    void defaultPatterns() {
        assertEquals("", DEFAULTS.home());
        assertEquals("economie/mon-article/", DEFAULTS.article(WITH_RUBRIC));
        assertEquals("non-classe/autre/", DEFAULTS.article(WITHOUT_RUBRIC));
        assertEquals("economie/mon-article/related/", DEFAULTS.related(WITH_RUBRIC));
        assertEquals("tags/serguei-lavrov/", DEFAULTS.tag(Term.of("Sergueï Lavrov")));
        assertEquals("rubriques/economie/", DEFAULTS.rubric(Term.of("Économie")));
        assertEquals("tags/", DEFAULTS.tagIndex());
        assertEquals("rubriques/", DEFAULTS.rubricIndex());
        assertEquals("archives/", DEFAULTS.archive());
    }

    @Test
    void datePlaceholdersUseTheArticlesDateInTheSiteZone() {
        SiteUrls urls = new SiteUrls(new Permalinks("{year}/{month}/{day}/{slug}/", "sujets/{slug}/", "sections/{slug}/"));
        assertEquals("2025/09/05/mon-article/", urls.article(WITH_RUBRIC), "00:30 in Casablanca is still the 5th");
        assertEquals("2025/01/02/autre/", urls.article(WITHOUT_RUBRIC));
        assertEquals("sujets/", urls.tagIndex());
        assertEquals("sections/", urls.rubricIndex());
        assertEquals("sujets/maroc/", urls.tag(Term.of("Maroc")));
    }

    @ParameterizedTest
    @CsvSource({"0,4,0000", "7,4,0007", "2025,4,2025", "12345,4,12345", "9,2,09", "31,2,31", "-7,4,-007"})
    void digitsArePaddedAsTheRootLocalesFormat(int value, int width, String expected) {
        assertEquals(expected, SiteUrls.digits(value, width));
        assertEquals(String.format(java.util.Locale.ROOT, "%0" + width + "d", value), SiteUrls.digits(value, width));
    }

    @Test
    void archiveMonthsAndDatesAreInAsciiDigitsWhateverTheMachinesLocale() {
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            // Arabic in Egypt formats numbers with Arabic-Indic digits: URLs must not depend on the machine.
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG-u-nu-arab"));
            SiteUrls urls = new SiteUrls(new Permalinks("{year}/{month}/{day}/{slug}/", "sujets/{slug}/", "sections/{slug}/"));
            assertEquals("2025/01/02/autre/", urls.article(WITHOUT_RUBRIC));
            assertEquals("archives/2025/09/", DEFAULTS.archiveMonth(java.time.YearMonth.of(2025, 9)));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void termIndexesFallBackWhenThePatternHasNoFolder() {
        SiteUrls urls = new SiteUrls(new Permalinks("{slug}/", "{slug}/", "r-{slug}/"));
        assertEquals("tags/", urls.tagIndex());
        assertEquals("rubriques/", urls.rubricIndex());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "tags/maroc/|1|tags/maroc/",
            "tags/maroc/|0|tags/maroc/",
            "tags/maroc/|2|tags/maroc/page/2/",
            "archives/|50000|archives/page/50000/",
            "|3|page/3/",
    })
    void pagedUrls(String first, int page, String expected) {
        assertEquals(expected, SiteUrls.paged(first == null ? "" : first, page));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', emptyValue = "", value = {
            "|index.html|",
            "archives/|archives/index.html|../",
            "politique/mon-article/|politique/mon-article/index.html|../../",
            "politique/mon-article/related/|politique/mon-article/related/index.html|../../../",
            "tags/maroc/page/2/|tags/maroc/page/2/index.html|../../../../",
            "404.html|404.html|",
    })
    void fileAndRootFrom(String url, String file, String root) {
        String u = url == null ? "" : url;
        assertEquals(file, SiteUrls.file(u));
        assertEquals(root == null ? "" : root, SiteUrls.rootFrom(u));
    }
}
