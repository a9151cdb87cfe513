package dev.gazette.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edge-case sites that must build, each page passing the Nu HTML Checker with zero errors. */
class ValidSitesTest {

    @TempDir
    Path tmp;

    /** Builds {@code site}, checks it succeeded and validates every page. */
    private static BuildReport validBuild(FixtureSite site) throws Exception {
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        assertEquals(0, report.errors());
        assertTrue(Files.isRegularFile(site.out.resolve("index.html")));
        assertTrue(Files.isRegularFile(site.out.resolve("404.html")));
        assertEquals(report.totalPages(), SiteBuilderTest.filesUnder(site.out, ".html").size(), "every page written, no other");
        assertEquals(List.of(), NuChecker.errorsUnder(site.out));
        return report;
    }

    private static Document page(FixtureSite site, String relative) throws IOException {
        Path file = site.out.resolve(relative);
        assertTrue(Files.isRegularFile(file), relative);
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void aSiteWithoutAnyRubric() throws Exception {
        FixtureSite site = new FixtureSite(tmp)
                .file("site.yml", "title: Sans rubrique\npageSize: 2\ntimeZone: Africa/Casablanca\n")
                .article("un.md", "Un.", "title: Un", "date: 2025-09-01 10:00", "tags: [Maroc]")
                .article("deux.md", "Deux.", "title: Deux", "date: 2025-09-02 10:00")
                .article("trois.md", "Trois.", "title: Trois", "date: 2025-09-03 10:00", "tags: [Maroc]");
        BuildReport report = validBuild(site);
        assertEquals(3, report.articles());
        Document un = page(site, "non-classe/un/index.html");
        assertEquals("Un", un.selectFirst("h1").text());
        assertNull(un.selectFirst(".kicker"), "no rubric line");
        assertEquals("Le 01/09/2025 à 10h00", un.selectFirst(".dateline").text());
        assertTrue(Files.isRegularFile(site.out.resolve("archives/page/2/index.html")), "three articles, two a page");
        assertTrue(Files.isRegularFile(site.out.resolve("rubriques/index.html")));
        assertFalse(Files.exists(site.out.resolve("rubriques/non-classe")));
        Document archive2 = page(site, "archives/page/2/index.html");
        assertTrue(archive2.select("a").eachAttr("href").stream().anyMatch(h -> h.endsWith("non-classe/un/")),
                archive2.body().html());
    }

    @Test
    void anEnglishSite() throws Exception {
        FixtureSite site = new FixtureSite(tmp)
                .file("site.yml", "title: The Gazette\nlanguage: en\ntimeZone: Europe/London\nbaseUrl: https://example.org/news\n")
                .file("articles/images/port.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>")
                .article("port.md", "Body with a table:\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSee https://example.org/x.",
                        "title: The port opens", "date: 2025-09-01T10:00:00+01:00", "updated: 2025-09-02T08:00:00+01:00",
                        "category: Economy", "tags: [Ports, Trade]", "author: [Jane Doe, John Roe]",
                        "summary: A lead.", "image: images/port.svg", "caption: The port.")
                .article("other.md", "Other.", "title: Another story", "date: 2025-08-30", "category: Economy",
                        "tags: [Trade]", "lang: fr");
        validBuild(site);
        Document port = page(site, "economy/port/index.html");
        assertEquals("en", port.selectFirst("html").attr("lang"));
        assertEquals("September 1, 2025, 10:00 AM", port.selectFirst(".dateline").text());
        assertTrue(port.selectFirst(".byline").text().startsWith("By Jane Doe and John Roe"), port.selectFirst(".byline").text());
        assertNotNull(port.selectFirst(".article-body table"));
        assertEquals("https://example.org/x", port.selectFirst(".article-body a[href^=https]").attr("href"));
        String img = port.selectFirst("figure img").attr("src");
        assertTrue(Files.isRegularFile(site.out.resolve("economy/port").resolve(img).normalize()), img);
        assertEquals("https://example.org/news/economy/port/", port.selectFirst("link[rel=canonical]").attr("href"));
        Document other = page(site, "economy/other/index.html");
        assertEquals("fr", other.selectFirst("article").attr("lang"));
    }

    @Test
    void anEmptyArticlesFolder() throws Exception {
        FixtureSite site = new FixtureSite(tmp);
        BuildReport report = validBuild(site);
        assertEquals(0, report.articles());
        Problem w = report.problems().get(0);
        assertFalse(w.isError());
        assertEquals(site.articles.toString(), w.file());
    }

    @Test
    void aTitleWithMarkupAndAmpersands() throws Exception {
        String title = "<script>alert(\"x\")</script> Ventes & achats <b>en hausse</b>";
        FixtureSite site = new FixtureSite(tmp)
                .article("titre.md", "Corps & <em>texte</em>.<script>alert(2)</script>", "title: '" + title + "'",
                        "date: 2025-09-01", "category: 'R&D'", "tags: ['C&A', '<i>x</i>']", "summary: 'Un & deux <script>'",
                        "caption: '<img src=x onerror=alert(3)>'")
                .article("autre.md", "Autre.", "title: Autre", "date: 2025-09-02", "category: 'R&D'", "tags: ['C&A']");
        validBuild(site);
        Document page = page(site, "r-d/titre/index.html");
        assertEquals(title, page.selectFirst("h1").text());
        assertTrue(page.title().contains("Ventes & achats"), page.title());
        assertEquals("R&D", page.selectFirst(".kicker").text());
        for (Path html : SiteBuilderTest.filesUnder(site.out, ".html")) {
            Document d = Jsoup.parse(html.toFile(), "UTF-8");
            assertTrue(d.select("script").stream().noneMatch(s -> s.data().contains("alert")), html.toString());
            assertTrue(d.select("b, i, img[onerror]").isEmpty(), html + ": " + d.select("b, i, img[onerror]"));
        }
    }

    @Test
    void localImagesOfArticlesInSubFoldersArePublished() throws Exception {
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1\" height=\"1\"/>";
        FixtureSite site = new FixtureSite(tmp)
                .file("articles/images/commune.svg", svg)
                .file("articles/2025/page_files/a.svg", svg)
                .article("2025/markdown.md", "x", "title: Markdown", "date: 2025-09-01", "image: ../images/commune.svg")
                .file("articles/2025/page.html", "<html><head><meta property=\"og:title\" content=\"Page\">"
                        + "<meta property=\"og:image\" content=\"page_files/a.svg\">"
                        + "<meta property=\"article:published_time\" content=\"2025-09-02T10:00:00+01:00\"></head>"
                        + "<body><article><h1>Page</h1><p>Corps.</p></article></body></html>");
        BuildReport report = validBuild(site);
        assertEquals(List.of(), report.problems().stream().filter(p -> !"baseUrl".equals(p.field())).toList(),
                "no problem but the missing base URL");
        for (String url : List.of("non-classe/markdown/", "non-classe/page/")) {
            String src = page(site, url + "index.html").selectFirst("figure img").attr("src");
            assertTrue(Files.isRegularFile(site.out.resolve(url).resolve(src).normalize()), url + " -> " + src);
        }
    }

    @Test
    void deepButReasonableNestingRenders() throws Exception {
        StringBuilder lists = new StringBuilder("Intro.\n\n");
        for (int i = 0; i < 20; i++) {
            lists.append("  ".repeat(i)).append("- niveau ").append(i + 1).append('\n');
        }
        lists.append('\n').append("> ".repeat(20)).append("citation\n");
        FixtureSite site = new FixtureSite(tmp).article("profond.md", lists.toString(), "title: Profond", "date: 2025-09-01");
        validBuild(site);
        Element body = page(site, "non-classe/profond/index.html").selectFirst(".article-body");
        assertEquals(20, body.select("ul").size());
        assertEquals(20, body.select("blockquote").size());
        assertEquals("niveau 20", body.select("ul ".repeat(19) + "ul > li").text());
    }

    @Test
    void htmlNestedTenThousandLevelsDeepIsAPage() throws Exception {
        // jsoup stops nesting elements at 512 levels (later ones become siblings), so nothing recurses deeper.
        int n = 10_000;
        FixtureSite site = new FixtureSite(tmp)
                .file("articles/profond.html", "<html><head><meta property=\"og:title\" content=\"Profond\">"
                        + "<meta property=\"article:published_time\" content=\"2025-09-02T10:00:00+01:00\"></head><body><article><h1>Profond</h1>"
                        + "<div><blockquote>".repeat(n / 2) + "<p>Au fond.</p>" + "</blockquote></div>".repeat(n / 2) + "</article></body></html>")
                .article("brut.md", "<blockquote>".repeat(n) + "Au fond.", "title: Brut", "date: 2025-09-01");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        for (String url : List.of("non-classe/profond/", "non-classe/brut/")) {
            assertTrue(page(site, url + "index.html").text().contains("Au fond."), url);
        }
    }
}
