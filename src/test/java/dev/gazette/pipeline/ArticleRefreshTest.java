package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's quick page: the edited article at once, and a site the full rebuild then makes right. */
class ArticleRefreshTest {

    @TempDir
    Path tmp;

    private static final String ORIGINAL = "---\ntitle: Le port de Tanger\ndate: 2025-09-10\ncategory: Économie\ntags: [Port]\n---\nLe trafic du port progresse.\n";

    private BuildOptions options(Path out, Path cache) {
        return new BuildOptions(tmp.resolve("articles"), tmp.resolve("templates"), out, null, "https://example.org/", false, false,
                FixtureSite.NOW, 2, cache);
    }

    private void site() throws Exception {
        Path articles = Files.createDirectories(tmp.resolve("articles"));
        Files.writeString(articles.resolve("port.md"), ORIGINAL);
        Files.writeString(articles.resolve("autre.md"), "---\ntitle: Le port de Casablanca\ndate: 2025-09-09\ncategory: Économie\ntags: [Port]\n---\nLe trafic du port baisse.\n");
        Files.writeString(articles.resolve("loin.md"), "---\ntitle: Élections\ndate: 2025-09-08\ncategory: Politique\n---\nLes partis consultent.\n");
    }

    @Test
    void theEditedPageIsWrittenAtOnceAndTheRebuildsThatFollowMatchACleanBuild() throws Exception {
        site();
        Path out = tmp.resolve(".gazette/preview");
        Rebuilds rebuilds = new Rebuilds();
        BuildOptions options = options(out, tmp.resolve(".gazette"));
        assertTrue(SiteBuilder.build(options, rebuilds).succeeded());
        Path article = tmp.resolve("articles/port.md");

        // Of the same length: only the manifest's distrust, not the size check, can tell the pages apart.
        Files.writeString(article, ORIGINAL.replace("progresse", "se replie"));
        Optional<String> url = ArticleRefresh.refresh(options, rebuilds, article);
        assertEquals(Optional.of("economie/port/"), url);
        assertTrue(Files.readString(out.resolve("economie/port/index.html")).contains("se replie"));

        // The editor undoes the change before the full rebuild: the quick page must not be taken
        // for the unchanged page the manifest describes.
        Files.writeString(article, ORIGINAL);
        rebuilds.changed(tmp.resolve("articles"), java.util.List.of(article));
        assertTrue(SiteBuilder.build(options, rebuilds).succeeded());
        assertSameTree(out, "after the undo");

        Files.writeString(article, ORIGINAL.replace("progresse", "recule"));
        rebuilds.changed(tmp.resolve("articles"), java.util.List.of(article));
        assertTrue(ArticleRefresh.refresh(options, rebuilds, article).isPresent());
        assertTrue(SiteBuilder.build(options, rebuilds).succeeded());
        assertSameTree(out, "after an edit");
    }

    @Test
    void editsThatMoveTheArticleOrBreakItWaitForTheFullBuild() throws Exception {
        site();
        Path out = tmp.resolve(".gazette/preview");
        Rebuilds rebuilds = new Rebuilds();
        BuildOptions options = options(out, tmp.resolve(".gazette"));
        Path article = tmp.resolve("articles/port.md");
        assertEquals(Optional.empty(), ArticleRefresh.refresh(options, rebuilds, article), "no build yet");
        assertTrue(SiteBuilder.build(options, rebuilds).succeeded());
        Files.writeString(article, ORIGINAL.replace("Économie", "Politique"));
        assertEquals(Optional.empty(), ArticleRefresh.refresh(options, rebuilds, article), "a new URL");
        Files.writeString(article, ORIGINAL.replace("category: Économie\n", "category: Économie\ndraft: true\n"));
        assertEquals(Optional.empty(), ArticleRefresh.refresh(options, rebuilds, article), "unpublished");
        Files.writeString(article, "---\ntitle: [cassé\n---\n");
        assertEquals(Optional.empty(), ArticleRefresh.refresh(options, rebuilds, article), "an error");
        Files.writeString(tmp.resolve("articles/nouveau.md"), ORIGINAL.replace("Tanger", "Nador"));
        assertEquals(Optional.empty(), ArticleRefresh.refresh(options, rebuilds, tmp.resolve("articles/nouveau.md")), "a new article");
    }

    private void assertSameTree(Path out, String context) throws Exception {
        Path clean = tmp.resolve("clean-" + context.hashCode());
        assertTrue(SiteBuilder.build(options(clean, null)).succeeded());
        Map<String, byte[]> expected = CacheEquivalenceTest.tree(clean);
        Map<String, byte[]> actual = CacheEquivalenceTest.tree(out);
        assertEquals(expected.keySet(), actual.keySet(), context);
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), context + ": " + k));
    }
}
