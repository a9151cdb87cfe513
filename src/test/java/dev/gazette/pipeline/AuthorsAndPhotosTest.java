package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Author pages, feeds and structured data; pictures beside plain-text articles; responsive images. */
class AuthorsAndPhotosTest {

    private static Document page(Path out, String relative) throws IOException {
        return Jsoup.parse(Files.readString(out.resolve(relative), StandardCharsets.UTF_8));
    }

    private static FixtureSite authors(Path tmp, String config) throws IOException {
        return new FixtureSite(tmp)
                .file("site.yml", "title: Gazette du Test\nbaseUrl: https://ex.ma/\nlanguage: fr\ntimeZone: Africa/Casablanca\npageSize: 2\n" + config)
                .article("a.md", "A.", "title: Premier", "date: 2025-09-01T10:00:00+01:00", "category: Politique", "author: Salma Benali")
                .article("b.md", "B.", "title: Deuxième", "date: 2025-09-05T10:00:00+01:00", "category: Sport", "author: salma benali")
                .article("c.md", "C.", "title: Troisième", "date: 2025-09-10T10:00:00+01:00", "category: Sport",
                        "author: [Salma Benali, Youssef El Amrani]")
                .article("d.md", "D.", "title: Communiqué", "date: 2025-09-11T10:00:00+01:00", "category: Sport", "author: La Rédaction");
    }

    @Test
    void bylinesLinkToAuthorPagesListingTheirArticlesNewestFirstWithFeeds(@TempDir Path tmp) throws IOException {
        FixtureSite site = authors(tmp, "");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);

        Document article = page(site.out, "sport/c/index.html");
        List<Element> byline = article.select(".byline a.author");
        assertEquals(List.of("Salma Benali", "Youssef El Amrani"), byline.stream().map(Element::text).toList());
        assertEquals("../../auteurs/salma-benali/", byline.get(0).attr("href"));

        // "salma benali" and "Salma Benali" are one author, named as most bylines write her.
        Document first = page(site.out, "auteurs/salma-benali/index.html");
        assertEquals("Salma Benali", first.selectFirst("h1").text());
        // Two a page, counted from the oldest: three articles are less than two pages' worth, so one page.
        assertEquals(List.of("Troisième", "Deuxième", "Premier"), first.select(".river .card-title a").eachText(), "newest first");
        assertFalse(Files.exists(site.out.resolve("auteurs/salma-benali/page/2/index.html")));
        assertTrue(Files.isRegularFile(site.out.resolve("auteurs/salma-benali/feed.xml")));
        assertTrue(Files.isRegularFile(site.out.resolve("auteurs/salma-benali/atom.xml")));
        assertEquals("https://ex.ma/auteurs/salma-benali/feed.xml",
                first.selectFirst("link[rel=alternate][href$=auteurs/salma-benali/feed.xml]").attr("href"), "the page announces its feed");
        String feed = Files.readString(site.out.resolve("auteurs/salma-benali/feed.xml"));
        assertEquals(3, Jsoup.parse(feed, "", org.jsoup.parser.Parser.xmlParser()).select("item").size());

        Document index = page(site.out, "auteurs/index.html");
        assertEquals(List.of("La Rédaction (1 article)", "Salma Benali (3 articles)", "Youssef El Amrani (1 article)"),
                index.select(".terms a").eachText());
        assertNotNull(page(site.out, "index.html").selectFirst("footer a[href=auteurs/]"), "the author index is linked from every page");

