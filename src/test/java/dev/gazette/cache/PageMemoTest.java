package dev.gazette.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a build records, the next one finds by the same key, and nothing else; a damaged memo is an empty one. */
class PageMemoTest {

    private static PageMemo.Output output(int i) {
        return new PageMemo.Output(1000 + i, 0x1234_5678_9abc_def0L ^ i, -i);
    }

    @Test
    void whatOneBuildRecordsTheNextFindsByItsKey(@TempDir Path root) throws IOException {
        BuildCache cache = BuildCache.open(root);
        PageMemo first = PageMemo.open(cache, "/site");
        assertEquals(Optional.empty(), first.previous("a"), "a new memo knows nothing");
        // From two threads, as the render records.
        IntStream.range(0, 5000).parallel().forEach(i -> first.record("fingerprint-" + i, output(i)));
        first.record("fingerprint-7", output(7)); // met twice: one entry
        first.save();
        PageMemo second = PageMemo.open(cache, "/site");
        for (int i = 0; i < 5000; i++) {
            assertEquals(Optional.of(output(i)), second.previous("fingerprint-" + i), "key " + i);
        }
        assertEquals(Optional.empty(), second.previous("fingerprint-5000"));
        assertEquals(Optional.empty(), second.previous(""));
        assertEquals(Optional.empty(), PageMemo.open(cache, "/other-site").previous("fingerprint-1"), "one memo per output folder");
        // The second build recorded nothing: the third finds nothing.
        second.save();
        assertEquals(Optional.empty(), PageMemo.open(cache, "/site").previous("fingerprint-1"));
    }

    @Test
    void aDamagedMemoIsAnEmptyOne(@TempDir Path root) throws IOException {
        BuildCache cache = BuildCache.open(root);
        PageMemo memo = PageMemo.open(cache, "/site");
        for (int i = 0; i < 100; i++) {
            memo.record("k" + i, output(i));
        }
        memo.save();
        Path file = cache.ownEntry("pages", "/site");
        byte[] whole = BuildCache.read(file);
        assertTrue(PageMemo.open(cache, "/site").previous("k3").isPresent());
        for (int cut : new int[] {0, 5, whole.length / 2, whole.length - 1}) {
            BuildCache.write(file, java.util.Arrays.copyOf(whole, cut));
            assertEquals(Optional.empty(), PageMemo.open(cache, "/site").previous("k3"), "cut at " + cut);
        }
        // Keys out of order: refused, not searched wrongly.
        byte[] swapped = whole.clone();
        int header = whole.length - 100 * 40;
        byte[] firstEntry = java.util.Arrays.copyOfRange(swapped, header, header + 40);
        System.arraycopy(swapped, header + 40, swapped, header, 40);
        System.arraycopy(firstEntry, 0, swapped, header + 40, 40);
        BuildCache.write(file, swapped);
        assertEquals(Optional.empty(), PageMemo.open(cache, "/site").previous("k3"));
        assertTrue(Files.exists(file));
    }
}
