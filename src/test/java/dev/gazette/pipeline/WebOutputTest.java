package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/** The sample site and small fixture sites, as feed readers, crawlers and social networks see them. */
class WebOutputTest {

    private static final String BASE = "https://gazette.example.ma/";
    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

    @TempDir
    static Path shared;
    static Path out;
    static BuildReport report;

    @BeforeAll
    static void buildSample() {
        out = shared.resolve("out");
        report = SiteBuilderTest.build(Path.of("articles"), out);
        assertTrue(report.succeeded(), () -> report.problems().toString());
    }

    /** The file a site URL is served from. */
    private static Path fileOf(Path site, String url) {
        assertTrue(url.startsWith(BASE), url);
        String path = url.substring(BASE.length());
        return site.resolve(path.isEmpty() || path.endsWith("/") ? path + "index.html" : path);
    }

    private static SyndFeed feed(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new SyndFeedInput().build(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
    }

    private static org.w3c.dom.Document xml(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(file.toFile());
    }

    private static List<String> texts(org.w3c.dom.Document doc, String ns, String local) {
        NodeList nodes = doc.getElementsByTagNameNS(ns, local);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            values.add(nodes.item(i).getTextContent());
        }
        return values;
    }

    private static Document page(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }

    @Test
    void everyFeedIsReadByRomeWithItemsDatesAndLinks() throws Exception {
        List<Path> rss = SiteBuilderTest.filesUnder(out, "feed.xml");
        List<Path> atom = SiteBuilderTest.filesUnder(out, "atom.xml");
        // The site, 6 rubrics and every tag: one RSS and one Atom feed each.
        assertEquals(rss.size(), atom.size());
        assertEquals(report.webFiles().get("feeds"), rss.size() + atom.size());
        assertTrue(rss.size() > 40, rss::toString);
        List<Path> all = new ArrayList<>(rss);
        all.addAll(atom);
        for (Path file : all) {
            SyndFeed f = feed(file);
            String name = out.relativize(file).toString();
            assertEquals(file.getFileName().toString().equals("feed.xml") ? "rss_2.0" : "atom_1.0", f.getFeedType(), name);
            assertFalse(f.getEntries().isEmpty(), name);
            assertTrue(f.getEntries().size() <= 50, name);
            assertTrue(Files.exists(fileOf(out, f.getLink())), name + " links " + f.getLink());
            Date previous = null;
            for (SyndEntry e : f.getEntries()) {
                Path article = fileOf(out, e.getLink());
                assertTrue(Files.exists(article), name + ": " + e.getLink());
                Document doc = page(article);
                assertEquals(doc.selectFirst("h1").wholeText(), e.getTitle(), name);
                Instant published = OffsetDateTime.parse(doc.selectFirst("meta[property=article:published_time]").attr("content")).toInstant();
                assertEquals(published, e.getPublishedDate().toInstant(), name + ": " + e.getLink());
                assertTrue(previous == null || !e.getPublishedDate().after(previous), name + " is newest first");
                previous = e.getPublishedDate();
            }
        }
        SyndFeed site = feed(out.resolve("feed.xml"));
        assertEquals(Math.min(50, report.articles()), site.getEntries().size());
        String text = Files.readString(out.resolve("feed.xml"));
        assertTrue(text.contains("<atom:link href=\"" + BASE + "feed.xml\" rel=\"self\" type=\"application/rss+xml\"/>"));
        assertTrue(text.contains("+0100</pubDate>"), "dates in the site's time zone (Casablanca)");
    }

    @Test
    void pagesAnnounceFeedsThatExist() throws Exception {
        Document rubric = page(out.resolve("rubriques/politique/index.html"));
        List<String> feeds = rubric.select("link[rel=alternate]").eachAttr("href");
        assertEquals(List.of(BASE + "feed.xml", BASE + "atom.xml", BASE + "rubriques/politique/feed.xml", BASE + "rubriques/politique/atom.xml"), feeds);
        for (Path html : SiteBuilderTest.filesUnder(out, ".html")) {
            for (Element link : page(html).select("link[rel=alternate]")) {
                assertTrue(Files.exists(fileOf(out, link.attr("href"))), html + ": " + link.attr("href"));
                assertTrue(link.attr("type").equals("application/rss+xml") || link.attr("type").equals("application/atom+xml"));
            }
        }
    }

