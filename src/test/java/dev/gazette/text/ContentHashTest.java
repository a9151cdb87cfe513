package dev.gazette.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

class ContentHashTest {

    @Test
    void isMurmur3OfTheBytesAs32HexDigits() {
        byte[] bytes = "Sergueï Lavrov".getBytes(StandardCharsets.UTF_8);
        long[] h = MurmurHash3.hash128x64(bytes, 0, bytes.length, 0);
        assertEquals(String.format("%016x%016x", h[0], h[1]), ContentHash.of(bytes));
        assertTrue(ContentHash.of(bytes).matches("[0-9a-f]{32}"));
    }

    @Test
    void onlyTheGivenLengthCounts() {
        byte[] bytes = "abcdef".getBytes(StandardCharsets.UTF_8);
        assertEquals(ContentHash.of("abc".getBytes(StandardCharsets.UTF_8)), ContentHash.of(bytes, 3));
    }

    @Test
    void neighbouringContentsDiffer() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(ContentHash.of(("<p>page " + i + "</p>").getBytes(StandardCharsets.UTF_8))), "page " + i);
        }
        assertNotEquals(ContentHash.of(new byte[0]), ContentHash.of(new byte[1]));
    }

    @Test
    void theHalvesAreTheDigitsAndBack() {
        java.util.Random random = new java.util.Random(11);
        for (int i = 0; i < 1000; i++) {
            byte[] bytes = new byte[random.nextInt(300)];
            random.nextBytes(bytes);
            String hex = ContentHash.of(bytes);
            long[] halves = ContentHash.halves(bytes, bytes.length);
            assertEquals(hex, ContentHash.hex(halves[0], halves[1]));
            assertEquals(halves[0], ContentHash.high(hex));
            assertEquals(halves[1], ContentHash.low(hex));
        }
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ContentHash.high("abc"));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> ContentHash.low("z".repeat(32)));
    }
}