        String sitemap = Files.readString(site.out.resolve("sitemap.xml"));
        assertTrue(sitemap.contains("<loc>https://ex.ma/auteurs/salma-benali/</loc>"), sitemap);
        assertTrue(sitemap.contains("<loc>https://ex.ma/auteurs/</loc>"), sitemap);
    }

    @Test
    void theNewsroomIsAnOrganizationInStructuredDataAndPeopleArePersons(@TempDir Path tmp) throws IOException {
        FixtureSite site = authors(tmp, "");
        assertTrue(site.build().succeeded());
        assertEquals("Organization", author(site.out, "sport/d/index.html").get(0).getAsJsonObject().get("@type").getAsString());
        JsonArray people = author(site.out, "sport/c/index.html");
        assertEquals("Person", people.get(0).getAsJsonObject().get("@type").getAsString());
        assertEquals("https://ex.ma/auteurs/salma-benali/", people.get(0).getAsJsonObject().get("url").getAsString());

        // organizationAuthors: replaces the defaults ("La Rédaction" is then a person's name, as written).
        FixtureSite own = authors(tmp.resolve("own"), "organizationAuthors: [Youssef El Amrani]\n");
        assertTrue(own.build().succeeded());
        assertEquals("Person", author(own.out, "sport/d/index.html").get(0).getAsJsonObject().get("@type").getAsString());
        assertEquals("Organization", author(own.out, "sport/c/index.html").get(1).getAsJsonObject().get("@type").getAsString());
    }

    private static JsonArray author(Path out, String page) throws IOException {
        for (Element script : page(out, page).select("script[type=application/ld+json]")) {
            JsonObject o = JsonParser.parseString(script.data()).getAsJsonObject();
            if (o.get("@type").getAsString().equals("NewsArticle")) {
                return o.getAsJsonArray("author");
            }
        }
        throw new AssertionError("no NewsArticle on " + page);
    }

    @Test
    void anEnglishSiteHasAuthorsPagesAndAPatternMayMoveThem(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: T\nlanguage: en\n")
                .article("a.md", "A.", "title: One", "date: 2025-09-01T10:00:00+01:00", "author: Jane Doe");
        assertTrue(site.build().succeeded());
        assertTrue(Files.isRegularFile(site.out.resolve("authors/jane-doe/index.html")));
        assertEquals("Authors", page(site.out, "authors/index.html").selectFirst("h1").text());

        site.file("site.yml", "title: T\nlanguage: en\npermalinks:\n  author: \"people/{slug}/\"\n");
        assertTrue(site.build().succeeded());
        assertTrue(Files.isRegularFile(site.out.resolve("people/jane-doe/index.html")));
        assertTrue(Files.isRegularFile(site.out.resolve("people/index.html")));
    }

    /** A photo with some detail, so that its copies are not trivially alike. */
    static byte[] photo(int width, int height, String format) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), width, height, new Color(0xe63946)));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.WHITE);
        for (int x = 0; x < width; x += 37) {
            g.drawLine(x, 0, width - x, height);
        }
        g.dispose();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(image, format, bytes);
        return bytes.toByteArray();
    }

    private static final String NEWS_TEXT = " date 2025-09-09 Politique\n\nUn titre de dépêche\n\nLégende de la photo.\n\nLe chapô.\n\n"
            + "Par La Rédaction\nLe 09/09/2025 à 18h36\n\nLe corps.\n";

    @Test
    void aPictureBesideAPlainTextArticleIsItsImageWithSmallerCopiesInSrcset(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: T\nbaseUrl: https://ex.ma/\n").file("articles/depeche.txt", NEWS_TEXT);
        Files.write(site.articles.resolve("depeche.jpg"), photo(1000, 600, "jpg"));
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        assertTrue(report.problems().stream().noneMatch(p -> "caption".equals(p.field())), "the caption has its image: no warning");

        Document article = page(site.out, "politique/titre-depeche/index.html");
        Element img = article.selectFirst(".story-figure img");
        assertEquals("../../media/depeche.jpg", img.attr("src"), "the original stays the fallback");
        assertEquals("../../media/depeche.480w.jpg 480w, ../../media/depeche.800w.jpg 800w, ../../media/depeche.jpg 1000w", img.attr("srcset"),
                "no copy wider than the original");
        assertFalse(img.attr("sizes").isEmpty());
        assertFalse(img.hasAttr("loading"), "the top image is never lazy");
        assertEquals("Légende de la photo.", article.selectFirst("figcaption").text());
        BufferedImage small = ImageIO.read(site.out.resolve("media/depeche.480w.jpg").toFile());
        assertEquals(480, small.getWidth());
        assertEquals(288, small.getHeight());

        Element card = page(site.out, "index.html").selectFirst(".card--lead img");
        assertEquals("media/depeche.480w.jpg 480w, media/depeche.800w.jpg 800w, media/depeche.jpg 1000w", card.attr("srcset"));
        assertFalse(card.hasAttr("loading"), "the lead story's image is at the top of the home page");
    }

    @Test
    void anImageWhoseNameHoldsASpaceOrAnAccentIsLinkedPercentEncodedAndPublishedUnderItsOwnName(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: T\nbaseUrl: https://ex.ma/\n")
                .article("vue.md", "Texte.", "title: Vue", "date: 2025-09-01T10:00:00+01:00", "category: Société", "image: \"photos/vue été.jpg\"");
        Files.createDirectories(site.articles.resolve("photos"));
        Files.write(site.articles.resolve("photos/vue été.jpg"), photo(1000, 600, "jpg"));
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        assertTrue(Files.isRegularFile(site.out.resolve("media/photos/vue été.jpg")), "the copy keeps its name on disk");
        String encoded = "media/photos/vue%20%C3%A9t%C3%A9";
        Document article = page(site.out, "societe/vue/index.html");
        Element img = article.selectFirst(".story-figure img");
        assertEquals("../../" + encoded + ".jpg", img.attr("src"));
        assertTrue(img.attr("srcset").startsWith("../../" + encoded + ".480w.jpg 480w, "), img.attr("srcset"));
        assertEquals("https://ex.ma/" + encoded + ".jpg", article.selectFirst("meta[property=og:image]").attr("content"));
        assertTrue(Files.readString(site.out.resolve("feed.xml")).contains("https://ex.ma/" + encoded + ".jpg"), "the feed's enclosure");
        assertTrue(Files.isRegularFile(site.out.resolve("media/photos/vue été.480w.jpg")));
    }

    @Test
    void copiesAreTheSameBytesOnEveryBuildAndComeFromTheCacheWhenThePictureIsUnchanged(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: T\n")
                .article("a.md", "A.", "title: A", "date: 2025-09-01T10:00:00+01:00", "image: a.png");
        Files.write(site.articles.resolve("a.png"), photo(1300, 700, "png"));
        Path cache = tmp.resolve("cache");
        BuildOptions options = new BuildOptions(site.articles, site.root.resolve("templates"), site.out, site.root.resolve("site.yml"),
                null, false, false, FixtureSite.NOW, 2).withCache(cache);
        assertTrue(SiteBuilder.build(options).succeeded());
        Map<String, byte[]> first = site.output();
        assertTrue(first.containsKey("media/a.1200w.png"));
        assertEquals(3, renditionEntries(cache), "one entry per copy");

        // A build with one thread and without the cache encodes them again, to the same bytes.
        Path other = tmp.resolve("other-out");
        BuildOptions fresh = new BuildOptions(site.articles, site.root.resolve("templates"), other, site.root.resolve("site.yml"),
                null, false, false, FixtureSite.NOW, 1);
        assertTrue(SiteBuilder.build(fresh).succeeded());
        for (String copy : List.of("media/a.480w.png", "media/a.800w.png", "media/a.1200w.png")) {
            assertArrayEquals(first.get(copy), Files.readAllBytes(other.resolve(copy)), copy);
        }

        // From the cache: an entry changed on purpose shows that it is what the next build publishes.
        Path entry;
        try (Stream<Path> walk = Files.walk(cache.resolve("renditions"))) {
            entry = walk.filter(Files::isRegularFile).sorted().findFirst().orElseThrow();
        }
        byte[] stored = Files.readAllBytes(entry);
        assertTrue(SiteBuilder.build(options.withNow(FixtureSite.NOW.plusSeconds(60))).succeeded());
        assertEquals(3, renditionEntries(cache), "nothing encoded again");
        assertArrayEquals(stored, Files.readAllBytes(entry));
        assertEquals(first.get("media/a.800w.png").length, site.output().get("media/a.800w.png").length);

        // A new picture under the same name gets new copies.
        Files.write(site.articles.resolve("a.png"), photo(1300, 650, "png"));
        assertTrue(SiteBuilder.build(options).succeeded());
        assertEquals(6, renditionEntries(cache));
        assertEquals(600, ImageIO.read(site.out.resolve("media/a.1200w.png").toFile()).getHeight());
    }

    private static long renditionEntries(Path cache) throws IOException {
        try (Stream<Path> walk = Files.walk(cache.resolve("renditions"))) {
            return walk.filter(Files::isRegularFile).count();
        }
    }

    @Test
    void teasersBelowTheFoldAndBodyImagesLoadLazily(@TempDir Path tmp) throws IOException {
        FixtureSite site = new FixtureSite(tmp).file("site.yml", "title: T\n");
        for (int i = 1; i <= 6; i++) {
            site.article("a" + i + ".md", "Texte.\n\n![Carte](carte.png)", "title: Article " + i, "date: 2025-09-0" + i + "T10:00:00+01:00",
                    "image: photo.png", "category: Politique");
        }
        Files.write(site.articles.resolve("photo.png"), photo(900, 600, "png"));
        Files.write(site.articles.resolve("carte.png"), photo(300, 200, "png"));
        assertTrue(site.build().succeeded());
        Document home = page(site.out, "index.html");
        List<Element> grid = home.select(".front .grid img");
        assertEquals(List.of("", "", "", "lazy", "lazy"), grid.stream().map(i -> i.attr("loading")).toList(),
                "the first row of the grid loads at once, the rest when scrolled to");
        Document rubric = page(site.out, "rubriques/politique/index.html");
        assertEquals(List.of("", "", "", "lazy", "lazy", "lazy"), rubric.select(".river img").stream().map(i -> i.attr("loading")).toList());
        assertEquals("lazy", page(site.out, "politique/a1/index.html").selectFirst(".article-body img").attr("loading"));
        assertNull(page(site.out, "politique/a1/index.html").selectFirst(".story-figure img[loading]"));
    }
}