    @Test
    void everyArticlePageHasCanonicalOpenGraphTwitterAndJsonLd() throws Exception {
        int articles = 0;
        for (Path html : SiteBuilderTest.filesUnder(out, ".html")) {
            Document doc = page(html);
            if (!doc.body().hasClass("kind-article")) {
                continue;
            }
            articles++;
            String url = doc.selectFirst("link[rel=canonical]").attr("href");
            assertEquals(html, fileOf(out, url));
            assertEquals(url, doc.selectFirst("meta[property=og:url]").attr("content"));
            assertEquals("article", doc.selectFirst("meta[property=og:type]").attr("content"));
            String headline = doc.selectFirst("h1").wholeText();
            assertEquals(headline, doc.selectFirst("meta[property=og:title]").attr("content"));
            String published = doc.selectFirst("article.story time").attr("datetime");
            assertEquals(published, doc.selectFirst("meta[property=article:published_time]").attr("content"));
            assertNotNull(doc.selectFirst("meta[property=article:modified_time]"));
            assertEquals(doc.select("ul.tags a").size(), doc.select("meta[property=article:tag]").size(), html.toString());
            assertNotNull(doc.selectFirst("meta[property=og:image]"), "an image or the logo");
            assertNotNull(doc.selectFirst("meta[name=twitter:card]"));

            List<Element> blocks = doc.select("script[type=application/ld+json]");
            assertEquals(2, blocks.size(), html.toString());
            JsonObject article = JsonParser.parseString(blocks.get(0).data()).getAsJsonObject();
            assertEquals("NewsArticle", article.get("@type").getAsString());
            assertEquals(headline, article.get("headline").getAsString());
            assertEquals(published, article.get("datePublished").getAsString());
            assertTrue(article.has("dateModified"));
            assertTrue(article.getAsJsonArray("author").size() > 0);
            assertEquals(url, article.getAsJsonObject("mainEntityOfPage").get("@id").getAsString());
            JsonObject publisher = article.getAsJsonObject("publisher");
            assertEquals("Gazette du Maroc", publisher.get("name").getAsString());
            String logo = publisher.getAsJsonObject("logo").get("url").getAsString();
            assertTrue(Files.exists(fileOf(out, logo)), logo);
            if (doc.selectFirst("ul.tags") != null) {
                assertEquals(doc.select("ul.tags a").size(), article.getAsJsonArray("keywords").size());
            }
            if (article.has("articleSection")) {
                assertEquals(doc.selectFirst("meta[property=article:section]").attr("content"), article.get("articleSection").getAsString());
            }
            JsonObject crumbs = JsonParser.parseString(blocks.get(1).data()).getAsJsonObject();
            assertEquals("BreadcrumbList", crumbs.get("@type").getAsString());
            var items = crumbs.getAsJsonArray("itemListElement");
            assertEquals(BASE, items.get(0).getAsJsonObject().get("item").getAsString());
            assertEquals(url, items.get(items.size() - 1).getAsJsonObject().get("item").getAsString());
            if (article.has("articleSection")) {
                assertEquals(3, items.size());
            }
            if (article.has("image")) {
                JsonObject image = article.getAsJsonArray("image").get(0).getAsJsonObject();
                assertEquals(image.get("url").getAsString(), doc.selectFirst("meta[property=og:image]").attr("content"));
                assertEquals("summary_large_image", doc.selectFirst("meta[name=twitter:card]").attr("content"));
            }
        }
        assertEquals(report.articles(), articles);
    }

