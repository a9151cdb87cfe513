package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
        // Links, anchors, images, feeds and sitemaps too, as `gazette check` sees them. The one
        // warning allowed: the related page of an article without related articles, written (it
        // says "none for the moment", so its URL stays) but linked from nowhere.
        List<String> findings = dev.gazette.check.SiteCheck.check(site.out, dev.gazette.check.CheckOptions.of(null, 2)).findings().stream()
                .filter(f -> !(f.kind() == dev.gazette.check.Finding.Kind.ORPHAN_PAGE && f.page().endsWith("/related/index.html")))
                .map(dev.gazette.check.Finding::describe).toList();
        assertEquals(List.of(), findings);
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
                .article("trois.md", "Trois.", "title: Trois", "date: 2025-09-03 10:00", "tags: [Maroc]")
                .article("quatre.md", "Quatre.", "title: Quatre", "date: 2025-09-04 10:00");
        BuildReport report = validBuild(site);
        assertEquals(4, report.articles());
        Document un = page(site, "non-classe/un/index.html");
        assertEquals("Un", un.selectFirst("h1").text());
        assertNull(un.selectFirst(".kicker"), "no rubric line");
        assertEquals("Le 01/09/2025 à 10h00", un.selectFirst(".dateline").text());
        assertTrue(Files.isRegularFile(site.out.resolve("archives/2025/09/page/2/index.html")), "four articles of one month, two a page");
        assertTrue(Files.isRegularFile(site.out.resolve("rubriques/index.html")));
        assertFalse(Files.exists(site.out.resolve("rubriques/non-classe")));
        Document archive1 = page(site, "archives/2025/09/index.html");
        Document archive2 = page(site, "archives/2025/09/page/2/index.html");
        assertTrue(archive1.select("head link[rel=prev]").isEmpty());
        assertTrue(archive1.selectFirst("head link[rel=next]").attr("href").endsWith("archives/2025/09/page/2/"),
                archive1.select("head link").outerHtml());
        assertTrue(archive2.selectFirst("head link[rel=prev]").attr("href").endsWith("archives/2025/09/"));
        assertTrue(archive2.select("a").eachAttr("href").stream().anyMatch(h -> h.endsWith("non-classe/un/")),
                archive2.body().html());
        // Pages are counted from the oldest article: the second page holds the first two published.
        assertEquals(List.of("Deux", "Un"), archive2.select("main article h2, main article h3").eachText().stream()
                .map(t -> t.replaceAll("\\s.*", "")).toList(), archive2.select("main").outerHtml());
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
        assertEquals(dev.gazette.text.FrenchTypography.text(title), page.selectFirst("h1").wholeText(), "shown as text, typeset");
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
        // In Markdown, 10,000 tags in one block is past what the parser handles in reasonable time
        // (its cost grows with the square of a paragraph's markup): an error naming the line.
        BuildReport refused = site.build();
        assertFalse(refused.succeeded());
        List<Problem> errors = refused.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertEquals("brut.md", errors.get(0).file());
        assertEquals(5, errors.get(0).line());
        Files.delete(site.articles.resolve("brut.md"));
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        assertTrue(page(site, "non-classe/profond/index.html").text().contains("Au fond."));
    }

    private static final Pattern CHARACTER_REFERENCE = Pattern.compile("&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    /** Whether {@code text} holds a character no page may carry (written out here, not taken from the code under test). */
    private static boolean hasControl(String text) {
        return text.chars().anyMatch(c -> (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F));
    }

    /** Every string of a JSON value, keys included. */
    private static void strings(JsonElement e, List<String> out) {
        if (e.isJsonPrimitive()) {
            out.add(e.getAsString());
        } else if (e.isJsonArray()) {
            e.getAsJsonArray().forEach(item -> strings(item, out));
        } else if (e.isJsonObject()) {
            e.getAsJsonObject().entrySet().forEach(entry -> {
                out.add(entry.getKey());
                strings(entry.getValue(), out);
            });
        }
    }

    @Test
    void controlCharactersWrittenAsEscapesReachNoPage() throws Exception {
        FixtureSite site = new FixtureSite(tmp)
                .file("site.yml", "title: \"La Gazette\\0 du Maroc\\x01\"\ndescription: \"L\u2019actualit\u00e9\\u0007 en continu\"\n"
                        + "baseUrl: https://gazette.example.ma/\ntimeZone: Africa/Casablanca\n")
                .article("yaml.md", "Corps &#1; avec [un lien](https://exemple.ma \"t&#x7f;\") et &#128;.",
                        "title: \"Un\\0 titre\\x01 en YAML\\u0007\"", "date: 2025-09-05T10:00:00+01:00",
                        "category: \"Poli\\etique\"", "tags: [\"Ma\\x02roc\", Russie]", "author: [\"Salma\\N Benali\"]",
                        "summary: \"Le\\a chap\u00f4 du texte\"", "caption: \"Le\\b port\"")
                .file("articles/page.html", "<html lang=\"fr\"><head><title>Ignor\u00e9</title>\n"
                        + "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Une\\u0001 page &#7; HTML\", "
                        + "\"datePublished\": \"2025-09-06T10:00:00+01:00\", \"articleSection\": \"\\u0085Politique\", "
                        + "\"author\": {\"@type\": \"Person\", \"name\": \"Nadia\\u007f Alami\"}}</script>\n"
                        + "<meta name=\"description\" content=\"Le chap\u00f4&#1; de la&#x7f; page\">\n"
                        + "<meta property=\"article:tag\" content=\"Maroc&#x1b;\">\n"
                        + "</head><body><article><h1>Une page HTML</h1><p>Corps&#2; de la page <img src=\"https://cdn.exemple.ma/a.jpg\" "
                        + "alt=\"a&#x90;\">.</p></article></body></html>\n");
        BuildReport report = validBuild(site);
        assertEquals(2, report.articles());
        List<String> warned = report.problems().stream().filter(p -> p.message().contains("control character"))
                .map(p -> Path.of(p.file()).getFileName() + (p.field() == null ? "" : " " + p.field())).sorted().toList();
        assertEquals(List.of("page.html json-ld", "site.yml title", "yaml.md body", "yaml.md title"), warned, report.problems()::toString);

        for (String relative : List.of("politique/yaml/index.html", "politique/page-html/index.html", "index.html")) {
            Document page = page(site, relative);
            String title = page.title();
            assertFalse(hasControl(title), relative + " <title>: " + title);
            assertTrue(title.contains("La Gazette du Maroc"), title);
            String description = page.selectFirst("meta[name=description]").attr("content");
            assertFalse(hasControl(description), relative + " description: " + description);
            if (!relative.equals("index.html")) {
                String h1 = page.selectFirst("h1").text();
                assertFalse(hasControl(h1), relative + " <h1>: " + h1);
                assertTrue(h1.equals("Un titre en YAML") || h1.equals("Une page HTML"), h1);
                assertTrue(description.startsWith("Le chap\u00f4"), description);
            }
            List<Element> blocks = page.select("script[type=application/ld+json]");
            assertTrue(relative.equals("index.html") || !blocks.isEmpty(), relative + " has JSON-LD");
            for (Element block : blocks) {
                assertFalse(block.data().matches("(?s).*\\\\u00[01][0-9a-fA-F].*"), "no escaped control: " + block.data());
                List<String> values = new ArrayList<>();
                strings(JsonParser.parseString(block.data()), values);
                values.forEach(v -> assertFalse(hasControl(v), relative + " JSON-LD: " + v));
            }
            assertFalse(hasControl(page.wholeText()), relative);
            page.getAllElements().forEach(e -> e.attributes().forEach(a -> assertFalse(hasControl(a.getValue()), relative + " " + a)));
        }
        for (Map.Entry<String, byte[]> file : site.output().entrySet()) {
            if (file.getKey().matches(".*\\.(html|xml|json|txt)")) {
                String text = new String(file.getValue(), StandardCharsets.UTF_8);
                assertFalse(hasControl(text), file.getKey());
                Matcher ref = CHARACTER_REFERENCE.matcher(text);
                while (ref.find()) {
                    int c = ref.group(1) != null ? Integer.parseInt(ref.group(1), 16) : Integer.parseInt(ref.group(2));
                    assertFalse(c <= 0xFFFF && hasControl(String.valueOf((char) c)), file.getKey() + ": " + ref.group());
                }
            }
        }
    }
}
