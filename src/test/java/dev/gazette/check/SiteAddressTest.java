package dev.gazette.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.gazette.check.SiteAddress.External;
import dev.gazette.check.SiteAddress.Ignored;
import dev.gazette.check.SiteAddress.Internal;
import dev.gazette.check.SiteAddress.Invalid;
import java.util.List;
import org.junit.jupiter.api.Test;

class SiteAddressTest {

    private static final SiteAddress NEWS = SiteAddress.of("https://example.org/news/");
    private static final SiteAddress UNKNOWN = SiteAddress.of(null);
    private static final String PAGE = "tags/maroc/index.html";

    @Test
    void relativeLinksAreReadAgainstThePage() {
        assertEquals(new Internal("politique/foo/", null), NEWS.resolve(PAGE, "../../politique/foo/"));
        assertEquals(new Internal("tags/maroc/page/2/", null), NEWS.resolve(PAGE, "page/2/"));
        assertEquals(new Internal("tags/maroc/index.html", "x"), NEWS.resolve(PAGE, "#x"));
        assertEquals(new Internal("tags/maroc/index.html", null), NEWS.resolve(PAGE, "?utm=1"));
        assertEquals(new Internal("", null), NEWS.resolve(PAGE, "../../"));
        assertEquals(new Internal("tags/", "a b"), NEWS.resolve(PAGE, "..?q=1#a%20b"));
        assertEquals(new Internal("tags/maroc/", null), NEWS.resolve(PAGE, "."));
        assertEquals(new Internal("media/été photo.jpg", null), NEWS.resolve(PAGE, "../../media/%C3%A9t%C3%A9%20photo.jpg"));
        assertEquals(new Internal("media/été.jpg", null), NEWS.resolve(PAGE, "../../media/été.jpg"));
        assertEquals(new Invalid("goes above the site's root"), NEWS.resolve(PAGE, "../../../x/"));
        assertEquals(new Internal("politique/", null), NEWS.resolve(PAGE, " \n../../politique/\t "), "as browsers clean attributes");
    }

    @Test
    void rootedAndAbsoluteLinksUseTheBaseUrl() {
        assertEquals(new Internal("politique/", null), NEWS.resolve(PAGE, "/news/politique/"));
        assertEquals(new Internal("", null), NEWS.resolve(PAGE, "/news"));
        assertEquals(new Invalid("outside the site's folder /news/ on its host"), NEWS.resolve(PAGE, "/politique/"));
        assertEquals(new Internal("politique/x/", "y"), NEWS.resolve(PAGE, "https://example.org/news/politique/x/#y"));
        assertEquals(new Internal("politique/x/", null), NEWS.resolve(PAGE, "http://EXAMPLE.ORG:80/news/politique/x/"));
        assertEquals(new Internal("a", null), NEWS.resolve(PAGE, "//example.org/news/a"));
        assertEquals(new External("https://example.org:8443/news/a"), NEWS.resolve(PAGE, "https://example.org:8443/news/a"));
        assertEquals(new External("https://example.org/other/"), NEWS.resolve(PAGE, "https://example.org/other/#x"));
        assertEquals(new External("https://www.example.com/a b|c"), NEWS.resolve(PAGE, "https://www.example.com/a b|c"));
        assertEquals(new Invalid("not a valid URL"), NEWS.resolve(PAGE, "https:///nohost"));
        // Without a base URL, rooted links start at the site's root and every absolute URL is outside.
        assertEquals(new Internal("politique/", null), UNKNOWN.resolve(PAGE, "/politique/"));
        assertEquals(new External("https://example.org/news/a"), UNKNOWN.resolve(PAGE, "https://example.org/news/a"));
    }

    @Test
    void otherSchemesAreNotChecked() {
        for (String raw : List.of("mailto:a@b.c", "tel:+212", "javascript:void(0)", "data:image/png;base64,AAAA", "ftp://x/", "")) {
            assertEquals(new Ignored(), NEWS.resolve(PAGE, raw), raw);
        }
    }

    @Test
    void baseUrls() {
        assertEquals("https://example.org/news/", SiteAddress.of("https://example.org/news/index.html").baseUrl());
        assertEquals("", SiteAddress.of("not a url").baseUrl());
        assertEquals("", SiteAddress.of("/relative/").baseUrl());
    }

    @Test
    void dotSegments() {
        assertEquals("a/c", SiteAddress.removeDots("a/b/../c"));
        assertEquals("a/", SiteAddress.removeDots("a/b/.."));
        assertEquals("a/b/", SiteAddress.removeDots("a/./b/."));
        assertEquals("", SiteAddress.removeDots("a/.."));
        assertNull(SiteAddress.removeDots("a/../.."));
    }

    @Test
    void srcsetCandidates() {
        assertEquals(List.of("a.jpg", "b.jpg"), PageScan.srcsetUrls("a.jpg 1x, b.jpg 2x"));
        assertEquals(List.of("a.jpg", "b.jpg"), PageScan.srcsetUrls("a.jpg 640w,b.jpg 1280w"));
        assertEquals(List.of("a.jpg,b.jpg"), PageScan.srcsetUrls(" a.jpg,b.jpg "), "as the HTML standard reads it: one URL holding a comma");
        assertEquals(List.of("a.jpg", "b.jpg"), PageScan.srcsetUrls("a.jpg, b.jpg,"));
        assertEquals(List.of("a,b.jpg", "c.jpg"), PageScan.srcsetUrls("a,b.jpg 1x, c.jpg 2x"), "a comma inside a URL");
        assertEquals(List.of(), PageScan.srcsetUrls("  , "));
    }

    @Test
    void linksThatLeadTheSamePlaceFromEveryPageOfADepthShareAKey() {
        assertEquals("2\u0000../../rubriques/culture/", LinkTable.key("politique/un/index.html", "../../rubriques/culture/"));
        assertEquals(LinkTable.key("sport/deux/index.html", "../../rubriques/culture/"), LinkTable.key("politique/un/index.html", "../../rubriques/culture/"));
        assertEquals("2\u0000../../../x", LinkTable.key("a/b/index.html", "../../../x"), "above the root from every page of that depth");
        assertNull(LinkTable.key("politique/un/index.html", "../deux/"), "depends on the page's folder");
        assertNull(LinkTable.key("politique/un/index.html", "#x"));
        assertNull(LinkTable.key("index.html", "politique/"), "at the root, relative links depend on the page itself only through its name: not worth it");
        assertEquals("/news/x", LinkTable.key("a/index.html", "/news/x"));
        assertEquals("https://example.org/", LinkTable.key("a/b/c/index.html", "https://example.org/"));
    }
}
