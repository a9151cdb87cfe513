package dev.gazette.build;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One broken fixture site per kind of error: the build fails, names the file and the line or
 * field with a fix, reports every problem at once, and leaves the previous site as it was.
 */
class BrokenSitesTest {

    @TempDir
    Path tmp;

    /** A site with one good article and a previous build. */
    private FixtureSite site() throws IOException {
        return new FixtureSite(tmp)
                .article("bon.md", "Corps.", "title: Un bon article", "date: 2025-09-01T10:00:00+01:00", "category: Politique")
                .previousSite();
    }

    /** Builds {@code site}, checks that it failed without touching the previous site, and returns its errors. */
    private static List<Problem> failedBuild(FixtureSite site) throws IOException {
        Map<String, byte[]> before = site.output();
        BuildReport report = site.build();
        assertFalse(report.succeeded(), () -> "expected a failed build: " + report.problems());
        assertEquals(0, report.filesWritten());
        Map<String, byte[]> after = site.output();
        assertEquals(before.keySet(), after.keySet(), "the previous site keeps its files");
        before.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
        assertFalse(errors.isEmpty());
        for (Problem p : errors) {
            assertNotNull(p.fix(), p.describe());
            assertFalse(p.fix().isBlank(), p.describe());
        }
        return errors;
    }

    private static Problem onlyError(FixtureSite site) throws IOException {
        List<Problem> errors = failedBuild(site);
        assertEquals(1, errors.size(), errors::toString);
        return errors.get(0);
    }

    @Test
    void missingTitle() throws IOException {
        Problem p = onlyError(site().article("sans-titre.md", "x", "date: 2025-09-01", "category: Politique"));
        assertEquals("sans-titre.md", p.file());
        assertEquals("title", p.field());
        assertTrue(p.line() > 0);
    }

    @Test
    void missingDate() throws IOException {
        Problem p = onlyError(site().article("2025/sans-date.md", "x", "title: T", "category: Politique"));
        assertEquals("2025/sans-date.md", p.file());
        assertEquals("date", p.field());
    }

    @Test
    void unparseableDate() throws IOException {
        Problem p = onlyError(site().article("mauvaise-date.md", "x", "title: T", "date: 32/09/2025 à 18h36"));
        assertEquals("mauvaise-date.md", p.file());
        assertEquals(3, p.line());
        assertEquals("date", p.field());
        assertTrue(p.fix().contains("2025-09-09"), p.fix());
    }

    @Test
    void brokenYaml() throws IOException {
        Problem p = onlyError(site().article("yaml.md", "x", "title: \"Guillemet jamais fermé", "date: 2025-09-01", "tags: [a]"));
        assertEquals("yaml.md", p.file());
        assertTrue(p.line() >= 2, p.describe());
        assertTrue(p.message().contains("YAML"), p.describe());
    }

    @Test
    void aYearOutsideFourDigitsIsAnErrorNamingTheFileNotACrashWhileWriting() throws IOException {
        // Before, the article was read and the build died writing its dates: "Field Year cannot be printed".
        Problem p = onlyError(site().file("site.yml", "baseUrl: https://gazette.example.ma/\n")
                .article("an-moins-un.md", "x", "title: T", "date: '-0001-01-01T00:00:00Z'", "category: Politique"));
        assertEquals("an-moins-un.md", p.file());
        assertEquals(3, p.line());
        assertEquals("date", p.field());
        assertTrue(p.message().contains("1000 to 9999"), p.describe());
    }

    @Test
    void unknownTemplateVariable() throws IOException {
        FixtureSite site = site().file("templates/article.ftlh", "<!doctype html>\n<title>${page.title}</title>\n<p>${nope}</p>\n");
        Problem p = onlyError(site);
        assertEquals(site.root.resolve("templates/article.ftlh").toString(), p.file());
        assertEquals(3, p.line());
        assertEquals("nope", p.field());
    }

