package dev.gazette.related;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Documents added from a pack make the index their own analyses make, to the last bit; a pack that does not parse is not used. */
class AnalysisPackTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    private static String key(Doc d) {
        return "k-" + d.key() + "-" + Integer.toHexString((d.title() + d.body()).hashCode());
    }

    private static String[] keys(List<Doc> docs) {
        return docs.stream().map(AnalysisPackTest::key).toArray(String[]::new);
    }

    /** The pack of {@code docs}, as a build that analysed them writes it. */
    private static ByteBuffer pack(List<Doc> docs) throws IOException {
        RelatedIndex.Builder b = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, ANALYZER, "fr", docs.size());
        IntStream.range(0, docs.size()).parallel().forEach(i -> b.add(i, docs.get(i)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writePack(keys(docs), out);
        return ByteBuffer.wrap(out.toByteArray());
    }

    /** The index of {@code docs}, each from {@code pack} when it holds it; how many came from it in {@code fromPack[0]}. */
    private static RelatedIndex index(List<Doc> docs, AnalysisPack pack, int[] fromPack) {
        RelatedIndex.Builder b = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, ANALYZER, "fr", docs.size());
        if (pack != null) {
            b.withPack(pack);
        }
        for (int i = 0; i < docs.size(); i++) {
            if (b.addPacked(i, docs.get(i), key(docs.get(i)))) {
                fromPack[0]++;
            } else {
                b.add(i, docs.get(i), RelatedIndex.analyze(docs.get(i), ANALYZER, "fr"));
            }
        }
        return b.build();
    }

    @Test
    void anIndexFromThePackIsTheIndexFromTheAnalyses() throws IOException {
        List<Doc> docs = LatentStoreTest.archive(300, 23);
        List<List<RelatedMatch>> analysed = LatentStoreTest.lists(LatentStoreTest.index(docs, null));
        AnalysisPack pack = AnalysisPack.read(pack(docs)).orElseThrow();
        assertEquals(300, pack.size());
        int[] fromPack = {0};
        assertEquals(analysed, LatentStoreTest.lists(index(docs, pack, fromPack)));
        assertEquals(300, fromPack[0], "every document from the pack");
    }

    @Test
    void documentsThePackDoesNotHoldAreAnalysedBesideIt() throws IOException {
        List<Doc> docs = LatentStoreTest.archive(300, 29);
        AnalysisPack pack = AnalysisPack.read(pack(docs)).orElseThrow();
        // One edited, one new, one gone: the pack serves the others.
        List<Doc> now = new ArrayList<>(docs);
        Doc edited = docs.get(40);
        now.set(40, Doc.of(edited.key(), "2025-03-12", edited.title(), edited.body() + " " + docs.get(41).body()));
        now.add(Doc.of("articles/new.md", "2025-09-19", docs.get(7).title(), docs.get(7).body() + " nouveauté"));
        now.remove(100);
        int[] fromPack = {0};
        List<List<RelatedMatch>> mixed = LatentStoreTest.lists(index(now, pack, fromPack));
        assertEquals(LatentStoreTest.lists(LatentStoreTest.index(now, null)), mixed);
        assertEquals(now.size() - 2, fromPack[0], "the edited and the new one analysed");
    }

    @Test
    void aPackThatDoesNotParseIsNotUsed() throws IOException {
        ByteBuffer whole = pack(LatentStoreTest.archive(60, 31));
        byte[] bytes = new byte[whole.remaining()];
        whole.get(bytes);
        assertTrue(AnalysisPack.read(ByteBuffer.wrap(bytes)).isPresent());
        for (int cut : new int[] {0, 3, 8, bytes.length / 3, bytes.length / 2, bytes.length - 1}) {
            assertEquals(Optional.empty(), AnalysisPack.read(ByteBuffer.wrap(Arrays.copyOf(bytes, cut))), "cut at " + cut);
        }
        byte[] format = bytes.clone();
        format[7] ^= 2;
        assertFalse(AnalysisPack.read(ByteBuffer.wrap(format)).isPresent(), "another format");
        byte[] longer = Arrays.copyOf(bytes, bytes.length + 5);
        assertFalse(AnalysisPack.read(ByteBuffer.wrap(longer)).isPresent(), "trailing bytes");
    }

    @Test
    void thePacksTermsAreInTheirOrderAndAPackOutOfOrderIsNotUsed() throws IOException {
        AnalysisPack pack = AnalysisPack.read(pack(LatentStoreTest.archive(120, 41))).orElseThrow();
        for (int t = 1; t < pack.terms(); t++) {
            assertTrue(pack.term(t - 1).compareTo(pack.term(t)) < 0, pack.term(t - 1) + " before " + pack.term(t));
        }
        // The index takes a pack's term numbers for their order: a pack whose terms are not in it is refused.
        assertTrue(AnalysisPack.read(handMade("alpha", "beta")).isPresent());
        assertFalse(AnalysisPack.read(handMade("beta", "alpha")).isPresent(), "out of order");
        assertFalse(AnalysisPack.read(handMade("alpha", "alpha")).isPresent(), "a term twice");
        assertFalse(AnalysisPack.read(handMade("alphabet", "alpha")).isPresent(), "a term before its prefix");
        // The order is the strings' (UTF-16), which the UTF-8 bytes give but for characters from
        // U+E000 on: a character past U+FFFF (two surrogates) sorts before U+FB01 as a string.
        assertTrue(AnalysisPack.read(handMade("\uD83D\uDE00", "\uFB01n")).isPresent(), "a surrogate pair before U+FB01");
        assertFalse(AnalysisPack.read(handMade("\uFB01n", "\uD83D\uDE00")).isPresent(), "U+FB01 after a surrogate pair");
        assertTrue(AnalysisPack.read(handMade("élection", "été")).isPresent(), "accents: the bytes' order");
        assertFalse(AnalysisPack.read(handMade("été", "élection")).isPresent());
    }

    @Test
    void everyTermOfThePackIsFoundByItsHashAndNoOther() throws IOException {
        AnalysisPack pack = AnalysisPack.read(pack(LatentStoreTest.archive(200, 43))).orElseThrow();
        assertTrue(pack.terms() > 200, pack.terms() + " terms");
        for (int t = 0; t < pack.terms(); t++) {
            assertEquals(t, pack.numberOf(TermIds.hash(pack.term(t))), pack.term(t));
        }
        for (String absent : List.of("zzzz-absent", "", "nouveauté-inconnue")) {
            assertEquals(-1, pack.numberOf(TermIds.hash(absent)), absent);
        }
        RelatedIndex.Builder used = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, ANALYZER, "fr", 2);
        used.add(0, LatentStoreTest.archive(2, 3).get(0));
        assertThrows(IllegalStateException.class, () -> used.withPack(pack), "a pack after a document");
    }

    /** A pack of {@code terms} and no entries, byte by byte as the format says. */
    private static ByteBuffer handMade(String... terms) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        java.io.DataOutputStream out = new java.io.DataOutputStream(bytes);
        out.writeInt(0x475a4150);
        out.writeInt(3);
        out.write(terms.length);
        for (String term : terms) {
            out.writeLong(TermIds.hash(term));
            byte[] utf8 = term.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(utf8.length);
            out.write(utf8);
        }
        int capacity = Integer.highestOneBit(Math.max(1, 2 * terms.length)) << 1;
        out.write(capacity);
        for (int i = 0; i < capacity; i++) {
            out.writeInt(0); // no lookups here
        }
        out.write(0);
        return ByteBuffer.wrap(bytes.toByteArray());
    }

    @Test
    void aKeyMetTwiceIsWrittenOnceAndServesBoth() throws IOException {
        List<Doc> docs = new ArrayList<>(LatentStoreTest.archive(50, 37));
        Doc twin = docs.get(5);
        docs.add(Doc.of("articles/twin.md", "2025-05-15", twin.title(), twin.body()));
        // Two documents, one text: one analysis key (the key names the text, not the file).
        RelatedIndex.Builder b = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, ANALYZER, "fr", docs.size());
        IntStream.range(0, docs.size()).forEach(i -> b.add(i, docs.get(i)));
        String[] keys = keys(docs);
        keys[50] = keys[5] = "same";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        b.writePack(keys, out);
        AnalysisPack pack = AnalysisPack.read(ByteBuffer.wrap(out.toByteArray())).orElseThrow();
        assertEquals(50, pack.size());
        RelatedIndex.Builder again = RelatedIndex.builder(RelatedIndexTest.WEIGHTS, ANALYZER, "fr", docs.size()).withPack(pack);
        for (int i = 0; i < docs.size(); i++) {
            assertTrue(again.addPacked(i, docs.get(i), keys[i]));
        }
        assertEquals(LatentStoreTest.lists(LatentStoreTest.index(docs, null)), LatentStoreTest.lists(again.build()));
        assertNotEquals(0, out.size());
    }
}
