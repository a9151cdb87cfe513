package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A latent space read back from its store ranks exactly as the one fitted, and a stale or damaged one is fitted again. */
class LatentStoreTest {

    /** A store in memory that counts what it is asked. */
    static final class MemoryStore implements LatentStore {
        final Map<String, byte[]> entries = new HashMap<>();
        int hits;
        int stores;

        @Override
        public byte[] load(String key) {
            byte[] bytes = entries.get(key);
            hits += bytes == null ? 0 : 1;
            return bytes == null ? null : bytes.clone();
        }

        @Override
        public void store(String key, byte[] bytes) {
            stores++;
            entries.put(key, bytes.clone());
        }

        final Map<String, byte[]> coordinates = new HashMap<>();
        int coordinateStores;

        @Override
        public byte[] loadCoordinates(String key) {
            byte[] bytes = coordinates.get(key);
            return bytes == null ? null : bytes.clone();
        }

        @Override
        public void storeCoordinates(String key, byte[] bytes) {
            coordinateStores++;
            coordinates.put(key, bytes.clone());
        }
    }

    /** Documents on eight subjects, each written with its own words and the newsroom's common ones (seeded). */
    static List<Doc> archive(int n, long seed) {
        Random random = new Random(seed);
        String[] syllables = {"ka", "lo", "mi", "ra", "to", "ve", "su", "ni", "pe", "do", "zu", "fa"};
        List<List<String>> subjects = new ArrayList<>();
        for (int s = 0; s < 8; s++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 40; w++) {
                words.add(syllables[random.nextInt(12)] + syllables[random.nextInt(12)] + syllables[random.nextInt(12)] + "s" + s);
            }
            subjects.add(words);
        }
        List<Doc> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<String> words = subjects.get(random.nextInt(8));
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 60; w++) {
                body.append(words.get(random.nextInt(words.size()))).append(w % 12 == 11 ? ". " : " ");
            }
            String title = words.get(random.nextInt(words.size())) + " " + words.get(random.nextInt(words.size()));
            docs.add(Doc.of("articles/a" + i + ".md", "2025-0" + (1 + i % 9) + "-1" + (i % 10), title, body + RelatedIndexTest.COMMON));
        }
        return docs;
    }

    static RelatedIndex index(List<Doc> docs, LatentStore store) {
        RelatedIndex.Builder b = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, new TextAnalyzer(), "fr", docs.size());
        IntStream.range(0, docs.size()).forEach(i -> b.add(i, docs.get(i)));
        if (store != null) {
            b.keepLatentIn(store);
        }
        return b.build();
    }

    static List<List<RelatedMatch>> lists(RelatedIndex index) {
        return IntStream.range(0, index.size()).mapToObj(i -> index.find(i, 8)).toList();
    }

    @Test
    void aSpaceReadBackRanksAsTheFittedOneToTheLastBit() {
        List<Doc> docs = archive(300, 7);
        List<List<RelatedMatch>> fitted = lists(index(docs, null));
        MemoryStore store = new MemoryStore();
        assertEquals(fitted, lists(index(docs, store)), "fitted with a store");
        assertEquals(1, store.stores, "a space was fitted and kept");
        assertEquals(0, store.hits);
        assertEquals(fitted, lists(index(docs, store)), "read back");
        assertEquals(1, store.hits, "the second build read the space");
        assertEquals(1, store.stores, "and did not fit it again");
    }

    @Test
    void coordinatesReadBackRankAsProjectedOnesAndOnlyNewVectorsAreStoredAgain() {
        List<Doc> docs = archive(300, 19);
        List<List<RelatedMatch>> projected = lists(index(docs, null));
        MemoryStore store = new MemoryStore();
        index(docs, store);
        assertEquals(1, store.coordinateStores, "every document projected, and its coordinates kept");
        assertEquals(projected, lists(index(docs, store)), "coordinates read back");
        assertEquals(1, store.coordinateStores, "nothing new to keep");

        // A changed vector outside the sample (this month's: LatentSpace#sample): its coordinates
        // are projected, the others read back, in the same space.
        List<Doc> more = new ArrayList<>(docs);
        Doc old = docs.get(8);
        more.set(8, Doc.of(old.key(), "2025-09-18", old.title(), old.body() + " " + docs.get(6).body()));
        List<List<RelatedMatch>> fresh = lists(index(more, null));
        assertEquals(fresh, lists(index(more, store)));
        assertEquals(1, store.entries.size(), "the same sample, the same space");
        assertEquals(2, store.coordinateStores);

        String key = store.coordinates.keySet().iterator().next();
        byte[] whole = store.coordinates.get(key);
        store.coordinates.put(key, java.util.Arrays.copyOf(whole, whole.length - 3));
        assertEquals(fresh, lists(index(more, store)), "cut short: every document projected again");
        assertEquals(3, store.coordinateStores);
        byte[] wrong = store.coordinates.get(key);
        wrong[15] ^= 0x40; // inside the first hash (after the 12 bytes of the header): no vector's any more
        store.coordinates.put(key, wrong);
        assertEquals(fresh, lists(index(more, store)), "a damaged hash is never another vector's coordinates");
    }

    @Test
    void anotherSampleIsFittedAgain() {
        List<Doc> docs = archive(300, 11);
        MemoryStore store = new MemoryStore();
        index(docs, store);
        List<Doc> more = new ArrayList<>(docs);
        more.add(Doc.of("articles/new.md", "2025-10-01", docs.get(3).title(), docs.get(3).body()));
        // Below LatentSpace.SAMPLE documents every one is in the sample: the new one changes it.
        assertEquals(lists(index(more, null)), lists(index(more, store)));
        assertEquals(0, store.hits, "the stored space was for another sample");
        assertEquals(2, store.entries.size());
    }

    @Test
    void aDamagedSpaceIsFittedAgain() {
        List<Doc> docs = archive(300, 13);
        List<List<RelatedMatch>> fitted = lists(index(docs, null));
        MemoryStore store = new MemoryStore();
        index(docs, store);
        String key = store.entries.keySet().iterator().next();
        byte[] whole = store.entries.get(key);
        store.entries.put(key, java.util.Arrays.copyOf(whole, whole.length / 2));
        assertEquals(fitted, lists(index(docs, store)), "cut short");
        assertEquals(2, store.stores, "fitted and stored again");
        byte[] foreign = whole.clone();
        foreign[0] ^= 1;
        store.entries.put(key, foreign);
        assertEquals(fitted, lists(index(docs, store)), "another format");
        assertEquals(3, store.stores);
    }

    @Test
    void readingNeedsEveryTermInTheVocabulary() {
        List<Doc> docs = archive(300, 17);
        MemoryStore store = new MemoryStore();
        index(docs, store);
        byte[] bytes = store.entries.values().iterator().next();
        assertNull(LatentSpace.read(bytes, new long[] {TermIds.hash("autre"), TermIds.hash("mot")}));
        assertNotEquals(0, bytes.length);
    }
}
