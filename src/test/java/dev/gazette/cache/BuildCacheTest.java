package dev.gazette.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.ArticleId;
import dev.gazette.model.RelatedLists;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {

    @TempDir
    Path tmp;

    private static boolean anyDiscarded(Path root) throws IOException {
        try (Stream<Path> list = Files.list(root)) {
            return list.anyMatch(p -> p.getFileName().toString().startsWith(".discarded-"));
        }
    }

    @Test
    void aCacheOfAnotherVersionIsEmptiedAtOnceAndItsEntriesDeletedBehind() throws Exception {
        Path root = tmp.resolve(".gazette");
        BuildCache cache = BuildCache.open(root);
        for (int i = 0; i < 200; i++) {
            cache.putOwnPayload("pages", "site-" + i, ("entry " + i).getBytes(StandardCharsets.UTF_8));
        }
        Files.createDirectories(root.resolve("preview"));
        Files.writeString(root.resolve("preview/index.html"), "the preview's site, not an entry");
        Files.writeString(root.resolve("VERSION"), "0.0.0-other\n");

        BuildCache reopened = BuildCache.open(root);
        assertTrue(reopened.notice().isPresent());
        assertFalse(Files.exists(root.resolve("pages")), "emptied before the build goes on");
        assertTrue(reopened.ownPayload("pages", "site-1").isEmpty());
        assertEquals("the preview's site, not an entry", Files.readString(root.resolve("preview/index.html")));
        for (int wait = 0; wait < 200 && anyDiscarded(root); wait++) {
            Thread.sleep(50);
        }
        assertFalse(anyDiscarded(root), "the entries set aside are deleted in the background");
        assertTrue(BuildCache.open(root).notice().isEmpty(), "no second notice");
    }

    @Test
    void whatAKilledProcessLeftAsideIsDeletedByTheNextAndIsNoNotice() throws Exception {
        Path root = tmp.resolve(".gazette");
        BuildCache.open(root).putOwnPayload("pages", "site", new byte[] {1, 2, 3});
        Path left = Files.createDirectories(root.resolve(".discarded-999-abc/sources/ab"));
        Files.writeString(left.resolve("cdef"), "old entry");
        BuildCache cache = BuildCache.open(root);
        assertTrue(cache.notice().isEmpty());
        assertTrue(cache.ownPayload("pages", "site").isPresent(), "the cache's own entries are kept");
        for (int wait = 0; wait < 200 && anyDiscarded(root); wait++) {
            Thread.sleep(50);
        }
        assertFalse(anyDiscarded(root));
    }

    @Test
    void aLargeEntryIsStreamedInAndMappedBackOnlyWhenWhole() throws Exception {
        BuildCache cache = BuildCache.open(tmp.resolve(".gazette"));
        assertTrue(cache.mappedOwnPayload("analysis-pack", "site").isEmpty(), "none yet");
        byte[] payload = new byte[300_000];
        new java.util.Random(3).nextBytes(payload);
        cache.putOwnPayload("analysis-pack", "site", out -> {
            out.write(payload, 0, 1000);
            out.write(payload, 1000, payload.length - 1000);
        });
        java.nio.ByteBuffer mapped = cache.mappedOwnPayload("analysis-pack", "site").orElseThrow();
        byte[] back = new byte[mapped.remaining()];
        mapped.get(back);
        assertTrue(java.util.Arrays.equals(payload, back), "the payload, without its checksum");
        assertTrue(cache.mappedOwnPayload("analysis-pack", "other-site").isEmpty(), "another output's entry");
        try (Stream<Path> files = Files.list(tmp.resolve(".gazette/analysis-pack"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "no temporary file left: " + all);
            byte[] bytes = Files.readAllBytes(all.get(0));
            bytes[12345] ^= 0x10;
            Files.write(all.get(0), bytes);
        }
        assertTrue(cache.mappedOwnPayload("analysis-pack", "site").isEmpty(), "a damaged entry is a miss");
        cache.putOwnPayload("analysis-pack", "site", out -> out.write(payload));
        cache.putOwnPayload("analysis-pack", "site", out -> {
            out.write(payload, 0, 10);
            throw new IOException("disk full");
        });
        assertEquals(payload.length, cache.mappedOwnPayload("analysis-pack", "site").orElseThrow().remaining(),
                "a write that failed leaves the entry before it");
        try (Stream<Path> files = Files.list(tmp.resolve(".gazette/analysis-pack"))) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().contains(".tmp-")), "nor its temporary file");
        }
    }

    @Test
    void relatedListsNumberedByPositionComeBackByIdAndOnlyUnderTheirKey() throws Exception {
        BuildCache cache = BuildCache.open(tmp.resolve(".gazette"));
        List<ArticleId> ids = List.of(new ArticleId("a.md"),
                new ArticleId("politique/b.md"), new ArticleId("c é.md"));
        cache.putRelatedLists("site-out", "1a1a1a1a", new int[][] {{2, 1}, {}, {0}}, ids);
        RelatedLists back = cache.relatedLists("site-out", "1a1a1a1a").orElseThrow();
        assertEquals(List.of(ids.get(2), ids.get(1)), back.of(ids.get(0)));
        assertEquals(List.of(), back.of(ids.get(1)));
        assertEquals(List.of(ids.get(0)), back.of(ids.get(2)));
        assertEquals(3, back.size());
        assertTrue(cache.relatedLists("site-out", "2b2b2b2b").isEmpty(), "another key's lists are not these");
        assertTrue(cache.relatedLists("other-out", "1a1a1a1a").isEmpty(), "another output folder's entry");
        // A position past the articles (a damaged entry) is no list at all, never a wrong one.
        cache.putRelatedLists("site-out", "k3", new int[][] {{3}, {}, {}}, ids);
        assertTrue(cache.relatedLists("site-out", "k3").isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> cache.putRelatedLists("site-out", "k4", new int[][] {{}}, ids));
    }

    @Test
    void theSnapshotGivesASourceOnlyUnderItsWordAndItsSettings() throws Exception {
        Path root = tmp.resolve("cache");
        BuildCache cache = BuildCache.open(root);
        for (int i = 0; i < 3; i++) {
            dev.gazette.model.Article a = dev.gazette.model.TestArticles.article("a" + i + ".md", "a" + i, "Titre " + i, "2025-09-01T10:00", null)
                    .withBody("<p>Corps " + i + "</p>");
            cache.putSource("k" + i, new dev.gazette.source.ParsedSource(a, List.of()));
        }
        cache.openSnapshot("site-out", "zone=UTC");
        assertTrue(cache.snapshotSource("a0.md", "10 t0 f0", () -> "").isEmpty(), "no snapshot yet");
        for (int i = 0; i < 3; i++) {
            cache.noteSource("a" + i + ".md", "10 t" + i + " f" + i, "k" + i);
        }
        cache.saveSnapshot();

        BuildCache next = BuildCache.open(root);
        next.openSnapshot("site-out", "zone=UTC");
        assertEquals("Titre 1", next.snapshotSource("a1.md", "10 t1 f1", () -> "").orElseThrow().article().title());
        assertEquals("<p>Corps 1</p>", next.snapshotSource("a1.md", "10 t1 f1", () -> "").orElseThrow().article().bodyHtml());
        assertTrue(next.snapshotSource("a1.md", "10 t9 f1", () -> "").isEmpty(), "another word of the file system");
        assertTrue(next.snapshotSource("b.md", "10 t1 f1", () -> "").isEmpty(), "another path");
        // Its body's entry is not looked for: gone, the body is parsed again from its source when read.
        try (Stream<Path> walk = Files.walk(root.resolve("bodies"))) {
            for (Path body : walk.filter(Files::isRegularFile).toList()) {
                Files.delete(body);
            }
        }
        dev.gazette.model.Article kept = next.snapshotSource("a2.md", "10 t2 f2", () -> "<p>Corps 2, du source</p>").orElseThrow().article();
        assertEquals("Titre 2", kept.title());
        assertEquals("<p>Corps 2, du source</p>", kept.bodyHtml());
        BuildCache other = BuildCache.open(root);
        other.openSnapshot("site-out", "zone=Africa/Casablanca");
        assertTrue(other.snapshotSource("a1.md", "10 t1 f1", () -> "").isEmpty(), "read with other settings");
        other.openSnapshot("other-out", "zone=UTC");
        assertTrue(other.snapshotSource("a1.md", "10 t1 f1", () -> "").isEmpty(), "another output's");
    }

    @Test
    void aBodyStaysInTheCacheUntilReadAndADamagedOneIsParsedAgain() throws Exception {
        BuildCache cache = BuildCache.open(tmp.resolve("cache"));
        String html = "<p>Le corps de l’article, avec <img src=\"a.png\"> une image.</p>";
        dev.gazette.model.Article a = dev.gazette.model.TestArticles.article("a.md", "a", "Titre", "2025-09-01T10:00", null).withBody(html);
        cache.putSource("1a1a1a1a", new dev.gazette.source.ParsedSource(a, List.of()));
        int[] recovered = new int[1];
        dev.gazette.model.Body body = cache.source("1a1a1a1a", () -> {
            recovered[0]++;
            return html;
        }).orElseThrow().article().body();
        assertTrue(body instanceof CachedBody, body.getClass().toString());
        assertTrue(((CachedBody) body).holdsImageTag());
        assertEquals(java.util.Optional.of(dev.gazette.text.ContentHash.of(html.getBytes(StandardCharsets.UTF_8))), body.knownHash());
        assertEquals(html, body.html());
        assertEquals(0, recovered[0], "read from its entry");
        assertEquals(html, cache.source("1a1a1a1a").orElseThrow().article().bodyHtml(), "held in memory for a preview");

        // Two sources with one body share its entry.
        cache.putSource("2b2b2b2b", new dev.gazette.source.ParsedSource(dev.gazette.model.TestArticles.article("b.md", "b", "Autre", "2025-09-02T10:00", null).withBody(html), List.of()));
        List<Path> bodies;
        try (Stream<Path> walk = Files.walk(tmp.resolve("cache").resolve("bodies"))) {
            bodies = walk.filter(Files::isRegularFile).toList();
        }
        assertEquals(1, bodies.size());

        // Damaged after the source's entry was read: parsed again from the source.
        byte[] bytes = Files.readAllBytes(bodies.get(0));
        bytes[5] ^= 0x20;
        Files.write(bodies.get(0), bytes);
        assertEquals(html, body.html());
        assertEquals(1, recovered[0], "parsed again");
        // Damaged before: the checksum fails only when read, so the source is still a hit and its body recovered.
        assertEquals(html, cache.source("1a1a1a1a", () -> html).orElseThrow().article().bodyHtml());
        // Gone, or cut short: the source is a miss, parsed again by the build.
        Files.write(bodies.get(0), java.util.Arrays.copyOf(bytes, 10));
        assertFalse(cache.source("1a1a1a1a", () -> html).isPresent());
        Files.delete(bodies.get(0));
        assertFalse(cache.source("2b2b2b2b", () -> html).isPresent());
        assertFalse(cache.source("2b2b2b2b").isPresent());
    }
}
