package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.text.UrlPaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site with {@code slugs: unicode}: folders named in Arabic and Cyrillic, every link to them
 * percent-encoded (pages, canonical, feeds, sitemaps, redirects, search index), Latin URLs unchanged.
 */
class UnicodeSlugsTest {

    private static final String BASE = "https://gazette.example.ma/";
    private static final String ARABIC = "مدينة/افتتاح-حديقة-جديدة-على-ضفاف-النهر/";
    private static final String RUSSIAN = "культура/театр-откроет-сезон/";

    @TempDir
    Path tmp;

    private FixtureSite site(String slugsLine) throws IOException {
        FixtureSite site = new FixtureSite(tmp);
        site.file("site.yml", "title: Gazette\nbaseUrl: " + BASE + "\nlanguage: fr\ntimeZone: Africa/Casablanca\n" + slugsLine);
        // A file name without a letter or digit: the slug comes from the title.
        site.article("-.md", "Le parc ouvre ses portes.", "title: \"افتتاح حديقة جديدة على ضفاف النهر\"", "date: 2025-09-10T10:00:00+01:00",
                "category: مدينة", "tags: [حدائق]", "author: سلمى بنعلي", "lang: ar");
        // Named as `gazette new` names it on such a site: the file name is the slug.
        site.article("театр-откроет-сезон.md", "Премьера в октябре.", "title: Театр откроет сезон", "date: 2025-09-11T10:00:00+01:00",
                "category: Культура", "tags: [Театр]", "lang: ru", "aliases: [/ancien/театр/]");
        site.article("--.md", "Visite officielle.", "title: \"Sergueï Lavrov à Rabat\"", "date: 2025-09-12T10:00:00+01:00",
                "category: Politique", "tags: [Diplomatie]", "author: Salma Benali");
        return site;
    }

    @Test
    void foldersAreUnicodeAndEveryLinkToThemIsPercentEncoded() throws Exception {
        FixtureSite site = site("slugs: unicode\n");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);

        // On disk: UTF-8 folder names, the Latin article where it always was.
        assertTrue(Files.isRegularFile(site.out.resolve(ARABIC + "index.html")), "the Arabic folder");
        assertTrue(Files.isRegularFile(site.out.resolve(RUSSIAN + "index.html")), "the Cyrillic folder");
        assertTrue(Files.isRegularFile(site.out.resolve("tags/حدائق/index.html")));
        assertTrue(Files.isRegularFile(site.out.resolve("tags/حدائق/feed.xml")), "a tag's feed beside its page, on disk");
        assertTrue(Files.isRegularFile(site.out.resolve("auteurs/سلمى-بنعلي/index.html")));
        assertTrue(Files.isRegularFile(site.out.resolve("politique/serguei-lavrov-rabat/index.html")), "Latin slugs as with ascii");

        // Links from the home page and the tag page: encoded, and naming that folder once decoded.
        Document home = page(site, "index.html");
        assertLinksTo(site, home, "", ARABIC);
        assertLinksTo(site, home, "", RUSSIAN);
        Document tag = page(site, "tags/حدائق/index.html");
        assertLinksTo(site, tag, "tags/حدائق/", ARABIC);
        for (Element a : home.select("a[href]")) {
            assertAscii(a.attr("href"));
        }

        // The article page: right to left, canonical encoded.
        Document article = page(site, ARABIC + "index.html");
        Element story = article.selectFirst("article.story");
        assertEquals("rtl", story.attr("dir"));
        assertEquals("ar", story.attr("lang"));
        // The French site's own words in it (byline, dateline) are laid out left to right.
        for (String label : List.of("p.byline", "p.dateline")) {
            assertEquals("fr", story.selectFirst(label).attr("lang"), label);
            assertEquals("ltr", story.selectFirst(label).attr("dir"), label);
        }
        // On the home page, its card is right to left, and the card's French labels left to right.
        Element card = home.select("article.card[lang=ar]").first();
        assertNotNull(card, "the Arabic article's card names its language");
        assertEquals("rtl", card.attr("dir"));
        assertEquals("ltr", card.selectFirst("p.card-meta").attr("dir"));
        assertTrue(home.select("article.card:not([lang])").stream().noneMatch(c -> c.hasAttr("dir")), "French cards need no dir");
        assertEquals(BASE + UrlPaths.encode(ARABIC), article.selectFirst("link[rel=canonical]").attr("href"));
        String jsonLd = article.select("script[type=application/ld+json]").html();
        assertTrue(jsonLd.contains(BASE + UrlPaths.encode(ARABIC)), jsonLd);
        assertFalse(jsonLd.contains(BASE + ARABIC), "JSON-LD names the page by its encoded URL");

        // Sitemaps and feeds: escaped URLs, as their formats require.
        List<String> locs = xml(site, "sitemap.xml").select("loc").eachText();
        assertTrue(locs.contains(BASE + UrlPaths.encode(ARABIC)), locs::toString);
        assertTrue(locs.contains(BASE + "tags/" + UrlPaths.encode("حدائق") + "/"), locs::toString);
        locs.forEach(UnicodeSlugsTest::assertAscii);
        List<String> news = xml(site, "news-sitemap.xml").select("url > loc").eachText();
        assertTrue(news.contains(BASE + UrlPaths.encode(RUSSIAN)), news::toString);
        news.forEach(UnicodeSlugsTest::assertAscii);
        Document feed = xml(site, "feed.xml");
        List<String> links = feed.select("item > link").eachText();
        assertTrue(links.contains(BASE + UrlPaths.encode(ARABIC)), links::toString);
        links.forEach(UnicodeSlugsTest::assertAscii);
        Document tagFeed = xml(site, "tags/حدائق/feed.xml");
        assertTrue(tagFeed.select("link").eachText().contains(BASE + "tags/" + UrlPaths.encode("حدائق") + "/"));
        List<String> announced = tag.select("link[rel=alternate][type=application/rss+xml]").eachAttr("href");
        assertTrue(announced.contains(BASE + "tags/" + UrlPaths.encode("حدائق") + "/feed.xml"), () -> "the tag page announces its feed encoded: " + announced);