    @Test
    void anUnknownTemplateVariableIsReportedWithTheSourcesProblems() throws IOException {
        FixtureSite site = site().file("templates/article.ftlh", "<!doctype html>\n<title>${page.title}</title>\n<p>${nope}</p>\n")
                .article("sans-date.md", "x", "title: T");
        List<Problem> errors = failedBuild(site);
        assertEquals(2, errors.size(), errors::toString);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("sans-date.md") && "date".equals(p.field())), errors::toString);
        assertTrue(errors.stream().anyMatch(p -> p.file().endsWith("article.ftlh") && p.line() == 3 && "nope".equals(p.field())),
                errors::toString);
    }

    @Test
    void templateSyntaxError() throws IOException {
        FixtureSite site = site().file("templates/list.ftlh", "<#list items as i>\n${i}\n");
        Problem p = onlyError(site);
        assertEquals(site.root.resolve("templates/list.ftlh").toString(), p.file());
        assertTrue(p.line() > 0, p.describe());
    }

    @Test
    void twoSourcesWithOneSlug() throws IOException {
        Problem p = onlyError(site()
                .article("a/meme.md", "x", "title: A", "date: 2025-09-02")
                .article("b/meme.md", "x", "title: B", "date: 2025-09-03"));
        assertEquals("b/meme.md", p.file());
        assertEquals("slug", p.field());
        assertTrue(p.message().contains("a/meme.md"), p.message());
    }

    @Test
    void aSlugLeavingTheOutputFolder() throws IOException {
        Problem p = onlyError(site().article("evil.md", "x", "title: T", "date: 2025-09-01", "slug: ../../evil"));
        assertEquals("evil.md", p.file());
        assertEquals(4, p.line());
        assertEquals("slug", p.field());
        assertFalse(Files.exists(tmp.resolve("evil")));
    }

    @Test
    void anImageLeavingTheArticlesFolder() throws IOException {
        Problem p = onlyError(site().article("image.md", "x", "title: T", "date: 2025-09-01", "image: ../../etc/passwd"));
        assertEquals("image.md", p.file());
        assertEquals(4, p.line());
        assertEquals("image", p.field());
    }

    @Test
    void anUnreadableFile() throws IOException {
        FixtureSite site = site();
        Files.createSymbolicLink(site.articles.resolve("x.md"), site.articles.resolve("missing.md"));
        Problem p = onlyError(site);
        assertEquals("x.md", p.file());
        assertTrue(p.message().contains("cannot read"), p.describe());
    }

    @Test
    void aFolderNamedLikeAnArticleIsReadAsAFolder() throws IOException {
        FixtureSite site = site().article("y.md/dedans.md", "x", "title: Dedans", "date: 2025-09-01");
        Files.createDirectories(site.articles.resolve("vide.md"));
        BuildReport report = site.build();
        assertTrue(report.succeeded(), report.problems()::toString);
        assertEquals(2, report.articles());
    }

    @Test
    void aBadConfiguration() throws IOException {
        Problem p = onlyError(site().file("site.yml", "title: G\npermalinks:\n  article: \"../{slug}\"\n"));
        assertTrue(p.file().endsWith("site.yml"), p.file());
        assertEquals("permalinks.article", p.field());
    }

    @Test
    void twoPagesAtOneUrl() throws IOException {
        Problem p = onlyError(site()
                .file("site.yml", "permalinks:\n  article: '{slug}/'\n  tag: '{slug}/'\n")
                .article("maroc.md", "x", "title: Maroc", "date: 2025-09-02", "tags: [Russie]")
                .article("russie.md", "x", "title: Russie", "date: 2025-09-03"));
        assertTrue(p.message().contains("`russie/`"), p.describe());
        assertTrue(p.describe().contains("russie.md") && p.describe().contains("Russie"), "names both pages' owners: " + p.describe());
    }

    @Test
    void anImageLinkLeavingTheArticlesFolder() throws IOException {
        FixtureSite site = site().article("photo.md", "x", "title: T", "date: 2025-09-01", "image: images/photo.jpg");
        Files.writeString(tmp.resolve("secret.txt"), "secret");
        Files.createDirectories(site.articles.resolve("images"));
        Files.createSymbolicLink(site.articles.resolve("images/photo.jpg"), tmp.resolve("secret.txt"));
        Problem p = onlyError(site);
        assertEquals("photo.md", p.file());
        assertEquals("image", p.field());
    }

    @Test
    void everyProblemOfABuildIsReportedTogether() throws IOException {
        FixtureSite site = site()
                .article("sans-titre.md", "x", "date: 2025-09-01")
                .article("sans-date.md", "x", "title: T")
                .article("mauvaise-date.md", "x", "title: T", "date: hier")
                .article("yaml.md", "x", "title: [non fermé", "date: 2025-09-01")
                .article("a/meme.md", "x", "title: A", "date: 2025-09-02")
                .article("b/meme.md", "x", "title: B", "date: 2025-09-03")
                .article("evil.md", "x", "title: T", "date: 2025-09-01", "slug: ../../evil")
                .article("image.md", "x", "title: T", "date: 2025-09-01", "image: ../../etc/passwd")
                .file("templates/list.ftlh", "<#list items as i>\n");
        Files.createSymbolicLink(site.articles.resolve("x.md"), site.articles.resolve("missing.md"));
        List<Problem> errors = failedBuild(site);
        List<String> files = errors.stream().map(Problem::file).map(f -> f.replace(site.root + "/", "")).sorted().toList();
        assertEquals(List.of("b/meme.md", "evil.md", "image.md", "mauvaise-date.md", "sans-date.md", "sans-titre.md",
                "templates/list.ftlh", "x.md", "yaml.md"), files, errors::toString);
    }

    @Test
    void aBrokenFirstBuildLeavesNoOutputFolder() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("sans-titre.md", "x", "date: 2025-09-01");
        BuildReport report = site.build();
        assertFalse(report.succeeded());
        assertFalse(Files.exists(site.out));
    }

    /** Builds {@code site}'s articles into {@code out}. */
    private static BuildReport buildInto(FixtureSite site, Path out) {
        return SiteBuilder.build(new BuildOptions(site.articles, site.root.resolve("templates"), out, null, null, false, false,
                FixtureSite.NOW, 1));
    }

    @Test
    void theArticlesFolderIsNeverTheOutput() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("a.md", "x", "title: A", "date: 2025-09-01");
        BuildReport report = buildInto(site, site.articles);
        assertTrue(Files.isRegularFile(site.articles.resolve("a.md")), "the sources are still there");
        assertFalse(report.succeeded());
        assertTrue(report.problems().stream().anyMatch(p -> p.isError() && p.fix() != null), report.problems()::toString);
    }

    @Test
    void anOutputFolderHoldingTheArticlesIsRefused() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("a.md", "x", "title: A", "date: 2025-09-01");
        BuildReport report = buildInto(site, site.root);
        assertTrue(Files.isRegularFile(site.articles.resolve("a.md")), "the sources are still there");
        assertFalse(report.succeeded());
    }

    @Test
    void anOutputFolderInsideTheArticlesIsRefusedOrIgnored() throws IOException {
        FixtureSite site = new FixtureSite(tmp).article("a.md", "x", "title: A", "date: 2025-09-01");
        Path out = site.articles.resolve("site");
        BuildReport first = buildInto(site, out);
        BuildReport second = buildInto(site, out);
        assertEquals(first.succeeded(), second.succeeded(), second.problems()::toString);
        if (second.succeeded()) {
            assertEquals(1, second.articles(), "the site's own pages are not articles");
        }
    }
}
