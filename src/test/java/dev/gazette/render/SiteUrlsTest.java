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
