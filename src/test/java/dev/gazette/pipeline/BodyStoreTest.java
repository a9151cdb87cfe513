package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Body;
import dev.gazette.text.ContentHash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyStoreTest {

    @TempDir
    Path dir;

    /** Seeded bodies of every size around the buffer's (1 MiB), in several scripts. */
    private static String body(Random random) {
        int length = switch (random.nextInt(4)) {
            case 0 -> random.nextInt(50);
            case 1 -> random.nextInt(20_000);
            case 2 -> (1 << 20) - 5 + random.nextInt(10);
            default -> 100_000 + random.nextInt(200_000);
        };
        String alphabet = "ab cé’«»—سلام😀\n<>&";
        StringBuilder b = new StringBuilder(length);
        while (b.length() < length) {
            b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
        }
        return b.toString();
    }

    @Test
    void keptBodiesReadBackAsWrittenFromManyThreadsWithTheirHash() throws IOException {
        Random random = new Random(20261201L);
        List<String> texts = IntStream.range(0, 60).mapToObj(i -> body(random)).toList();
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"))) {
            List<Body> kept = texts.parallelStream().map(store::keep).toList();
            // Read back while other bodies are still being appended: what is in the buffer is flushed first.
            IntStream.range(0, texts.size()).parallel().forEach(i -> {
                store.keep("x".repeat(i));
                assertEquals(texts.get(i), kept.get(i).html(), "body " + i);
            });
            for (int i = 0; i < texts.size(); i++) {
                Body b = kept.get(i);
                assertEquals(texts.get(i).isEmpty(), b.isEmpty());
                String expected = ContentHash.of(texts.get(i).getBytes(StandardCharsets.UTF_8));
                assertEquals(texts.get(i).isEmpty() ? Body.EMPTY.knownHash() : java.util.Optional.of(expected), b.knownHash());
            }
        }
    }

    @Test
    void aBodyTheBuildCacheHoldsStaysThere() throws IOException {
        dev.gazette.cache.BuildCache cache = dev.gazette.cache.BuildCache.open(dir.resolve("cache"));
        String html = "<p>Corps <img src=\"a.png\"></p>";
        cache.putSource("0a0b0c0d", new dev.gazette.source.ParsedSource(dev.gazette.model.TestArticles.article("a.md", "a", "A", "2025-09-01T10:00", null)
                .withBody(html), java.util.List.of()));
        Body cached = cache.source("0a0b0c0d", () -> html).orElseThrow().article().body();
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"))) {
            assertSame(cached, store.keep(cached), "not copied into the build's file");
            assertTrue(store.holdsImageTag(cached));
        }
    }

    @Test
    void theImageTagIsFoundInTheBytesExactlyWhereTheTextHasIt() {
        Random random = new Random(7);
        String alphabet = "<imgIMG é’سلام😀>";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(12); n > 0; n--) {
                b.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String text = b.toString();
            assertEquals(text.contains("<img"), Body.holdsImageTag(text.getBytes(StandardCharsets.UTF_8)), text);
        }
        assertTrue(Body.holdsImageTag("<p><img src=x></p>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(false, Body.holdsImageTag("<im".getBytes(StandardCharsets.UTF_8)), "shorter than the tag");
    }

    @Test
    void aBodyFromElsewhereIsAskedByItsText() throws IOException {
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"))) {
            assertTrue(store.holdsImageTag(Body.of("<figure><img src=\"a.png\"></figure>")));
            assertEquals(false, store.holdsImageTag(Body.of("<p>Pas d’image</p>")));
        }
    }

    @Test
    void anEmptyBodyStaysInMemoryAndAKeptOneIsNotKeptTwice() throws IOException {
        try (BodyStore store = BodyStore.create(dir.resolve("bodies"))) {
            assertSame(Body.EMPTY, store.keep(""));
            Body once = store.keep("<p>Texte</p>");
            assertSame(once, store.keep(once));
            assertEquals(once, store.keep(Body.of("<p>Texte</p>")), "same bytes, same body");
            assertNotEquals(once, store.keep("<p>Autre</p>"));
            assertTrue(Files.size(dir.resolve("bodies")) >= 0);
        }
    }

    @Test
    void aStoreNeverTakesOverAnExistingFile() throws IOException {
        Files.writeString(dir.resolve("bodies"), "someone's file");
        assertThrows(FileAlreadyExistsException.class, () -> BodyStore.create(dir.resolve("bodies")));
        assertEquals("someone's file", Files.readString(dir.resolve("bodies")));
    }
}
