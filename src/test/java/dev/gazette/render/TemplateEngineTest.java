package dev.gazette.render;

import static dev.gazette.model.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.config.SiteConfig;
import dev.gazette.index.SiteIndex;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateEngineTest {

    private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    private static TemplateEngine engine(Path dir) throws IOException {
        return new TemplateEngine(dir, Locale.FRENCH, ZONE);
    }

    @Test
    void anUnknownVariableNamesTheTemplateLineAndVariable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("article.ftlh"), "<p>${page.title}</p>\n<p>ok</p>\n<p>${nope}</p>\n");
        TemplateEngine engine = engine(dir);
        TemplateEngine.RenderException e = assertThrows(TemplateEngine.RenderException.class,
                () -> engine.render("article.ftlh", Map.of("page", Map.of("title", "T"))));
        Problem p = e.problem();
        assertTrue(p.isError());
        assertEquals(dir.resolve("article.ftlh").toString(), p.file());
        assertEquals(3, p.line());
        assertEquals("nope", p.field());
        assertTrue(p.message().contains("nope"));
        assertTrue(p.fix().contains("${nope!\"\"}"), p.fix());
        assertEquals(p.describe(), e.getMessage());
    }

    @Test
    void anErrorInAnIncludedTemplateNamesThatTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<#include \"part.ftlh\">\n");
        Files.writeString(dir.resolve("part.ftlh"), "\n\n${missing.value}\n");
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("page.ftlh", Map.of())).problem();
        assertTrue(p.file().endsWith("part.ftlh"), p.file());
        assertEquals(3, p.line());
    }

    @Test
    void otherTemplateErrorsNameTheTemplateAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.ftlh"), "a\n${n - 1}\n");
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("x.ftlh", Map.of("n", "deux")))
                .problem();
        assertEquals(dir.resolve("x.ftlh").toString(), p.file());
        assertEquals(2, p.line());
        assertNotNull(p.fix());
    }

    @Test
    void checkReportsSyntaxErrorsAndMissingTemplates(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("article.ftlh"), "<p>\n<#if x>\n</p>\n");
        List<Problem> problems = engine(dir).check(List.of("article.ftlh", "home.ftlh", "absent.ftlh"));
        assertEquals(2, problems.size(), problems::toString);
        Problem syntax = problems.get(0);
        assertEquals(dir.resolve("article.ftlh").toString(), syntax.file());
        assertTrue(syntax.line() > 0, syntax.describe());
        assertTrue(problems.get(1).file().contains("absent.ftlh"));
    }

    @Test
    void everyThemeTemplateIsFoundWhenTheFolderLacksThem(@TempDir Path dir) throws IOException {
        assertEquals(List.of(), engine(dir).check(SitePlanner.TEMPLATES));
        assertEquals(List.of(), engine(dir.resolve("absent")).check(SitePlanner.TEMPLATES));
    }

    @Test
    void aTemplateOfTheFolderOverridesTheTheme(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("404.ftlh"), "<p>${page.title} introuvable</p>");
        assertEquals("<p>Page introuvable</p>", engine(dir).render("404.ftlh", Map.of("page", Map.of("title", "Page"))));
    }

    /** The article page of a one-article site, rendered by {@code engine}. */
    private static Document renderArticle(TemplateEngine engine, String title) {
        SiteIndex index = SiteIndex.build(List.of(article("a.md", "a", title, "2025-09-09T18:36", "Politique", "Maroc"))).index();
        SitePlanner planner = new SitePlanner(SiteConfig.defaults(), index, List.of(List.of()), Map.of(), 2025);
        PageJob job = planner.plan().stream().filter(j -> j.kind() == PageKind.ARTICLE).findFirst().orElseThrow();
        return Jsoup.parse(engine.render(job.template(), job.model().get()));
    }

    @Test
    void templatesMissingFromTheFolderComeFromTheTheme(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("home.ftlh"), "<p>mine</p>");
        Document page = renderArticle(engine(dir), "Un titre");
        assertEquals("Un titre", page.selectFirst("h1").text());
        assertEquals("fr", page.selectFirst("html").attr("lang"));
    }

    @Test
    void valuesAreEscaped(@TempDir Path dir) throws IOException {
        String title = "<script>alert(\"x\")</script> & Co";
        Document page = renderArticle(engine(dir), title);
        assertEquals(title, page.selectFirst("h1").text());
        assertTrue(page.select("body script").stream().noneMatch(s -> s.data().contains("alert")), page.body().html());
        assertTrue(page.title().contains("& Co"), page.title());
    }

    @Test
    void assetsComeFromTheFolderFirst(@TempDir Path dir) throws IOException {
        try (InputStream theme = engine(dir).openAsset("assets/gazette.css").orElseThrow()) {
            assertTrue(theme.readAllBytes().length > 100);
        }
        Files.createDirectories(dir.resolve("assets"));
        Files.writeString(dir.resolve("assets/gazette.css"), "body{}");
        try (InputStream own = engine(dir).openAsset("assets/gazette.css").orElseThrow()) {
            assertEquals("body{}", new String(own.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertTrue(engine(dir).openAsset("assets/absent.css").isEmpty());
    }

    @Test
    void dangerousBuiltinsAreOff(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.ftlh"), "${\"freemarker.template.utility.Execute\"?new()(\"id\")}");
        assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("x.ftlh", Map.of()));
    }
}
