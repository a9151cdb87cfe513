package dev.gazette.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.pipeline.SiteInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceWatcherTest {

    @TempDir
    Path tmp;

    private Path articles;
    private Path templates;
    private Path config;
    private SourceWatcher watcher;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        articles = Files.createDirectories(tmp.resolve("articles/2025"));
        articles = articles.getParent();
        templates = tmp.resolve("templates");
        config = Files.writeString(tmp.resolve("site.yml"), "title: Test\n");
        Files.writeString(articles.resolve("a.md"), "---\ntitle: A\n---\n");
        watcher = new SourceWatcher(new SiteInputs(List.of(articles, templates), List.of(config), "/"));
    }

    @AfterEach
    void stop() throws Exception {
        watcher.close();
        background.shutdownNow();
    }

    private List<Path> nextBatch() throws Exception {
        Future<List<Path>> batch = background.submit(watcher::next);
        return batch.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aSaveByRenameIsOneChangeOfTheArticle() throws Exception {
        Path scratch = articles.resolve(".a.md.swp");
        Files.writeString(scratch, "---\ntitle: B\n---\n");
        Files.move(scratch, articles.resolve("a.md"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertEquals(List.of(articles.resolve("a.md")), nextBatch());
    }

    @Test
    void aBurstOfChangesIsOneBatch() throws Exception {
        for (int i = 0; i < 50; i++) {
            Files.writeString(articles.resolve("2025/n" + i + ".md"), "---\ntitle: N\n---\n");
        }
        List<Path> batch = nextBatch();
        assertEquals(50, batch.size(), batch.toString());
    }

    @Test
    void newFoldersAreWatchedWithTheirFiles() throws Exception {
        Path folder = Files.createDirectories(articles.resolve("2026"));
        assertTrue(nextBatch().contains(folder));
        Files.writeString(folder.resolve("b.md"), "x");
        assertEquals(List.of(folder.resolve("b.md")), nextBatch());
    }

    @Test
    void onlyTheConfigurationCountsInItsFolder() throws Exception {
        Files.writeString(tmp.resolve("README.md"), "not an input");
        Files.writeString(config, "title: Autre\n");
        assertEquals(List.of(config), nextBatch());
    }

    @Test
    void aTemplatesFolderCreatedLaterIsWatched() throws Exception {
        Files.createDirectories(templates);
        assertTrue(nextBatch().contains(templates));
        Files.writeString(templates.resolve("article.ftlh"), "x");
        assertEquals(List.of(templates.resolve("article.ftlh")), nextBatch());
    }

    @Test
    void editorScratchFilesAreNotChanges() {
        for (String name : new String[] {".a.md.swp", "a.md~", "4913", "#a.md#", "a.md.tmp"}) {
            assertTrue(SourceWatcher.editorScratch(name), name);
        }
        assertEquals(false, SourceWatcher.editorScratch("a.md"));
    }
}
