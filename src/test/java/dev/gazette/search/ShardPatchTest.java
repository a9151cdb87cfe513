package dev.gazette.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link SearchIndex#patchShard} against the plain way of patching a shard, written out here from
 * the shard's layout: every term's postings decoded, the gone keys dropped, the new postings added
 * where the term lacks their key, each term's postings sorted by key, empty terms left out, the
 * terms in their strings' order.
 */
class ShardPatchTest {

    /** Terms that sort apart in UTF-16 and UTF-8 alike, accented ones, and one past the BMP. */
    private static final String[] WORDS = {"a", "ab", "abc", "b", "élection", "elections", "lavrov", "sergueï", "rabat", "maroc",
            "z", "zz", "\uD83D\uDE00", "\uFB01n", "russie", "ru", "russe"};

    @Test
    void aPatchedShardIsTheShardDecodedChangedAndWrittenAgain() {
        Random random = new Random(20261206L);
        int checked = 0;
        int copiedAsTheyWere = 0;
        for (int round = 0; round < 400; round++) {
            TreeMap<String, TreeMap<Integer, Integer>> shard = new TreeMap<>();
            int terms = random.nextInt(12);
            for (int t = 0; t < terms; t++) {
                TreeMap<Integer, Integer> postings = new TreeMap<>();
                int n = 1 + random.nextInt(6);
                for (int p = 0; p < n; p++) {
                    postings.put(random.nextInt(random.nextBoolean() ? 40 : 100_000), random.nextInt(256));
                }
                shard.put(word(random), postings);
            }
            Set<Integer> gone = new HashSet<>();
            for (int g = random.nextInt(3); g > 0; g--) {
                gone.add(random.nextInt(40));
            }
            SortedMap<String, List<long[]>> added = new TreeMap<>();
            for (int a = random.nextInt(5); a > 0; a--) {
                List<long[]> list = added.computeIfAbsent(word(random), k -> new ArrayList<>());
                int key = random.nextInt(45);
                if (list.stream().noneMatch(p -> p[0] == key)) {
                    list.add(new long[] {key, random.nextInt(256)});
                }
            }
            byte[] before = encode(shard);
            byte[] expected = encode(plainPatch(shard, gone, added));
            assertArrayEquals(expected, SearchIndex.patchShard(before, gone, added), "round " + round);
            checked++;
            if (gone.isEmpty() && added.isEmpty()) {
                assertArrayEquals(before, SearchIndex.patchShard(before, gone, added), "round " + round + ": nothing to change");
                copiedAsTheyWere++;
            }
        }
        assertTrue(checked == 400 && copiedAsTheyWere > 10, "rounds with nothing to change: " + copiedAsTheyWere);
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }

    private static TreeMap<String, TreeMap<Integer, Integer>> plainPatch(TreeMap<String, TreeMap<Integer, Integer>> shard, Set<Integer> gone,
                                                                        SortedMap<String, List<long[]>> added) {
        TreeMap<String, TreeMap<Integer, Integer>> out = new TreeMap<>();
        shard.forEach((term, postings) -> {
            TreeMap<Integer, Integer> kept = new TreeMap<>(postings);
            kept.keySet().removeAll(gone);
            out.put(term, kept);
        });
        added.forEach((term, postings) -> {
            TreeMap<Integer, Integer> into = out.computeIfAbsent(term, k -> new TreeMap<>());
            for (long[] p : postings) {
                into.putIfAbsent((int) p[0], (int) p[1]);
            }
        });
        out.values().removeIf(Map::isEmpty);
        return out;
    }

    /** The shard's layout: the term count, then per term its UTF-8 (a varint length), its posting count, and per posting the key's gap and the weight. */
    private static byte[] encode(TreeMap<String, TreeMap<Integer, Integer>> shard) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        varint(out, shard.size());
        shard.forEach((term, postings) -> {
            byte[] utf8 = term.getBytes(StandardCharsets.UTF_8);
            varint(out, utf8.length);
            out.write(utf8, 0, utf8.length);
            varint(out, postings.size());
            int last = 0;
            for (Map.Entry<Integer, Integer> p : postings.entrySet()) {
                varint(out, p.getKey() - last);
                out.write(p.getValue());
                last = p.getKey();
            }
        });
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, int value) {
        while ((value & ~0x7f) != 0) {
            out.write((value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write(value);
    }
}
