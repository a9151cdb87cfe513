package dev.gazette.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.check.Finding.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Small hand-made sites, clean and with one deliberate breakage each. */
class SiteCheckTest {

    @TempDir
    Path site;

    /** A page: a title, a body. */
    static String page(String title, String body) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<link rel=\"stylesheet\" href=\"" + "STYLE" + "\"></head><body>" + body + "</body></html>";
    }

    private void write(String relative, String text) throws IOException {
        Path file = site.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text.replace("STYLE", "../".repeat(depth(relative)) + "assets/site.css"), StandardCharsets.UTF_8);
    }

    private static int depth(String relative) {
        return (int) relative.chars().filter(c -> c == '/').count();
    }

    /**
     * A clean site published at https://example.org/news/: a home page, two articles, a paginated
     * tag, an image, feeds, a sitemap and robots.txt.
     */
    @BeforeEach
    void cleanSite() throws IOException {
        write("assets/site.css", "body{}");
        write("media/photo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
        write("index.html", page("Gazette", "<a href=\"#contenu\">Aller au contenu</a><main id=\"contenu\">"
                + "<a href=\"politique/un/\">Un</a> <a href=\"politique/deux/index.html#suite\">Deux, la suite</a>"
                + " <a href=\"tags/maroc/\">#Maroc</a> <a href=\"https://example.org/news/politique/un/\">Un, en absolu</a>"
                + " <a href=\"mailto:redaction@example.org\">Écrire</a> <a href=\"tel:+212500\">Appeler</a>"
                + " <a href=\"javascript:void(0)\">rien</a> <a href=\"#top\">Haut</a> <a href=\"#\">ici</a></main>"
                + "<link rel=\"canonical\" href=\"https://example.org/news/\">"));
        write("politique/un/index.html", page("Un – Gazette", "<h1>Un</h1><img src=\"../../media/photo.svg\" alt=\"Une photo\">"
                + "<img src=\"../../media/photo.svg\" alt=\"\"><picture><source srcset=\"../../media/photo.svg 1x, ../../media/photo.svg 2x\">"
                + "<img src=\"/news/media/photo.svg\" alt=\"La même\" srcset=\"../../media/photo.svg 640w,../../media/photo.svg 1280w\"></picture>"
                + "<a href=\"../../\">Accueil</a> <a href=\"../deux/\">Deux</a>"));
        write("politique/deux/index.html", page("Deux – Gazette", "<h1>Deux</h1><h2 id=\"suite\">La suite</h2><a name=\"ancre\"></a>"
                + "<a href=\"../un/#\">Un</a> <a href=\"../../tags/maroc/page/2/\">page 2</a> <a href=\"#ancre\">ancre</a>"));
        write("tags/maroc/index.html", page("#Maroc – Gazette", "<a href=\"page/2/\">Suivant</a> <a href=\"../../politique/un/\">Un</a>"));
        write("tags/maroc/page/2/index.html", page("#Maroc – page 2 – Gazette", "<a href=\"../../\">Précédent</a>"));
        write("404.html", page("404 – Gazette", "<a href=\"/news/\">Accueil</a>"));
        write("feed.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>G</title>"
                + "<link>https://example.org/news/</link><item><link>https://example.org/news/politique/un/</link>"
                + "<enclosure url=\"https://example.org/news/media/photo.svg\" type=\"image/svg+xml\" length=\"1\"/></item></channel></rss>");
        write("atom.xml", "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><link rel=\"self\" href=\"https://example.org/news/atom.xml\"/>"
                + "<entry><link href=\"https://example.org/news/politique/deux/\"/></entry></feed>");
        write("sitemap.xml", "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>https://example.org/news/</loc></url><url><loc>\n  https://example.org/news/politique/un/\n</loc></url></urlset>");
        write("robots.txt", "User-agent: *\nAllow: /\nSitemap: https://example.org/news/sitemap.xml\n");
        write(".gazette-site", "made by Gazette");
    }

    private CheckReport check() throws IOException {
        return SiteCheck.check(site, CheckOptions.of(null, 2));
    }

    private static List<Finding> of(CheckReport r, Kind kind) {
        return r.findings().stream().filter(f -> f.kind() == kind).toList();
    }

    @Test
    void theCleanSiteChecksClean() throws IOException {
        CheckReport r = check();
        assertEquals(List.of(), r.findings());
        assertTrue(r.passed());
        assertEquals(6, r.pages());
        assertEquals(4, r.dataFiles(), "two feeds, the sitemap, robots.txt");
        assertEquals("https://example.org/news/", r.baseUrl(), "read from the home page's canonical link");
        assertTrue(r.links() > 20, "links followed: " + r.links());
        assertEquals(0, r.externalLinks());
    }

    @Test
    void aBrokenLink() throws IOException {
        write("tags/maroc/page/2/index.html", page("#Maroc – page 2 – Gazette", "<a href=\"../../\">Précédent</a>"
                + " <a href=\"../../../../politique/foo/\">Foo</a> <a href=\"../../../../politique/foo/\">Foo again</a>"));
        CheckReport r = check();
        assertEquals(List.of(new Finding(Kind.BROKEN_LINK, "tags/maroc/page/2/index.html", "../../../../politique/foo/",
                "no such page: politique/foo/index.html")), r.findings(), "one finding, though the page links twice");
        assertFalse(r.passed());
        assertEquals("tags/maroc/page/2/index.html: error: broken link ../../../../politique/foo/ (no such page: politique/foo/index.html)",
                r.findings().get(0).describe());
    }

    @Test
    void linksAreReadAgainstTheSitesAddress() throws IOException {
        write("politique/deux/index.html", page("Deux – Gazette", "<h2 id=\"suite\"></h2><a href=\"../../tags/maroc/page/2/\">2</a>"
                + "<a href=\"/news/politique/absent/\">rooted</a>"
                + "<a href=\"/politique/un/\">outside the base path</a>"
                + "<a href=\"https://EXAMPLE.org:443/news/politique/absent-too\">absolute, own host</a>"
                + "<a href=\"http://example.org/news/politique/un\">http, no slash: the folder</a>"
                + "<a href=\"https://example.org/elsewhere/\">same host, outside the site: outside</a>"
                + "<a href=\"../../../../\">above the root</a>"
                + "<a href=\"../un/%69ndex.html\">escaped</a><a href=\"  ../un/ \">spaces around</a>"));
        CheckReport r = check();
        List<Finding> broken = of(r, Kind.BROKEN_LINK);
        assertEquals(List.of("/news/politique/absent/", "/politique/un/", "https://EXAMPLE.org:443/news/politique/absent-too", "../../../../"),
                broken.stream().map(Finding::target).toList(), broken::toString);
        assertEquals("outside the site's folder /news/ on its host", broken.get(1).detail());
        assertEquals("goes above the site's root", broken.get(3).detail());
        assertEquals(1, r.externalLinks(), "https://example.org/elsewhere/ is another site's page");
    }

    @Test
    void aBrokenAnchor() throws IOException {
        write("politique/un/index.html", page("Un – Gazette", "<a href=\"../../\">Accueil</a> <a href=\"../deux/#nulle-part\">Deux</a>"
                + " <a href=\"#absente\">ici</a> <a href=\"../deux/#suite\">fine</a> <a href=\"../deux/#ancre\">a name</a>"
                + " <a href=\"../deux/#%C3%A9t%C3%A9\">escaped</a>"));
        write("politique/deux/index.html", page("Deux – Gazette", "<h2 id=\"suite\"></h2><h2 id=\"été\"></h2><a name=\"ancre\"></a>"
                + "<a href=\"../../tags/maroc/page/2/\">2</a>"));
        CheckReport r = check();
        assertEquals(List.of(
                        new Finding(Kind.BROKEN_ANCHOR, "politique/un/index.html", "#absente", "no element with id \"absente\" in politique/un/index.html"),
                        new Finding(Kind.BROKEN_ANCHOR, "politique/un/index.html", "../deux/#nulle-part",
                                "no element with id \"nulle-part\" in politique/deux/index.html")),
                r.findings());
    }

    @Test
    void aMissingImageAndImagesWithoutAlt() throws IOException {
        write("politique/un/index.html", page("Un – Gazette", "<a href=\"../../\">Accueil</a>"
                + "<img src=\"../../media/absente.jpg\" alt=\"Absente\">"
                + "<img src=\"../../media/photo.svg\">"
                + "<img src=\"../../media/photo.svg\" alt=\"\">"
                + "<img src=\"../../media/photo.svg\" alt=\"Bon\" srcset=\"../../media/photo-2x.svg 2x, ../../media/photo.svg 1x\">"
                + "<picture><source srcset=\"../../media/photo.webp\"><img src=\"../../media/photo.svg\" alt=\"Bon\"></picture>"
                + "<img src=\"data:image/gif;base64,R0lGOD\" alt=\"inline\">"));
        write("index.html", Files.readString(site.resolve("index.html")).replace("</main>",
                "<meta property=\"og:image\" content=\"https://example.org/news/media/carte.png\"></main>"));
        CheckReport r = check();
        assertEquals(List.of(
                new Finding(Kind.MISSING_IMAGE, "index.html", "https://example.org/news/media/carte.png", "no such file: media/carte.png"),
                new Finding(Kind.MISSING_IMAGE, "politique/un/index.html", "../../media/absente.jpg", "no such file: media/absente.jpg"),
                new Finding(Kind.MISSING_ALT, "politique/un/index.html", "../../media/photo.svg",
                        "add alt=\"…\" saying what it shows, or alt=\"\" if it is only decoration"),
                new Finding(Kind.MISSING_IMAGE, "politique/un/index.html", "../../media/photo-2x.svg", "no such file: media/photo-2x.svg"),
                new Finding(Kind.MISSING_IMAGE, "politique/un/index.html", "../../media/photo.webp", "no such file: media/photo.webp")),
                r.findings(), "alt=\"\" marks a decorative image: fine");
        assertTrue(r.findings().stream().allMatch(Finding::isError), "a missing text alternative fails the check too");
    }

    @Test
    void anOrphanPage() throws IOException {
        write("politique/oubliee/index.html", page("Oubliée – Gazette", "<a href=\"../../\">Accueil</a>"));
        // Linked from a feed and the sitemap only: readers of the site still never reach it.
        write("sitemap.xml", Files.readString(site.resolve("sitemap.xml")).replace("</urlset>",
                "<url><loc>https://example.org/news/politique/oubliee/</loc></url></urlset>"));
        // Linked only from another orphan: still out of reach.
        write("politique/oubliee/suite/index.html", page("Suite – Gazette", "<a href=\"../\">Retour</a>"));
        write("politique/oubliee/index.html", page("Oubliée – Gazette", "<a href=\"suite/\">Suite</a>"));
        CheckReport r = check();
        assertEquals(List.of(
                new Finding(Kind.ORPHAN_PAGE, "politique/oubliee/index.html", "", "no chain of links from the home page reaches it"),
                new Finding(Kind.ORPHAN_PAGE, "politique/oubliee/suite/index.html", "", "no chain of links from the home page reaches it")),
                r.findings());
        assertTrue(r.passed(), "an orphan is worth a look, not broken: a warning");
    }

    @Test
    void duplicateTitlesButNotPagination() throws IOException {
        write("politique/trois/index.html", page("Un – Gazette", "<a href=\"../../\">Accueil</a>"));
        write("politique/quatre/index.html", page("Un – Gazette", "<a href=\"../../\">Accueil</a>"));
        write("politique/un/index.html", Files.readString(site.resolve("politique/un/index.html"))
                .replace("</body>", "<a href=\"../trois/\">3</a><a href=\"../quatre/\">4</a></body>"));
        CheckReport r = check();
        assertEquals(List.of(new Finding(Kind.DUPLICATE_TITLE, "politique/quatre/index.html", "\"Un – Gazette\"",
                "also the title of politique/trois/index.html, politique/un/index.html")), r.findings(),
                "the tag's page 2 has its own title: no finding");
        assertTrue(r.passed());

        write("tags/maroc/page/2/index.html", page("#Maroc – Gazette", "<a href=\"../../\">Précédent</a>"));
        assertEquals(List.of("\"Un – Gazette\"", "\"#Maroc – Gazette\""), of(check(), Kind.DUPLICATE_TITLE).stream().map(Finding::target).toList(),
                "pagination whose titles do not differ is a real finding");
        write("politique/trois/index.html", "<html><body><a href=\"../../\">Accueil</a></body></html>");
        assertEquals(List.of("politique/trois/index.html"), of(check(), Kind.MISSING_TITLE).stream().map(Finding::page).toList());
    }

    @Test
    void feedsAndSitemapsThatDoNotParse() throws IOException {
        write("rubriques/sport/feed.xml", "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sport & co</title></channel></rss>");
        write("tags/maroc/atom.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry></feed>");
        write("sitemap-2.xml", "<?xml version=\"1.0\"?><!DOCTYPE urlset SYSTEM \"http://example.org/never-fetched.dtd\"><urlset/>");
        write("feed.json", "{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": [,]}");
        write("data.json", "{\"ok\": true}");
        write("sitemap.xml", Files.readString(site.resolve("sitemap.xml")).replace("</urlset>",
                "<url><loc>https://example.org/news/politique/supprimee/</loc></url></urlset>"));
        CheckReport r = check();
        List<Finding> unreadable = of(r, Kind.UNREADABLE_FILE);
        assertEquals(List.of("feed.json", "rubriques/sport/feed.xml", "tags/maroc/atom.xml"), unreadable.stream().map(Finding::page).toList(),
                r.findings()::toString);
        assertTrue(unreadable.get(1).detail().startsWith("not well-formed XML: line 1, column"), unreadable.get(1).detail());
        assertTrue(unreadable.get(0).detail().startsWith("not valid JSON"), unreadable.get(0).detail());
        assertEquals(List.of(new Finding(Kind.BROKEN_LINK, "sitemap.xml", "https://example.org/news/politique/supprimee/",
                "no such page: politique/supprimee/index.html")), of(r, Kind.BROKEN_LINK));
        assertEquals(4, r.findings().size(), r.findings()::toString);
    }

    @Test
    void aSiteWithoutAHomePage() throws IOException {
        Files.delete(site.resolve("index.html"));
        CheckReport r = check();
        assertFalse(r.passed());
        assertTrue(r.findings().stream().anyMatch(f -> f.page().equals("index.html") && f.detail().contains("no home page")), r.findings()::toString);
    }

    @Test
    void theBaseUrlGivenWinsOverTheCanonicalLink() throws IOException {
        // Published elsewhere: the absolute links to example.org/news are then outside links.
        CheckReport r = SiteCheck.check(site, CheckOptions.of("https://mirror.example.net/", 1));
        assertEquals("https://mirror.example.net/", r.baseUrl());
        assertEquals(List.of("/news/"), of(r, Kind.BROKEN_LINK).stream().map(Finding::target).toList(),
                "the 404 page's rooted link now points outside the site's files");
        assertTrue(r.externalLinks() > 0);
    }

    @Test
    void aPageIsReadOnceAndForgotten() throws IOException {
        // A page that is not UTF-8 but says so is read in its own encoding, as browsers do.
        Files.write(site.resolve("politique/un/index.html"), ("<html><head><meta charset=\"windows-1252\"><title>Un \u00e9t\u00e9</title></head>"
                + "<body><h2 id=\"\u00e9t\u00e9\"></h2><a href=\"#\u00e9t\u00e9\">ici</a><a href=\"../../\">Accueil</a></body></html>")
                .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        CheckReport r = check();
        assertEquals(List.of(), r.findings());
    }

    /** A redirect page as the default theme writes it: refresh at once, canonical, noindex, a link. */
    private static String redirect(String title, String to) {
        return "<!DOCTYPE html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>" + title + "</title>"
                + "<meta name=\"robots\" content=\"noindex\"><link rel=\"canonical\" href=\"" + to + "\">"
                + "<meta http-equiv=\"refresh\" content=\"0; url=" + to + "\"></head><body><a href=\"" + to + "\">" + title + "</a></body></html>";
    }

    @Test
    void redirectPagesAreNeitherOrphansNorDuplicateTitles() throws IOException {
        write("politique/ancien-un/index.html", redirect("Un – Gazette", "../../politique/un/"));
        write("vieux.html", redirect("Un – Gazette", "politique/un/"));
        CheckReport r = check();
        assertEquals(List.of(), of(r, Kind.ORPHAN_PAGE));
        assertEquals(List.of(), of(r, Kind.DUPLICATE_TITLE));
        assertEquals(List.of(), of(r, Kind.BROKEN_LINK));
    }

    @Test
    void aRedirectToNoPageIsABrokenLink() throws IOException {
        write("politique/ancien/index.html", redirect("Disparu", "../../politique/disparu/"));
        List<Finding> broken = of(check(), Kind.BROKEN_LINK);
        assertEquals(1, broken.size(), broken::toString);
        assertEquals("politique/ancien/index.html", broken.get(0).page());
    }

    @Test
    void aPageThatRefreshesLaterIsAPageLikeAnother() throws IOException {
        write("politique/lent/index.html", page("Lent", "<meta http-equiv=\"refresh\" content=\"30; url=../un/\">"));
        assertEquals(1, of(check(), Kind.ORPHAN_PAGE).size());
    }
}