        // Redirects: the page at the old address on disk, the host files with encoded paths (nginx's $uri is decoded).
        assertTrue(Files.isRegularFile(site.out.resolve("ancien/театр/index.html")));
        String netlify = Files.readString(site.out.resolve("_redirects"), StandardCharsets.UTF_8);
        assertTrue(netlify.contains("/" + UrlPaths.encode("ancien/театр/") + " /" + UrlPaths.encode(RUSSIAN) + " 301\n"), netlify);
        String nginx = Files.readString(site.out.resolve("redirects.nginx.conf"), StandardCharsets.UTF_8);
        assertTrue(nginx.contains("\"/ancien/театр/\" \"/" + UrlPaths.encode(RUSSIAN) + "\";"), nginx);
        Document redirect = page(site, "ancien/театр/index.html");
        assertEquals("../../" + UrlPaths.encode(RUSSIAN), redirect.selectFirst("body a[href]").attr("href"));

        // The search index's result URLs.
        String searchIndex = searchDocuments(site);
        assertTrue(searchIndex.contains("\"u\":\"" + UrlPaths.encode(ARABIC) + "\""), searchIndex);
        assertFalse(searchIndex.contains("\"u\":\"" + ARABIC + "\""));

        // Every link resolves, as `gazette check` reads the site (it decodes the escapes).
        List<String> findings = dev.gazette.check.SiteCheck.check(site.out, dev.gazette.check.CheckOptions.of(null, 2)).findings().stream()
                .filter(f -> !(f.kind() == dev.gazette.check.Finding.Kind.ORPHAN_PAGE && f.page().endsWith("/related/index.html")))
                .map(dev.gazette.check.Finding::describe).toList();
        assertEquals(List.of(), findings);
    }

    @Test
    void theDefaultRuleTransliteratesAndSayingItChangesNoByte() throws Exception {
        FixtureSite site = site("");
        assertTrue(site.build().succeeded());
        Map<String, byte[]> byDefault = site.output();
        assertTrue(byDefault.containsKey("mdynt/afttah-hdyqt-jdydt-ly-dfaf-alnhr/index.html"), byDefault.keySet()::toString);
        assertTrue(byDefault.containsKey("kul-tura/teatr-otkroet-sezon/index.html"), byDefault.keySet()::toString);
        assertTrue(byDefault.containsKey("politique/serguei-lavrov-rabat/index.html"), byDefault.keySet()::toString);
        // Only the editor's own old address is in Cyrillic: every slug was transliterated.
        byDefault.keySet().stream().filter(k -> !k.startsWith("ancien/")).forEach(UnicodeSlugsTest::assertAscii);

        site.file("site.yml", Files.readString(site.root.resolve("site.yml")) + "slugs: ascii\n");
        assertTrue(site.build().succeeded());
        Map<String, byte[]> explicit = site.output();
        assertEquals(byDefault.keySet(), explicit.keySet());
        byDefault.forEach((k, v) -> assertArrayEquals(v, explicit.get(k), k));
    }

    @Test
    void aWrongValueIsAnErrorNamingTheFileAndTheField() throws Exception {
        FixtureSite site = site("slugs: utf8\n");
        BuildReport report = site.build();
        assertFalse(report.succeeded());
        dev.gazette.model.Problem p = report.problems().stream().filter(dev.gazette.model.Problem::isError).findFirst().orElseThrow();
        assertEquals("slugs", p.field(), p.describe());
        assertTrue(p.file().endsWith("site.yml"), p.describe());
        assertTrue(p.describe().contains("`utf8`") && p.describe().contains("slugs: unicode"), p.describe());
    }

    /** {@code page} (at {@code pageUrl}) links to {@code target} with its encoded URL, and that link names the target's folder. */
    private static void assertLinksTo(FixtureSite site, Document page, String pageUrl, String target) {
        String root = "../".repeat((int) pageUrl.chars().filter(c -> c == '/').count());
        String encoded = root + UrlPaths.encode(target);
        List<String> hrefs = page.select("a[href]").eachAttr("href");
        assertTrue(hrefs.contains(encoded), () -> encoded + " not among " + hrefs);
        Path folder = site.out.resolve(pageUrl).resolve(UrlPaths.decode(encoded)).normalize();
        assertTrue(Files.isRegularFile(folder.resolve("index.html")), folder::toString);
    }

    private static void assertAscii(String s) {
        assertTrue(s.chars().allMatch(c -> c > ' ' && c < 0x7f), () -> "not an escaped URL: " + s);
    }

    private static Document page(FixtureSite site, String relative) throws IOException {
        return Jsoup.parse(site.out.resolve(relative).toFile(), "UTF-8");
    }

    private static Document xml(FixtureSite site, String relative) throws IOException {
        return Jsoup.parse(Files.readString(site.out.resolve(relative), StandardCharsets.UTF_8), "", Parser.xmlParser());
    }

    /** The search index's document files, joined. */
    private static String searchDocuments(FixtureSite site) throws IOException {
        StringBuilder all = new StringBuilder();
        for (Map.Entry<String, byte[]> e : site.output().entrySet()) {
            if (e.getKey().contains("/index/") && e.getKey().endsWith(".json")) {
                all.append(new String(e.getValue(), StandardCharsets.UTF_8));
            }
        }
        return all.toString();
    }
}