    @Test
    void listPagesHaveCanonicalOpenGraphAndPagination() throws Exception {
        Document index = Jsoup.parse(out.resolve("archives/index.html").toFile(), "UTF-8", BASE + "archives/");
        assertEquals(BASE + "archives/", index.selectFirst("link[rel=canonical]").attr("href"));
        List<String> months = index.select("main a").eachAttr("abs:href");
        assertTrue(months.contains(BASE + "archives/2025/09/") && months.contains(BASE + "archives/2025/08/"), months::toString);
        Document september = Jsoup.parse(out.resolve("archives/2025/09/index.html").toFile(), "UTF-8", BASE + "archives/2025/09/");
        assertEquals(BASE + "archives/2025/09/", september.selectFirst("link[rel=canonical]").attr("href"));
        assertEquals(BASE + "archives/2025/09/", september.selectFirst("meta[property=og:url]").attr("content"));
        assertEquals("Archives : septembre 2025", september.selectFirst("h1").text().replace('\u00A0', ' '));
        assertTrue(september.selectFirst("h1").wholeText().contains("\u00A0:") || september.selectFirst("h1").html().contains("&nbsp;:"),
                "a no-break space before the colon: " + september.selectFirst("h1").html());
        for (String p : List.of("index.html", "tags/maroc/index.html", "rubriques/politique/index.html")) {
            Document doc = page(out.resolve(p));
            assertEquals("website", doc.selectFirst("meta[property=og:type]").attr("content"), p);
            assertEquals(doc.selectFirst("link[rel=canonical]").attr("href"), doc.selectFirst("meta[property=og:url]").attr("content"), p);
            assertNotNull(doc.selectFirst("meta[property=og:title]"), p);
        }
        assertEquals("noindex, follow", page(SiteBuilderTest.filesUnder(out.resolve("politique"), ".html").stream()
                .filter(f -> f.toString().contains("/related/")).findFirst().orElseThrow()).selectFirst("meta[name=robots]").attr("content"));
    }

    @Test
    void sitemapListsEveryArticleAndOnlyPagesThatExist() throws Exception {
        org.w3c.dom.Document doc = xml(out.resolve("sitemap.xml"));
        assertEquals("urlset", doc.getDocumentElement().getLocalName());
        List<String> locs = texts(doc, SITEMAP_NS, "loc");
        assertEquals(locs.size(), new HashSet<>(locs).size(), "no duplicates");
        assertEquals(locs.size(), texts(doc, SITEMAP_NS, "lastmod").size());
        for (String loc : locs) {
            assertTrue(Files.exists(fileOf(out, loc)), loc);
            assertFalse(loc.endsWith("/related/"), loc);
        }
        Set<String> listed = new HashSet<>(locs);
        for (SyndEntry e : feed(out.resolve("feed.xml")).getEntries()) {
            assertTrue(listed.contains(e.getLink()), e.getLink());
        }
        assertEquals(report.webFiles().get("sitemap URLs"), locs.size());
        assertEquals("User-agent: *\nAllow: /\n\nSitemap: " + BASE + "sitemap.xml\nSitemap: " + BASE + "news-sitemap.xml\n",
                Files.readString(out.resolve("robots.txt")));
    }

    @Test
    void newsSitemapHoldsTheLastTwoDaysArticles() throws Exception {
        // The sample is built at 2025-09-13T00:00Z: the window starts at 2025-09-11T00:00Z.
        Instant since = Instant.parse("2025-09-11T00:00:00Z");
        List<String> expected = feed(out.resolve("feed.xml")).getEntries().stream()
                .filter(e -> !e.getPublishedDate().toInstant().isBefore(since)).map(SyndEntry::getLink).toList();
        assertFalse(expected.isEmpty());
        org.w3c.dom.Document doc = xml(out.resolve("news-sitemap.xml"));
        assertEquals(expected, texts(doc, SITEMAP_NS, "loc"));
        assertEquals(expected.size(), texts(doc, NEWS_NS, "title").size());
        assertTrue(texts(doc, NEWS_NS, "name").stream().allMatch("Gazette du Maroc"::equals));
        assertTrue(texts(doc, NEWS_NS, "language").stream().allMatch("fr"::equals));
        for (String date : texts(doc, NEWS_NS, "publication_date")) {
            assertFalse(OffsetDateTime.parse(date).toInstant().isBefore(since), date);
        }
    }

