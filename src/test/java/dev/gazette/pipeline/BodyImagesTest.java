package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Images inside article bodies are published with the site, their links and sizes right. */
class BodyImagesTest {

    private static final String SVG = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"320\" height=\"180\"/>";

    @TempDir
    Path tmp;

    private static Document page(FixtureSite site, String url) throws IOException {
        return Jsoup.parse(site.out.resolve(url).resolve("index.html").toFile(), "UTF-8");
    }

    /** The file an {@code <img>} of the page at {@code url} points to. */
    private static Path target(FixtureSite site, String url, Element img) {
        return site.out.resolve(url).resolve(dev.gazette.text.UrlPaths.decode(img.attr("src"))).normalize();
    }

    @Test
    void imagesInBodiesArePublishedWithTheirSize() throws IOException {
        FixtureSite site = new FixtureSite(tmp)
                .file("articles/2025/carte.svg", SVG)
                .file("articles/images/commune.svg", SVG)
                .file("articles/2025/page_files/une photo.svg", SVG)
                .article("2025/markdown.md", "Texte.\n\n![Carte du tracé](carte.svg)\n\n![Commune](../images/commune.svg)\n\n"
                        + "![Ailleurs](https://cdn.example.org/x.png)", "title: Markdown", "date: 2025-09-01", "category: Économie")
                .file("articles/2025/page.html", "<html><head><meta property=\"og:title\" content=\"Page\">"
                        + "<meta property=\"article:published_time\" content=\"2025-09-02T10:00:00+01:00\"></head><body><article>"
                        + "<h1>Page</h1><p>Corps.</p><figure><img src=\"page_files/une%20photo.svg\" alt=\"Photo\"></figure>"
                        + "</article></body></html>");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);

        Document markdown = page(site, "economie/markdown/");
        List<Element> images = markdown.select(".article-body img");
        assertEquals(3, images.size(), markdown.select(".article-body").outerHtml());
        for (Element img : images.subList(0, 2)) {
            assertTrue(Files.isRegularFile(target(site, "economie/markdown/", img)), img.outerHtml());
            assertTrue(img.attr("src").contains("media/"), img.outerHtml());
            assertEquals("320", img.attr("width"));
            assertEquals("180", img.attr("height"));
        }
        assertEquals("https://cdn.example.org/x.png", images.get(2).attr("src"), "absolute URLs are left as they are");
        assertFalse(images.get(2).hasAttr("width"));

        Document html = page(site, "non-classe/page/");
        Element photo = html.selectFirst(".article-body img");
        assertTrue(photo.attr("src").endsWith("page_files/une%20photo.svg"), "the link escapes the space: " + photo.outerHtml());
        assertTrue(Files.isRegularFile(target(site, "non-classe/page/", photo)), photo.outerHtml());
    }

    @Test
    void aMissingBodyImageIsAnErrorNamingTheArticle() throws IOException {
        FixtureSite site = new FixtureSite(tmp).previousSite()
                .article("a.md", "![Carte](absente.png)", "title: A", "date: 2025-09-01")
                .article("b.md", "![Fuite](../../etc/passwd)", "title: B", "date: 2025-09-01");
        BuildReport report = site.build();
        assertFalse(report.succeeded());
        List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
        assertEquals(List.of("a.md", "b.md"), errors.stream().map(Problem::file).sorted().toList(), errors::toString);
        assertTrue(errors.stream().allMatch(p -> "body".equals(p.field()) && p.fix() != null), errors::toString);
        assertTrue(errors.get(0).message().contains("absente.png"), errors.get(0).message());
    }
    @Test
    void aSavedPagesUnsavedImageIsLeftOutWithAWarningAndAPathOutStaysAnError() throws IOException {
        String head = "<html><head><meta property=\"article:published_time\" content=\"2025-09-02T10:00:00+01:00\"></head><body><article>";
        FixtureSite site = new FixtureSite(tmp)
                .file("articles/2025/page_files/gardee.svg", SVG)
                .file("articles/2025/page.html", head + "<h1>Le port</h1><p>Corps du texte.</p>"
                        + "<figure><img src=\"./page_files/absente.png\" alt=\"Absente\"><figcaption>Légende perdue</figcaption></figure>"
                        + "<p>Suite <img src=\"page_files/absente-2.png\" alt=\"\"> du texte.</p>"
                        + "<figure><img src=\"page_files/gardee.svg\" alt=\"Gardée\"></figure></article></body></html>");
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        List<Problem> warnings = report.problems().stream().filter(p -> p.message().contains("was not saved beside the page")).toList();
        assertEquals(2, warnings.size(), report.problems()::toString);
        assertTrue(warnings.stream().allMatch(p -> p.file().equals("2025/page.html") && "body".equals(p.field()) && p.fix() != null));
        Element body = page(site, "non-classe/port/").selectFirst(".article-body");
        assertEquals(1, body.select("img").size(), body.outerHtml());
        assertTrue(body.selectFirst("img").attr("src").endsWith("gardee.svg"), body.outerHtml());
        assertFalse(body.text().contains("Légende perdue"), "the figure goes with its only image: " + body.outerHtml());
        assertTrue(body.text().contains("Suite du texte") || body.text().contains("Suite  du texte"), body.outerHtml());

        // Leading out of the articles folder is never "not saved": it stays an error.
        FixtureSite out = new FixtureSite(tmp.resolve("out-of-folder"))
                .file("articles/page.html", head + "<h1>Fuite</h1><p>Corps.</p><img src=\"../../etc/passwd\" alt=\"x\"></article></body></html>");
        BuildReport refused = out.build();
        assertFalse(refused.succeeded());
        assertTrue(refused.problems().stream().anyMatch(p -> p.isError() && p.message().contains("outside the articles folder")),
                refused.problems()::toString);
    }
}
