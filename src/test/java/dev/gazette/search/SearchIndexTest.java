package dev.gazette.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.ArticleId;
import dev.gazette.related.RelatedDocument;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.TextAnalyzer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SearchIndexTest {

    private static final TextAnalyzer ANALYZER = new TextAnalyzer();

    static SearchDocument doc(String id, LocalDate day, String title, String body, String rubric, String... tags) {
        RelatedDocument text = new RelatedDocument() {
            public String key() { return id; }
            public String title() { return title; }
            public String lead() { return ""; }
            public String body() { return body; }
            public String language() { return "fr"; }
            public Collection<String> keywords() { return List.of(); }
            public String group() { return null; }
            public long epochSeconds() { return 0; }
        };
        return new SearchDocument(new ArticleId(id), day, "a/" + id + "/", title, "", body, "fr", RelatedIndex.analyze(text, ANALYZER, "fr"),
                rubric == null ? null : new SearchDocument.Facet(rubric, rubric.toUpperCase()),
                java.util.Arrays.stream(tags).map(t -> new SearchDocument.Facet(t, t)).toList(), day + "T10:00:00+01:00", day.toString());
    }

    private static List<SearchDocument> archive(int n) {
        List<SearchDocument> docs = new ArrayList<>();
        Random random = new Random(7);
        String[] words = {"Maroc", "Russie", "économie", "élections", "port", "Tanger", "football", "récolte", "pluies", "banque"};
        for (int i = 0; i < n; i++) {
            StringBuilder body = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                body.append(words[random.nextInt(words.length)]).append(' ');
            }
            docs.add(doc("a" + i + ".md", LocalDate.of(2024, 1, 1).plusDays(i / 3), "Titre " + i, body.toString(),
                    i % 2 == 0 ? "politique" : "economie", "tag" + (i % 5)));
        }
        return docs;
    }

    @Test
    void theSameDocumentsInAnyOrderGiveTheSameFiles() {
        List<SearchDocument> docs = archive(200);
        Map<String, byte[]> a = SearchIndex.build(docs, "fr");
        List<SearchDocument> shuffled = new ArrayList<>(docs);
        Collections.shuffle(shuffled, new Random(3));
        Map<String, byte[]> b = SearchIndex.build(shuffled, "fr");
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void aNewArticleChangesOnlyItsTermsShardsItsChunkAndTheMeta() {
        List<SearchDocument> docs = archive(200);
        Map<String, byte[]> before = SearchIndex.build(docs, "fr");
        List<SearchDocument> more = new ArrayList<>(docs);
        SearchDocument added = doc("nouveau.md", LocalDate.of(2024, 3, 1), "Lavrov à Rabat", "Sergueï Lavrov rencontre Nasser Bourita.", "politique", "tag1");
        more.add(added);
        Map<String, byte[]> after = SearchIndex.build(more, "fr");
        Set<String> changed = new TreeSet<>();
        after.forEach((name, bytes) -> {
            if (!before.containsKey(name) || !java.util.Arrays.equals(before.get(name), bytes)) {
                changed.add(name);
            }
        });
        Set<String> expected = new TreeSet<>();
        int shards = SearchIndex.shardCount(more.size());
        for (String term : added.analysis().terms()) {
            if (TextAnalyzer.isWordTerm(term)) {
                expected.add(SearchIndex.shardFile(Integer.remainderUnsigned(DocKeys.hash(term), shards)));
            }
        }
        expected.add(SearchIndex.shardFile(Integer.remainderUnsigned(DocKeys.hash("#r:politique"), shards)));
        expected.add(SearchIndex.shardFile(Integer.remainderUnsigned(DocKeys.hash("#t:tag1"), shards)));
        expected.add(SearchIndex.chunkFile(DocKeys.of(more).get(new ArticleId("nouveau.md")) >>> SearchIndex.CHUNK_BITS));
        expected.add("meta.json");
        assertTrue(expected.containsAll(changed), "changed " + changed + ", expected at most " + expected);
        assertTrue(changed.size() < after.size() / 3, "most files are kept: " + changed.size() + " of " + after.size());
    }

    @Test
    void keysFollowTheDayAndCollisionsTakeTheNextSlot() {
        List<SearchDocument> docs = archive(30);
        Map<ArticleId, Integer> keys = DocKeys.of(docs);
        assertEquals(docs.size(), new TreeSet<>(keys.values()).size(), "one key per article");
        for (SearchDocument d : docs) {
            int key = keys.get(d.id());
            assertEquals(DocKeys.firstOf(d.day()), key - key % DocKeys.SLOTS, d.id() + "'s key is in its day");
        }
        // A day fuller than its slots spills into the next, and keeps one key per article.
        List<SearchDocument> crowded = new ArrayList<>();
        for (int i = 0; i < DocKeys.SLOTS + 10; i++) {
            crowded.add(doc("c" + i, LocalDate.of(2025, 1, 1), "t", "", null));
        }
        assertEquals(crowded.size(), new TreeSet<>(DocKeys.of(crowded).values()).size());
    }

    @Test
    void theAnalysisWithoutNamesIsTheRelatedAnalysisLessItsNames() throws Exception {
        for (java.nio.file.Path f : java.nio.file.Files.list(java.nio.file.Path.of("articles")).filter(java.nio.file.Files::isRegularFile)
                .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".txt")).sorted().toList()) { // sources, not their pictures
            String text = java.nio.file.Files.readString(f);
            String title = text.lines().findFirst().orElse("");
            String lead = text.lines().skip(1).limit(3).reduce("", (x, y) -> x + " " + y);
            SearchDocument d = doc("x", LocalDate.of(2025, 1, 1), title, text, null);
            RelatedIndex.Analysis related = d.analysis();
            RelatedDocument full = new RelatedDocument() {
                public String key() { return "x"; }
                public String title() { return title; }
                public String lead() { return lead; }
                public String body() { return text; }
                public String language() { return "fr"; }
                public Collection<String> keywords() { return List.of(); }
                public String group() { return null; }
                public long epochSeconds() { return 0; }
            };
            related = RelatedIndex.analyze(full, ANALYZER, "fr");
            RelatedIndex.Analysis mine = SearchIndex.analysis(title, lead, text, "fr", ANALYZER);
            List<String> terms = new ArrayList<>();
            List<Float> weights = new ArrayList<>();
            for (int i = 0; i < related.terms().length; i++) {
                if (TextAnalyzer.isWordTerm(related.terms()[i])) {
                    terms.add(related.terms()[i]);
                    weights.add(related.weights()[i]);
                }
            }
            assertEquals(terms, List.of(mine.terms()), f.toString());
            for (int i = 0; i < weights.size(); i++) {
                assertEquals(weights.get(i), mine.weights()[i], f + ": " + terms.get(i));
            }
        }
    }

    @Test
    void theFileNamesAreKnownFromIdsAndDays() {
        List<SearchDocument> docs = archive(300);
        assertEquals(List.copyOf(SearchIndex.build(docs, "fr").keySet()),
                SearchIndex.fileNames(docs.stream().map(SearchDocument::id).toList(), docs.stream().map(SearchDocument::day).toList()));
    }

    @Test
    void shardsDoubleWithTheArchive() {
        assertEquals(16, SearchIndex.shardCount(1));
        assertEquals(16, SearchIndex.shardCount(256));
        assertEquals(32, SearchIndex.shardCount(257));
        assertEquals(1024, SearchIndex.shardCount(10_000));
    }

    @Test
    void metadataIsJsonWithTheTextEscaped() {
        SearchDocument d = doc("x.md", LocalDate.of(2025, 9, 9), "Un \"titre\" <b>\\ \u2028", "Corps.", null);
        String chunk = new String(SearchIndex.build(List.of(d), "fr").entrySet().stream().filter(e -> e.getKey().startsWith("m/"))
                .findFirst().orElseThrow().getValue(), StandardCharsets.UTF_8);
        assertTrue(chunk.contains("\"t\":\"Un \\\"titre\\\" <b>\\\\ \\u2028\""), chunk);
        assertNotEquals(-1, chunk.indexOf("\"r\":null"));
    }

    /** A shard's terms and their postings' keys, decoded as search.js reads them. */
    private static Map<String, List<Integer>> decodeShard(byte[] bytes) {
        int[] at = {0};
        java.util.function.IntSupplier varint = () -> {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = bytes[at[0]++] & 0xff;
                value |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        };
        Map<String, List<Integer>> terms = new java.util.LinkedHashMap<>();
        int count = varint.getAsInt();
        for (int t = 0; t < count; t++) {
            int length = varint.getAsInt();
            String term = new String(bytes, at[0], length, StandardCharsets.UTF_8);
            at[0] += length;
            int postings = varint.getAsInt();
            List<Integer> keys = new ArrayList<>();
            int key = 0;
            for (int p = 0; p < postings; p++) {
                key += varint.getAsInt();
                int weight = bytes[at[0]++] & 0xff;
                assertTrue(weight >= 1, term + "'s weight");
                keys.add(key);
            }
            terms.put(term, keys);
        }
        assertEquals(bytes.length, at[0], "nothing after the last term");
        return terms;
    }

    @Test
    void anArchiveBuiltInManyBatchesHoldsEveryPostingInKeyOrderAndEveryArticleInItsChunk() {
        // 3,000 articles, three a day: batches of documents end inside days and inside chunks.
        List<SearchDocument> docs = archive(3000);
        Map<String, byte[]> files = SearchIndex.build(docs, "fr");
        Map<ArticleId, Integer> keys = DocKeys.of(docs);
        Map<String, TreeSet<Integer>> expected = new java.util.HashMap<>();
        for (SearchDocument d : docs) {
            int key = keys.get(d.id());
            for (String term : d.analysis().terms()) {
                if (TextAnalyzer.isWordTerm(term)) {
                    expected.computeIfAbsent(term, k -> new TreeSet<>()).add(key);
                }
            }
            expected.computeIfAbsent("#r:" + d.rubric().slug(), k -> new TreeSet<>()).add(key);
            d.tags().forEach(t -> expected.computeIfAbsent("#t:" + t.slug(), k -> new TreeSet<>()).add(key));
        }
        Map<String, List<Integer>> found = new java.util.HashMap<>();
        int shards = SearchIndex.shardCount(docs.size());
        for (int s = 0; s < shards; s++) {
            Map<String, List<Integer>> shard = decodeShard(files.get(SearchIndex.shardFile(s)));
            assertEquals(new ArrayList<>(new TreeSet<>(shard.keySet())), new ArrayList<>(shard.keySet()), "terms sorted in shard " + s);
            for (Map.Entry<String, List<Integer>> e : shard.entrySet()) {
                assertEquals(s, Integer.remainderUnsigned(DocKeys.hash(e.getKey()), shards), e.getKey() + "'s shard");
                found.put(e.getKey(), e.getValue());
            }
        }
        assertEquals(expected.keySet(), found.keySet());
        expected.forEach((term, want) -> assertEquals(new ArrayList<>(want), found.get(term), term + "'s postings, ascending"));

        List<Integer> listed = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            if (f.getKey().startsWith("m/")) {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{\"k\":(\\d+),")
                        .matcher(new String(f.getValue(), StandardCharsets.UTF_8));
                List<Integer> inChunk = new ArrayList<>();
                while (m.find()) {
                    inChunk.add(Integer.parseInt(m.group(1)));
                }
                int chunk = Integer.parseInt(f.getKey().substring(2, f.getKey().length() - ".json".length()), 36);
                inChunk.forEach(k -> assertEquals(chunk, k >>> SearchIndex.CHUNK_BITS, "key " + k + " in chunk " + chunk));
                assertEquals(new ArrayList<>(new TreeSet<>(inChunk)), inChunk, "chunk " + f.getKey() + " in key order");
                listed.addAll(inChunk);
            }
        }
        assertEquals(new TreeSet<>(keys.values()), new TreeSet<>(listed));
        assertEquals(docs.size(), listed.size(), "each article in one chunk, once");
    }

    @Test
    void postingsSpilledToAFolderGiveTheSameFilesAndLeaveNothingThere(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws java.io.IOException {
        List<SearchDocument> docs = archive(2500);
        Map<String, byte[]> held = SearchIndex.build(docs, "fr");
        Map<String, byte[]> spilled = new java.util.concurrent.ConcurrentSkipListMap<>();
        java.nio.file.Path scratch = tmp.resolve("scratch/search");
        SearchIndex.build(docs.stream().map(SearchDocument::id).toList(), docs.stream().map(SearchDocument::day).toList(), docs::get, "fr",
                scratch, spilled::put);
        assertEquals(held.keySet(), spilled.keySet());
        held.forEach((name, bytes) -> assertArrayEquals(bytes, spilled.get(name), name));
        assertTrue(java.nio.file.Files.notExists(scratch), "the spill's folder is gone");
    }

    /** A hash of what {@code d}'s postings and metadata are made of, as the build's search step makes it. */
    private static long inputsOf(SearchDocument d) {
        return (d.title() + "|" + d.body() + "|" + d.day() + "|" + (d.rubric() == null ? "" : d.rubric().slug()) + "|"
                + d.tags().stream().map(SearchDocument.Facet::slug).toList()).hashCode() * 1_000_003L + d.url().hashCode();
    }

    private static SearchIndex.Built buildInto(List<SearchDocument> docs, Map<String, byte[]> files) {
        return SearchIndex.build(docs.stream().map(SearchDocument::id).toList(), docs.stream().map(SearchDocument::day).toList(), docs::get,
                "fr", null, files::put);
    }

    @Test
    void aPatchedIndexIsTheIndexBuiltWholeAfterSeededEdits() {
        Random random = new Random(20261201L);
        List<SearchDocument> docs = new ArrayList<>(archive(600));
        Map<String, byte[]> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        SearchIndex.Built built = buildInto(docs, files);
        int patched = 0;
        for (int round = 0; round < 25; round++) {
            Map<ArticleId, SearchIndex.Held> held = new java.util.HashMap<>();
            for (int i = 0; i < docs.size(); i++) {
                held.put(docs.get(i).id(), new SearchIndex.Held(built.keys()[i], inputsOf(docs.get(i)), built.shardsOf()[i]));
            }
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits; e++) {
                int at = random.nextInt(docs.size());
                switch (random.nextInt(4)) {
                    case 0 -> docs.add(doc("n" + round + "-" + e + ".md", LocalDate.of(2024, 1, 1).plusDays(random.nextInt(250)),
                            "Nouveau " + round, "Sergueï Lavrov à Rabat, élections " + random.nextInt(99), "politique", "tag" + random.nextInt(7)));
                    case 1 -> docs.remove(at);
                    case 2 -> {
                        SearchDocument d = docs.get(at);
                        docs.set(at, doc(d.id().path(), d.day(), d.title(), d.body() + " récolte pluies " + round, "economie", "tag9"));
                    }
                    default -> {
                        SearchDocument d = docs.get(at); // the same text, another day: another key, and maybe its neighbours' too
                        docs.set(at, doc(d.id().path(), d.day().plusDays(1 + random.nextInt(3)), d.title(), d.body(), "politique", "tag1"));
                    }
                }
            }
            Map<String, byte[]> whole = new java.util.concurrent.ConcurrentSkipListMap<>();
            SearchIndex.Built expected = buildInto(docs, whole);
            Map<String, byte[]> previous = files;
            Map<String, byte[]> written = new java.util.concurrent.ConcurrentSkipListMap<>();
            long[] inputs = docs.stream().mapToLong(SearchIndexTest::inputsOf).toArray();
            java.util.Optional<SearchIndex.Patched> result = SearchIndex.patch(built.shards(), held, docs.stream().map(SearchDocument::id).toList(),
                    docs.stream().map(SearchDocument::day).toList(), inputs, docs::get, docs.stream().map(SearchDocument::language).toList(), "fr",
                    name -> java.util.Optional.ofNullable(previous.get(name)), written::put);
            if (result.isEmpty()) {
                assertTrue(written.isEmpty(), "nothing written when it does not patch");
                files = whole;
                built = expected;
                continue;
            }
            patched++;
            assertEquals(result.get().written(), written.keySet());
            Map<String, byte[]> site = new java.util.TreeMap<>();
            for (String name : whole.keySet()) {
                site.put(name, written.containsKey(name) ? written.get(name) : previous.get(name));
            }
            int r = round;
            whole.forEach((name, bytes) -> assertArrayEquals(bytes, site.get(name), "round " + r + ": " + name));
            assertTrue(written.keySet().stream().allMatch(whole::containsKey), "no file the whole index lacks");
            assertArrayEquals(expected.keys(), result.get().built().keys());
            for (int i = 0; i < docs.size(); i++) {
                assertArrayEquals(expected.shardsOf()[i], result.get().built().shardsOf()[i], "shards of " + docs.get(i).id());
            }
            assertTrue(written.size() < whole.size() / 2, "a patch writes few files: " + written.size() + " of " + whole.size());
            files = whole;
            built = result.get().built();
        }
        assertTrue(patched >= 20, "most rounds patched: " + patched);
    }
}