    @Test
    void mostReadBlockAndImageSizes() throws Exception {
        Document home = page(out.resolve("index.html"));
        List<Element> items = home.select("aside.most-read li a");
        assertEquals(5, items.size());
        assertTrue(items.get(0).attr("href").contains("lions-atlas"), items.get(0).attr("href"));
        assertTrue(page(out.resolve("404.html")).select("aside.most-read").isEmpty());
        for (Path html : List.of(out.resolve("index.html"), out.resolve("archives/index.html"))) {
            for (Element img : page(html).select("img[src*=media/]")) {
                assertFalse(img.attr("width").isEmpty(), img.outerHtml());
                assertFalse(img.attr("height").isEmpty(), img.outerHtml());
            }
        }
        Document article = page(out.resolve("economie/2025-09-02-hydrogene-vert-offre-maroc/index.html"));
        Element img = article.selectFirst("figure img");
        assertEquals("1200", img.attr("width"));
        assertEquals("675", img.attr("height"));
        assertTrue(Files.exists(out.resolve("media/images/hydrogene-vert.svg")));
    }

    // ---- fixture sites ----

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static BuildReport buildFixture(Path src, Path site, boolean future, String baseUrl) throws IOException {
        Path config = src.getParent().resolve("site.yml");
        write(config, "title: Fixture & <Co>\nlanguage: fr\ntimeZone: Africa/Casablanca\n" + (baseUrl == null ? "" : "baseUrl: " + baseUrl + "\n"));
        return SiteBuilder.build(new BuildOptions(src, Path.of("templates"), site, config, null, false, future,
                Instant.parse("2025-09-13T00:00:00Z"), 1));
    }

    private static void writeFixtureArticles(Path src) throws IOException {
        write(src.resolve("escape.md"), "---\ntitle: \"Fish & <chips> </script>\"\ndate: 2025-09-12 10:00\ncategory: \"R&D <x>\"\ntags: [\"A&B\", \"<tag>\"]\n"
                + "summary: \"Lead with <em>markup</em> & ampersand\"\n---\nBody\n");
        write(src.resolve("future.md"), "---\ntitle: Tomorrow's scoop\ndate: 2025-09-14 08:00\ncategory: Politique\n---\nBody\n");
        write(src.resolve("sub/with-image.md"), "---\ntitle: Shared image\ndate: 2025-09-01 08:00\nimage: images/pic.svg\n---\nBody\n");
        write(src.resolve("images/pic.svg"), "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"40\" height=\"30\"/>");
    }

    private static String allXml(Path site) throws IOException {
        StringBuilder text = new StringBuilder();
        for (Path p : SiteBuilderTest.filesUnder(site, ".xml")) {
            text.append(Files.readString(p)).append('\n');
        }
        return text.toString();
    }

    @Test
    void titlesAreAlwaysEscapedAndFutureArticlesWaitForFuture(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        writeFixtureArticles(src);
        Path site = tmp.resolve("site");
        BuildReport r = buildFixture(src, site, false, "https://ex.ma/");
        assertTrue(r.succeeded(), () -> r.problems().toString());
        String xml = allXml(site);
        assertFalse(xml.contains("Fish & <chips>"), "never unescaped");
        assertFalse(xml.contains("<chips>") || xml.contains("<tag>") || xml.contains("R&D") || xml.contains("A&B"));
        assertTrue(xml.contains("Fish &amp; &lt;chips&gt;"));
        assertFalse(xml.contains("Tomorrow"), "a future article is in no feed or sitemap");
        SyndEntry e = feed(site.resolve("feed.xml")).getEntries().get(0);
        assertEquals("Fish & <chips> </script>", e.getTitle());
        assertTrue(e.getDescription().getValue().contains("&lt;em&gt;markup&lt;/em&gt; &amp; ampersand"), e.getDescription().getValue());
        assertEquals(List.of("R&D <x>", "A&B", "<tag>"), e.getCategories().stream().map(c -> c.getName()).toList());
        // Shared images folder: found at the articles' root, sized.
        Document withImage = page(SiteBuilderTest.filesUnder(site, ".html").stream().filter(p -> p.toString().contains("shared-image")
                || p.toString().contains("with-image")).filter(p -> !p.toString().contains("related")).findFirst().orElseThrow());
        assertEquals("40", withImage.selectFirst("figure img").attr("width"));
        String html = Files.readString(SiteBuilderTest.filesUnder(site, ".html").stream().filter(p -> p.toString().contains("escape/index"))
                .findFirst().orElseThrow());
        assertFalse(html.contains("</script><"), "JSON-LD cannot close its script element early");

        Path withFuture = tmp.resolve("future");
        assertTrue(buildFixture(src, withFuture, true, "https://ex.ma/").succeeded());
        String futureXml = allXml(withFuture);
        assertTrue(futureXml.contains("Tomorrow’s scoop"), "typeset: the fixture site is French");
        assertTrue(Files.readString(withFuture.resolve("sitemap.xml")).contains("https://ex.ma/politique/future/"));
        assertTrue(Files.readString(withFuture.resolve("news-sitemap.xml")).contains("https://ex.ma/politique/future/"));
        assertFalse(Files.readString(site.resolve("sitemap.xml")).contains("/future/"));
    }

