package dev.gazette.render;

import static dev.gazette.model.TestArticles.article;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
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
        SitePlanner planner = new SitePlanner(SiteConfig.defaults(), index, dev.gazette.model.RelatedLists.none(), Map.of(), java.time.Instant.parse("2025-09-13T00:00:00Z"));
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
        assertEquals(dev.gazette.text.FrenchTypography.text(title), page.selectFirst("h1").wholeText(), "shown as text (typeset: the site is French)");
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

    @Test
    void aMacroCallingItselfForeverIsAProblemNamingTheCallNotAStackOverflow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<#macro fil n>\n  <p>${n}</p>\n  <@fil n=n+1/>\n</#macro>\n<@fil n=1/>\n");
        TemplateEngine engine = engine(dir);
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine.render("page.ftlh", Map.of())).problem();
        assertTrue(p.isError());
        assertEquals(dir.resolve("page.ftlh").toString(), p.file());
        assertEquals(3, p.line());
        assertTrue(p.message().contains("`fil` calls itself"), p.message());
        assertTrue(p.fix().contains("<#if>"), p.fix());
        // Once overflowed, the template fails at once with the same problem: no second overflow per page.
        assertSame(p, assertThrows(TemplateEngine.RenderException.class, () -> engine.render("page.ftlh", Map.of())).problem());
    }

    @Test
    void aFunctionOfAnImportedLibraryCallingItselfNamesTheLibrary(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("page.ftlh"), "<#import \"lib/outils.ftl\" as o>\n${o.compte(1)}\n");
        Files.writeString(dir.resolve("lib/outils.ftl"), "<#function compte n>\n  <#return compte(n + 1)>\n</#function>\n");
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("page.ftlh", Map.of())).problem();
        assertEquals(dir.resolve("lib/outils.ftl").toString(), p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("`compte`"), p.message());
    }

    @Test
    void aTemplateIncludingItselfIsAProblemNamingTheInclude(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<p>x</p>\n<#include \"page.ftlh\">\n");
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("page.ftlh", Map.of())).problem();
        assertEquals(dir.resolve("page.ftlh").toString(), p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().contains("includes itself"), p.message());
    }

    @Test
    void macrosCallingEachOtherForeverStillNameThePageTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<#macro a><@b/></#macro>\n<#macro b><@a/></#macro>\n<@a/>\n");
        Problem p = assertThrows(TemplateEngine.RenderException.class, () -> engine(dir).render("page.ftlh", Map.of())).problem();
        assertEquals(dir.resolve("page.ftlh").toString(), p.file());
        assertEquals(0, p.line(), "no line: the recursion goes through two macros");
        assertTrue(p.message().contains("ran out of stack"), p.message());
        assertNotNull(p.fix());
    }

    @Test
    void aMacroThatStopsCallingItselfRenders(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<#macro fil n><#if n < 20>${n} <@fil n=n+1/></#if></#macro><@fil n=1/>");
        assertTrue(engine(dir).render("page.ftlh", Map.of()).startsWith("1 2 3"));
    }

    @Test
    void aTemplateNestedTooDeeplyToParseIsAProblemNamingIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("page.ftlh"), "<#if true>".repeat(20_000) + "x" + "</#if>".repeat(20_000));
        TemplateEngine engine = engine(dir);
        for (Problem p : List.of(engine.check(List.of("page.ftlh")).get(0),
                assertThrows(TemplateEngine.RenderException.class, () -> engine.render("page.ftlh", Map.of())).problem())) {
            assertEquals(dir.resolve("page.ftlh").toString(), p.file());
            assertTrue(p.message().contains("too deeply"), p.message());
        }
    }

    @Test
    void selfCallsAreFoundInBothSyntaxesAndNotInOtherMacros() {
        assertEquals(new TemplateRecursion.Call("t", 1, "m"),
                TemplateRecursion.selfCall("t", "[#macro m x][@m x=1/][/#macro]").orElseThrow());
        assertTrue(TemplateRecursion.selfCall("t", "<#macro m><@mm/><@other.x/></#macro>\n<#macro n><@m/></#macro>").isEmpty());
        assertTrue(TemplateRecursion.selfCall("t", "<#function f x><#return g(x) + xf(1)></#function>").isEmpty());
        assertEquals("lib/b.ftl", TemplateInputs.resolve("parts/a.ftlh", "../lib/b.ftl"));
        assertEquals("b.ftl", TemplateInputs.resolve("parts/a.ftlh", "/b.ftl"));
    }
}