    @Test
    void aMissingImageIsAnErrorNamingTheArticle(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        write(src.resolve("politique/sans-photo.md"), "---\ntitle: Sans photo\ndate: 2025-09-01 08:00\nimage: photos/absente.jpg\n---\nBody\n");
        BuildReport r = buildFixture(src, tmp.resolve("site"), false, "https://ex.ma/");
        assertFalse(r.succeeded());
        List<String> errors = r.problems().stream().filter(Problem::isError).map(Problem::describe).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).startsWith("politique/sans-photo.md: error: `image`: the image `photos/absente.jpg` does not exist"), errors.get(0));
        assertFalse(Files.exists(tmp.resolve("site")));
    }

    @Test
    void withoutABaseUrlThereAreNoFeedsOrSitemapsAndAWarningSaysWhy(@TempDir Path tmp) throws Exception {
        Path src = tmp.resolve("src");
        writeFixtureArticles(src);
        Path site = tmp.resolve("site");
        BuildReport r = buildFixture(src, site, false, null);
        assertTrue(r.succeeded(), () -> r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> !p.isError() && "baseUrl".equals(p.field())), r.problems()::toString);
        assertFalse(Files.exists(site.resolve("feed.xml")));
        assertFalse(Files.exists(site.resolve("sitemap.xml")));
        assertEquals("User-agent: *\nAllow: /\n", Files.readString(site.resolve("robots.txt")));
        Document home = page(site.resolve("index.html"));
        assertTrue(home.select("link[rel=canonical], link[rel=alternate], meta[property=og:url], script[type=application/ld+json]").isEmpty());
        assertNotNull(home.selectFirst("meta[property=og:title]"));
    }

    @Test
    void aMostReadFileThatIsNoCsvOfPageViewsIsOneWarning(@TempDir Path tmp) throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        StringBuilder services = new StringBuilder("# Network services, Internet style\n");
        for (int port = 1; port <= 300; port++) {
            services.append("service-").append(port).append("\t\t").append(port).append("/tcp\t\t# port ").append(port).append('\n');
        }
        for (String name : List.of("logo.png", "services")) {
            Path dir = tmp.resolve(name);
            FixtureSite site = new FixtureSite(dir)
                    .article("a.md", "Corps.", "title: A", "date: 2025-09-01")
                    .file("site.yml", "title: T\nmostRead: data/" + name + "\n")
                    .file("data/services", services.toString());
            Files.write(site.root.resolve("data/logo.png"), png);
            BuildReport report = site.build();
            assertTrue(report.succeeded(), report.problems()::toString);
            List<Problem> about = report.problems().stream().filter(p -> p.file().endsWith(name)).toList();
            assertEquals(1, about.size(), about::toString);
            assertTrue(about.get(0).message().contains("does not look like a CSV of page views"), about.get(0).describe());
            assertTrue(page(site.out.resolve("index.html")).select("aside.most-read").isEmpty(), "no block");
        }
    }
}
