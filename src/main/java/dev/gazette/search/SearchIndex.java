package dev.gazette.search;

import dev.gazette.model.ArticleId;
import dev.gazette.related.RelatedIndex;
import dev.gazette.related.TextAnalyzer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Builds the search index of a site's articles as files, by their path inside the index folder:
 *
 * <ul>
 *   <li>{@code meta.json}: the shard count, the number of articles, the newest article's day (for
 *       the ranking's slight preference for recent articles), and the analysis data the
 *       browser's analyzer needs (stop words, elided articles) for each language the index holds;</li>
 *   <li>{@code s/<n>.bin}: shard {@code n}, every term whose hash ({@link DocKeys#hash}) falls in it
 *       with its postings: article keys (ascending, as varint gaps) and a one-byte weight;</li>
 *   <li>{@code m/<chunk>.json}: what a result shows (title, rubric, date, snippet text, tags) for
 *       the articles whose key shares {@code key >> CHUNK_BITS} (a sixteenth of a day).</li>
 * </ul>
 *
 * <p>Rubrics and tags are terms too ({@code #r:slug}, {@code #t:slug}), so a filter downloads one
 * more shard. A posting's weight depends only on its own article (BM25's term-frequency part with
 * a fixed reference length, not the archive's average), and the document frequency the browser
 * weighs terms by is the postings' count: publishing an article changes only its terms' shards,
 * its chunk and {@code meta.json}. The output is a pure function of the documents, in any order
 * and on any number of threads.
 */
public final class SearchIndex {

    /** The format's version, in {@code meta.json}: search.js refuses others. */
    public static final int FORMAT = 1;
    /** Articles per shard aimed at: shards then weigh about 9 kB at 10,000 articles. */
    static final int ARTICLES_PER_SHARD = 16;
    static final int MIN_SHARDS = 16;
    /**
     * Metadata chunks hold the keys of a sixteenth of a day's slots: two or three articles when a
     * day has forty, so that ten results by relevance download little more than their own metadata.
     */
    static final int CHUNK_BITS = 5;
    /** Documents made and analysed at a time: enough for the cores to share, few enough to cost little memory. */
    private static final int BATCH = 1024;
    /**
     * Groups of shards the postings wait in: sixteen, enough to keep a few cores busy and to hold
     * a sixteenth of the postings at a time per thread, few enough that re-reading a batch once per
     * group costs little.
     */
    private static final int GROUPS = 16;
    /** The snippet text kept for each result, in characters (cut at a word). */
    static final int SNIPPET = 280;
    /** The related analysis's boosts (RelatedIndex.TITLE_BOOST, LEAD_BOOST): SearchIndexTest checks they agree. */
    private static final float TITLE_BOOST = 3f;
    private static final float LEAD_BOOST = 2f;
    private static final double K1 = 1.2;
    private static final double B = 0.75;
    /**
     * BM25's length reference, in weighted words (title and lead boosted, as the analysis counts
     * them): fixed, so that no posting depends on the rest of the archive.
     */
    private static final double REFERENCE_LENGTH = 500;

    private SearchIndex() {
    }

    /**
     * The index files of {@code docs}, sorted by path. Runs its analysis as a parallel stream (in
     * the caller's pool when called inside one).
     *
     * @param language the site's language: what queries are analysed in
     */
    public static Map<String, byte[]> build(List<SearchDocument> docs, String language) {
        Map<String, byte[]> files = new java.util.concurrent.ConcurrentSkipListMap<>();
        build(docs.stream().map(SearchDocument::id).toList(), docs.stream().map(SearchDocument::day).toList(), docs::get, language,
                null, files::put);
        return new TreeMap<>(files);
    }

    /**
     * Builds the index of {@code ids.size()} documents, made one at a time by {@code document}, and
     * hands each file to {@code sink} (path in the index folder, bytes) as soon as it is complete,
     * from any thread. Two passes. The first makes the documents in key order, a batch at a time,
     * writes their metadata chunks, and appends each posting (term, key, weight) to its group of
     * shards in {@code spill}; the documents are dropped once read. The second reads the groups
     * back one by one (as many at once as there are threads) and writes their shards. What stays
     * in memory is a batch of documents and a group's postings, whatever the archive's size.
     *
     * @param ids      the documents' ids, by position
     * @param days     their publication days, by position (their keys are made of them)
     * @param document the document at a position; called once for each, in parallel
     * @param language the site's language: what queries are analysed in
     * @param scratch  a folder the postings may wait in (created, then deleted), or {@code null} to keep them in memory
     */
    public static Built build(List<ArticleId> ids, List<java.time.LocalDate> days, IntFunction<SearchDocument> document, String language,
                              Path scratch, BiConsumer<String, byte[]> sink) {
        Map<ArticleId, Integer> keys = DocKeys.of(ids, days);
        int size = ids.size();
        int shards = shardCount(size);
        String siteLanguage = primary(language);
        int[] keyOf = new int[size];
        Integer[] byKey = new Integer[size];
        for (int i = 0; i < size; i++) {
            keyOf[i] = keys.get(ids.get(i));
            byKey[i] = i;
        }
        Arrays.sort(byKey, (x, y) -> Integer.compare(keyOf[x], keyOf[y]));
        // Postings go to their group in key order, so each term's come sorted and the result does
        // not depend on the documents' order. Each batch is gathered in parallel by group: each
        // group's task reads the batch in key order and appends the postings of its own shards.
        int groups = Math.min(shards, GROUPS);
        TreeSet<String> languages = new TreeSet<>();
        languages.add(siteLanguage);
        int newest = 0;
        byte[][] shardsOf = new byte[size][];
        try (PostingSpill spill = scratch == null ? PostingSpill.inMemory(groups) : PostingSpill.inFolder(scratch, groups)) {
            int chunk = -1;
            StringBuilder entries = new StringBuilder();
            for (int from = 0; from < size; from += BATCH) {
                int to = Math.min(size, from + BATCH);
                Analysed[] batch = new Analysed[to - from];
                int first = from;
                IntStream.range(from, to).parallel().forEach(n -> {
                    int i = byKey[n];
                    batch[n - first] = analyse(document.apply(i), keyOf[i], shards, siteLanguage);
                    shardsOf[i] = shardList(batch[n - first].shards);
                });
                IntStream.range(0, groups).parallel().forEach(g -> {
                    Records records = new Records();
                    for (Analysed a : batch) {
                        for (int t = 0; t < a.terms.length; t++) {
                            if (a.shards[t] % groups == g) {
                                records.add(a.terms[t], a.key, a.weights[t] & 0xff);
                            }
                        }
                    }
                    spill.append(g, records.bytes, records.length);
                });
                // Metadata chunks hold consecutive keys: each is complete, and written, once the next begins.
                for (Analysed a : batch) {
                    if (a.key >>> CHUNK_BITS != chunk) {
                        if (chunk >= 0) {
                            sink.accept(chunkFile(chunk), chunk(entries));
                        }
                        chunk = a.key >>> CHUNK_BITS;
                        entries.setLength(0);
                    }
                    entries.append(entries.length() == 0 ? "" : ",").append(a.entry);
                    languages.add(a.language);
                    newest = Math.max(newest, a.key);
                }
            }
            if (chunk >= 0) {
                sink.accept(chunkFile(chunk), chunk(entries));
            }
            IntStream.range(0, groups).parallel().forEach(g -> {
                List<Map<String, Postings>> own = new ArrayList<>();
                for (int s = g; s < shards; s += groups) {
                    own.add(new HashMap<>());
                }
                try (InputStream in = spill.read(g)) {
                    Records.readAll(in, (term, key, weight) -> own.get(Integer.remainderUnsigned(DocKeys.hash(term), shards) / groups)
                            .computeIfAbsent(term, k -> new Postings()).add(key, weight));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot read the search index's postings back: " + e.getMessage(), e);
                }
                for (int s = g, n = 0; s < shards; s += groups, n++) {
                    sink.accept(shardFile(s), shard(own.get(n)));
                    own.set(n, null); // written: its postings can go
                }
            });
        }
        sink.accept("meta.json", meta(siteLanguage, languages, size, shards, newest / DocKeys.SLOTS).getBytes(StandardCharsets.UTF_8));
        return new Built(shards, keyOf, shardsOf);
    }

    /**
     * What an index was made of, by position, for the next build to patch it ({@link #patch}):
     * the shard count, each article's key, and the shards its postings are in (ascending, as
     * varint gaps).
     */
    public record Built(int shards, int[] keys, byte[][] shardsOf) {
    }

    /** One article as the previous index held it: its key, the hash of its inputs, its shards ({@link Built#shardsOf}). */
    public record Held(int key, long inputs, byte[] shards) {
    }

    /** The shards of an article's terms, distinct and ascending, as varint gaps. */
    private static byte[] shardList(int[] shards) {
        int[] sorted = IntStream.of(shards).distinct().sorted().toArray();
        byte[] out = new byte[sorted.length * 5];
        int at = 0;
        int previous = 0;
        for (int s : sorted) {
            at = Records.varint(out, at, s - previous);
            previous = s;
        }
        return Arrays.copyOf(out, at);
    }

    private static int[] shardsIn(byte[] list) {
        InputStream in = new ArrayInput(list);
        List<Integer> out = new ArrayList<>();
        try {
            for (int gap = Records.readVarint(in), previous = 0; gap >= 0; gap = Records.readVarint(in)) {
                previous += gap;
                out.add(previous);
            }
        } catch (IOException e) {
            throw new IllegalStateException("an article's list of shards cannot be read: " + e.getMessage(), e);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Patches the previous build's index instead of building it again: only the shards that the
     * added, changed or removed articles' postings are in (read from the previous site, their old
     * postings dropped by key, the new ones added), the metadata chunks of their keys, and
     * {@code meta.json} are made and handed to {@code sink}; every other file is the previous
     * one. The files are exactly those {@link #build} would make: a posting depends only on its
     * own article and its key, and a shard is its terms' postings sorted.
     *
     * @param previous     the previous index's articles, by id, and its shard count
     * @param inputs       a hash of everything each article's postings and metadata are made of (its
     *                     analysis's key, rubric, tags, address, title, lead, body, dates, language), by position
     * @param languages    each article's language, by position
     * @param previousFile a file of the previous index by its path in the index folder, if it is there as that build wrote it
     * @return what the index is now made of, and the files written; empty, with nothing handed to
     *         {@code sink}, when patching does not pay or cannot be done (build it instead)
     */
    public static Optional<Patched> patch(int previousShards, Map<ArticleId, Held> previous, List<ArticleId> ids,
                                          List<java.time.LocalDate> days, long[] inputs, IntFunction<SearchDocument> document,
                                          List<String> languages, String language,
                                          java.util.function.Function<String, Optional<byte[]>> previousFile,
                                          BiConsumer<String, byte[]> sink) {
        int size = ids.size();
        int shards = shardCount(size);
        if (shards != previousShards) {
            return Optional.empty();
        }
        Map<ArticleId, Integer> keys = DocKeys.of(ids, days);
        int[] keyOf = new int[size];
        Map<ArticleId, Integer> position = new HashMap<>(size * 2);
        List<Integer> changed = new ArrayList<>();
        java.util.Set<Integer> goneKeys = new java.util.HashSet<>();
        java.util.TreeSet<Integer> touchedShards = new java.util.TreeSet<>();
        java.util.TreeSet<Integer> touchedChunks = new java.util.TreeSet<>();
        for (int i = 0; i < size; i++) {
            keyOf[i] = keys.get(ids.get(i));
            position.put(ids.get(i), i);
            Held before = previous.get(ids.get(i));
            if (before == null || before.key() != keyOf[i] || before.inputs() != inputs[i]) {
                changed.add(i);
                touchedChunks.add(keyOf[i] >>> CHUNK_BITS);
            }
        }
        // The previous postings of every article removed or changed go, by their old key.
        for (Map.Entry<ArticleId, Held> e : previous.entrySet()) {
            Held before = e.getValue();
            Integer i = position.get(e.getKey());
            if (i == null || before.key() != keyOf[i] || before.inputs() != inputs[i]) {
                goneKeys.add(before.key());
                touchedChunks.add(before.key() >>> CHUNK_BITS);
                for (int s : shardsIn(before.shards())) {
                    touchedShards.add(s);
                }
            }
        }
        // Past a tenth of the archive, building the index whole costs less than patching it.
        if (changed.size() + goneKeys.size() > Math.max(16, size / 10)) {
            return Optional.empty();
        }
        String siteLanguage = primary(language);
        byte[][] shardsOf = new byte[size][];
        for (int i = 0; i < size; i++) {
            Held before = previous.get(ids.get(i));
            shardsOf[i] = before == null ? null : before.shards();
        }
        Map<Integer, Analysed> fresh = new java.util.TreeMap<>();
        for (int i : changed) {
            Analysed a = analyse(document.apply(i), keyOf[i], shards, siteLanguage);
            fresh.put(i, a);
            shardsOf[i] = shardList(a.shards);
            for (int s : a.shards) {
                touchedShards.add(s);
            }
        }
        // Every file read before any is written: a missing one means building the index whole.
        Map<Integer, byte[]> before = new java.util.TreeMap<>();
        for (int s : touchedShards) {
            Optional<byte[]> bytes = previousFile.apply(shardFile(s));
            if (bytes.isEmpty()) {
                return Optional.empty();
            }
            before.put(s, bytes.get());
        }
        java.util.Set<String> written = new java.util.TreeSet<>();
        for (int s : touchedShards) {
            // The new postings of this shard, by term, in the order the articles come.
            java.util.TreeMap<String, List<long[]>> added = new java.util.TreeMap<>();
            for (Analysed a : fresh.values()) {
                for (int t = 0; t < a.terms.length; t++) {
                    if (a.shards[t] == s) {
                        List<long[]> postings = added.computeIfAbsent(a.terms[t], k -> new ArrayList<>(2));
                        if (postings.stream().noneMatch(p -> p[0] == a.key)) {
                            postings.add(new long[] {a.key, a.weights[t] & 0xff});
                        }
                    }
                }
            }
            sink.accept(shardFile(s), patchShard(before.get(s), goneKeys, added));
            written.add(shardFile(s));
        }
        // The chunks of the keys that moved, made again from their articles (a few each).
        Map<Integer, List<Integer>> members = new java.util.TreeMap<>();
        for (int i = 0; i < size; i++) {
            if (touchedChunks.contains(keyOf[i] >>> CHUNK_BITS)) {
                members.computeIfAbsent(keyOf[i] >>> CHUNK_BITS, k -> new ArrayList<>()).add(i);
            }
        }
        for (Map.Entry<Integer, List<Integer>> e : members.entrySet()) {
            List<Integer> inChunk = e.getValue();
            inChunk.sort((x, y) -> Integer.compare(keyOf[x], keyOf[y]));
            StringBuilder entries = new StringBuilder();
            for (int i : inChunk) {
                Analysed a = fresh.get(i);
                String entry = a != null ? a.entry : entry(document.apply(i), keyOf[i], siteLanguage);
                entries.append(entries.length() == 0 ? "" : ",").append(entry);
            }
            sink.accept(chunkFile(e.getKey()), chunk(entries));
            written.add(chunkFile(e.getKey()));
        }
        TreeSet<String> all = new TreeSet<>();
        all.add(siteLanguage);
        int newest = 0;
        for (int i = 0; i < size; i++) {
            all.add(primary(languages.get(i)));
            newest = Math.max(newest, keyOf[i]);
        }
        sink.accept("meta.json", meta(siteLanguage, all, size, shards, newest / DocKeys.SLOTS).getBytes(StandardCharsets.UTF_8));
        written.add("meta.json");
        return Optional.of(new Patched(new Built(shards, keyOf, shardsOf), written));
    }

    /** A patched index: what it is made of, and the files {@link #patch} wrote (the others are the previous ones). */
    public record Patched(Built built, java.util.Set<String> written) {
    }

    /**
     * A shard of the previous index with the postings of {@code gone} keys dropped and those
     * {@code added} (by term, in no order) merged in: the bytes {@link #shard} writes for the
     * shard's postings so changed. Read in one pass: a term neither loses nor gains a posting is
     * copied as it was, its postings not decoded. A publish touches a few hundred shards; decoded
     * whole into lists of postings, they were a quarter of its search step at 10,000 articles.
     */
    static byte[] patchShard(byte[] before, java.util.Set<Integer> gone, java.util.SortedMap<String, List<long[]>> added) {
        ShardReader in = new ShardReader(before);
        ByteArrayOutputStream body = new ByteArrayOutputStream(before.length + 64 * added.size());
        int count = 0;
        java.util.Iterator<Map.Entry<String, List<long[]>>> pending = added.entrySet().iterator();
        Map.Entry<String, List<long[]>> next = pending.hasNext() ? pending.next() : null;
        for (int t = 0, terms = in.varint(); t < terms; t++) {
            int termStart = in.at;
            int length = in.varint();
            int textStart = in.at;
            in.at += length;
            String term = next == null ? null : new String(before, textStart, length, StandardCharsets.UTF_8);
            while (next != null && next.getKey().compareTo(term) < 0) {
                count += writeTerm(body, next.getKey(), List.of(), next.getValue());
                next = pending.hasNext() ? pending.next() : null;
            }
            int postings = in.varint();
            int postingsStart = in.at;
            boolean dropsOne = false;
            for (int p = 0, key = 0; p < postings; p++) {
                key += in.varint();
                in.at++;
                dropsOne |= gone.contains(key);
            }
            boolean gains = next != null && next.getKey().equals(term);
            if (!dropsOne && !gains) {
                body.write(before, termStart, in.at - termStart);
                count++;
                continue;
            }
            List<long[]> kept = new ArrayList<>(postings);
            ShardReader again = new ShardReader(before);
            again.at = postingsStart;
            for (int p = 0, key = 0; p < postings; p++) {
                key += again.varint();
                int weight = before[again.at++] & 0xff;
                if (!gone.contains(key)) {
                    kept.add(new long[] {key, weight});
                }
            }
            String text = term != null ? term : new String(before, textStart, length, StandardCharsets.UTF_8);
            count += writeTerm(body, text, kept, gains ? next.getValue() : List.of());
            if (gains) {
                next = pending.hasNext() ? pending.next() : null;
            }
        }
        while (next != null) {
            count += writeTerm(body, next.getKey(), List.of(), next.getValue());
            next = pending.hasNext() ? pending.next() : null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 5);
        varint(out, count);
        byte[] terms = body.toByteArray();
        out.write(terms, 0, terms.length);
        return out.toByteArray();
    }

    /**
     * Writes a term with its {@code kept} postings (in key order) and those {@code added} whose key
     * it does not hold already, all in key order; nothing for a term left without a posting.
     * @return the terms written: 1 or 0
     */
    private static int writeTerm(ByteArrayOutputStream out, String term, List<long[]> kept, List<long[]> added) {
        List<long[]> all = new ArrayList<>(kept);
        for (long[] a : added) {
            if (kept.stream().noneMatch(p -> p[0] == a[0])) {
                all.add(a);
            }
        }
        if (all.isEmpty()) {
            return 0;
        }
        all.sort((x, y) -> Long.compare(x[0], y[0]));
        Postings p = new Postings();
        all.forEach(x -> p.add((int) x[0], (int) x[1]));
        writeTerm(out, term, p);
        return 1;
    }

    /** One term of a shard: its UTF-8 (a varint length, the bytes), its posting count, its postings. */
    private static void writeTerm(ByteArrayOutputStream out, String term, Postings p) {
        byte[] bytes = term.getBytes(StandardCharsets.UTF_8);
        varint(out, bytes.length);
        out.write(bytes, 0, bytes.length);
        varint(out, p.count);
        out.write(p.bytes, 0, p.length);
    }

    /** A shard's bytes read in place, a varint at a time. */
    private static final class ShardReader {
        private final byte[] bytes;
        int at;

        ShardReader(byte[] bytes) {
            this.bytes = bytes;
        }

        int varint() {
            int value = 0;
            for (int shift = 0; shift < 35; shift += 7) {
                byte b = bytes[at++];
                value |= (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalStateException("a previous shard cannot be read: a varint too long");
        }
    }

    /**
     * A byte array read as a stream, as {@code ByteArrayInputStream} reads it but without taking
     * a lock for every byte: a publish decodes the shards it patches a byte at a time, on one thread.
     */
    private static final class ArrayInput extends InputStream {
        private final byte[] bytes;
        private int at;

        ArrayInput(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() {
            return at < bytes.length ? bytes[at++] & 0xff : -1;
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            java.util.Objects.checkFromIndexSize(offset, length, into.length);
            if (length == 0) {
                return 0;
            }
            if (at >= bytes.length) {
                return -1;
            }
            int n = Math.min(length, bytes.length - at);
            System.arraycopy(bytes, at, into, offset, n);
            at += n;
            return n;
        }
    }

    /** A group's postings as they wait: for each, the term (UTF-8, its length first), the key and the weight. */
    private static final class Records {
        byte[] bytes = new byte[1 << 12];
        int length;

        interface Reader {
            void posting(String term, int key, int weight);
        }

        void add(String term, int key, int weight) {
            byte[] t = term.getBytes(StandardCharsets.UTF_8);
            if (length + t.length + 16 > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + t.length + 16));
            }
            length = varint(bytes, length, t.length);
            System.arraycopy(t, 0, bytes, length, t.length);
            length = varint(bytes, length + t.length, key);
            bytes[length++] = (byte) weight;
        }

        static int varint(byte[] into, int at, int value) {
            while ((value & ~0x7f) != 0) {
                into[at++] = (byte) ((value & 0x7f) | 0x80);
                value >>>= 7;
            }
            into[at++] = (byte) value;
            return at;
        }

        static void readAll(InputStream in, Reader reader) throws IOException {
            byte[] term = new byte[64];
            while (true) {
                int length = readVarint(in);
                if (length < 0) {
                    return;
                }
                if (length > term.length) {
                    term = new byte[length];
                }
                if (in.readNBytes(term, 0, length) != length) {
                    throw new java.io.EOFException("a posting cut short");
                }
                int key = readVarint(in);
                int weight = in.read();
                if (key < 0 || weight < 0) {
                    throw new java.io.EOFException("a posting cut short");
                }
                reader.posting(new String(term, 0, length, StandardCharsets.UTF_8), key, weight);
            }
        }

        /** The next varint, or -1 at the end of the stream. */
        static int readVarint(InputStream in) throws IOException {
            int value = 0;
            for (int shift = 0; ; shift += 7) {
                int b = in.read();
                if (b < 0) {
                    if (shift == 0) {
                        return -1;
                    }
                    throw new java.io.EOFException("a posting cut short");
                }
                value |= (b & 0x7f) << shift;
                if (b < 0x80) {
                    return value;
                }
            }
        }
    }

    /**
     * The paths {@link #build} gives articles of these ids and days, sorted, known without
     * analysing a word: what a build whose inputs did not change keeps from the previous one.
     */
    public static List<String> fileNames(List<dev.gazette.model.ArticleId> ids, List<java.time.LocalDate> days) {
        TreeSet<String> names = new TreeSet<>();
        names.add("meta.json");
        int shards = shardCount(ids.size());
        for (int s = 0; s < shards; s++) {
            names.add(shardFile(s));
        }
        for (int key : DocKeys.of(ids, days).values()) {
            names.add(chunkFile(key >>> CHUNK_BITS));
        }
        return List.copyOf(names);
    }

    /** The browser's modules, by file name: the search page loads {@code search.js}, which imports {@code analyzer.js}. */
    public static Map<String, byte[]> scripts() {
        Map<String, byte[]> out = new TreeMap<>();
        for (String name : List.of("analyzer.js", "search.js")) {
            try (java.io.InputStream in = SearchIndex.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("the resource " + name + " is missing from Gazette's jar");
                }
                out.put(name, in.readAllBytes());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return out;
    }

    /**
     * The related step's analysis of an article's text ({@link RelatedIndex#analyze}) without its
     * multi-word names and kicker, which the index leaves out: the same terms with the same weighted counts,
     * for a build without the cache, at a part of the cost.
     */
    public static RelatedIndex.Analysis analysis(String title, String lead, String body, String language, TextAnalyzer analyzer) {
        Map<String, float[]> counts = new HashMap<>();
        String[] texts = {title, lead, body};
        // RelatedIndex's boosts, added in its order, so that the sums are the same floats.
        float[] boosts = {TITLE_BOOST, LEAD_BOOST, 1f};
        for (int i = 0; i < texts.length; i++) {
            float boost = boosts[i];
            analyzer.analyze(texts[i], language, t -> counts.computeIfAbsent(t.toString(), k -> new float[1])[0] += boost);
        }
        String[] terms = counts.keySet().toArray(String[]::new);
        Arrays.sort(terms);
        float[] weights = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            weights[i] = counts.get(terms[i])[0];
        }
        return new RelatedIndex.Analysis(terms, weights);
    }

    /** The terms the build gives {@code text} in {@code language}, in order: what the browser's analyzer must reproduce. */
    public static List<String> terms(String text, String language, TextAnalyzer analyzer) {
        List<String> out = new ArrayList<>();
        analyzer.analyze(text, language, t -> out.add(t.toString()));
        return out;
    }

    /** Twice as many shards each time the archive doubles past {@code MIN_SHARDS × ARTICLES_PER_SHARD}. */
    static int shardCount(int articles) {
        int wanted = Math.max(MIN_SHARDS, (articles + ARTICLES_PER_SHARD - 1) / ARTICLES_PER_SHARD);
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    static String shardFile(int shard) {
        return "s/" + Integer.toString(shard, 36) + ".bin";
    }

    static String chunkFile(int chunk) {
        return "m/" + Integer.toString(chunk, 36) + ".json";
    }

    /**
     * One article as the index files need it: its key, its terms with their shards and weights
     * (1-255, one byte each), its primary language, and its entry in its metadata chunk, as JSON.
     */
    private record Analysed(int key, String[] terms, int[] shards, byte[] weights, String language, String entry) {
    }

    private static Analysed analyse(SearchDocument d, int key, int shards, String siteLanguage) {
        String[] all = d.analysis().terms();
        float[] counts = d.analysis().weights();
        double length = 0;
        int words = 0;
        for (int i = 0; i < all.length; i++) {
            // Names and kickers are not words: the query's words never make one.
            if (TextAnalyzer.isWordTerm(all[i])) {
                length += counts[i];
                words++;
            }
        }
        double norm = K1 * (1 - B + B * length / REFERENCE_LENGTH);
        int n = words + (d.rubric() == null ? 0 : 1) + d.tags().size();
        String[] t = new String[n];
        byte[] w = new byte[n];
        int at = 0;
        for (int i = 0; i < all.length; i++) {
            if (TextAnalyzer.isWordTerm(all[i])) {
                double tf = counts[i];
                t[at] = all[i];
                w[at++] = (byte) Math.max(1, Math.min(255, Math.round(255 * tf / (tf + norm))));
            }
        }
        if (d.rubric() != null) {
            t[at] = "#r:" + d.rubric().slug();
            w[at++] = 1;
        }
        for (SearchDocument.Facet tag : d.tags()) {
            t[at] = "#t:" + tag.slug();
            w[at++] = 1;
        }
        int[] s = new int[n];
        for (int i = 0; i < n; i++) {
            s[i] = Integer.remainderUnsigned(DocKeys.hash(t[i]), shards);
        }
        return new Analysed(key, t, s, w, primary(d.language()), entry(d, key, snippet(d), siteLanguage));
    }

    /**
     * A term's postings as they are added, keys ascending, already encoded as its shard holds
     * them: each key as a varint gap from the one before, then its one-byte weight.
     */
    private static final class Postings {
        byte[] bytes = new byte[8];
        int length;
        int count;
        int last;

        void add(int key, int weight) {
            // A tag written twice in one article is one posting.
            if (count > 0 && key == last) {
                return;
            }
            if (length + 6 > bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            long gap = key - (count == 0 ? 0L : last);
            while (gap >= 0x80) {
                bytes[length++] = (byte) ((gap & 0x7f) | 0x80);
                gap >>>= 7;
            }
            bytes[length++] = (byte) gap;
            bytes[length++] = (byte) weight;
            last = key;
            count++;
        }
    }

    /** The lead, else the body's start, cut at a word near {@link #SNIPPET} characters. */
    private static String snippet(SearchDocument d) {
        String both = d.lead().isBlank() ? d.body() : d.lead() + " " + d.body();
        // Only the start is kept: the rest is never looked at.
        int end = Math.min(both.length(), SNIPPET * 3);
        if (end < both.length() && Character.isHighSurrogate(both.charAt(end - 1))) {
            end--;
        }
        String text = both.substring(0, end).strip().replaceAll("\\s+", " ");
        if (text.length() <= SNIPPET) {
            return text;
        }
        int cut = text.lastIndexOf(' ', SNIPPET);
        return text.substring(0, cut > SNIPPET / 2 ? cut : SNIPPET) + "…";
    }

    /** A shard: term count, then for each term (sorted) its UTF-8 bytes, posting count and postings. */
    private static byte[] shard(Map<String, Postings> terms) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        String[] sorted = terms.keySet().toArray(String[]::new);
        Arrays.sort(sorted);
        varint(out, sorted.length);
        for (String term : sorted) {
            writeTerm(out, term, terms.get(term));
        }
        return out.toByteArray();
    }

    private static void varint(ByteArrayOutputStream out, long value) {
        while (value >= 0x80) {
            out.write((int) (value & 0x7f) | 0x80);
            value >>>= 7;
        }
        out.write((int) value);
    }

    /** A metadata chunk: its members' entries, in key order, joined by commas. */
    private static byte[] chunk(CharSequence entries) {
        return new StringBuilder(entries.length() + 16).append("{\"docs\":[").append(entries).append("]}\n").toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String entry(SearchDocument d, int key, String siteLanguage) {
        return entry(d, key, snippet(d), siteLanguage);
    }

    /** What a result shows of {@code d}: its entry in its metadata chunk. */
    private static String entry(SearchDocument d, int key, String snippet, String siteLanguage) {
        StringBuilder json = new StringBuilder(256 + snippet.length());
        json.append("\n{\"k\":").append(key)
                .append(",\"u\":").append(JsonText.quote(d.url()))
                .append(",\"t\":").append(JsonText.quote(d.title()))
                .append(",\"r\":").append(d.rubric() == null ? "null" : facet(d.rubric()))
                .append(",\"d\":").append(JsonText.quote(d.dateIso()))
                .append(",\"l\":").append(JsonText.quote(d.dateLabel()))
                .append(",\"s\":").append(JsonText.quote(snippet))
                .append(",\"g\":[");
        for (int t = 0; t < d.tags().size(); t++) {
            json.append(t == 0 ? "" : ",").append(facet(d.tags().get(t)));
        }
        json.append("]");
        if (!primary(d.language()).equals(siteLanguage)) {
            json.append(",\"lang\":").append(JsonText.quote(d.language()));
        }
        return json.append("}").toString();
    }

    private static String facet(SearchDocument.Facet f) {
        return "[" + JsonText.quote(f.slug()) + "," + JsonText.quote(f.name()) + "]";
    }

    private static String meta(String language, TreeSet<String> languages, int docs, int shards, int newestDay) {
        StringBuilder json = new StringBuilder("{\"format\":").append(FORMAT)
                .append(",\"language\":").append(JsonText.quote(language))
                .append(",\"docs\":").append(docs)
                .append(",\"shards\":").append(shards)
                .append(",\"slots\":").append(DocKeys.SLOTS)
                .append(",\"chunkBits\":").append(CHUNK_BITS)
                .append(",\"firstDay\":\"1800-01-01\"")
                .append(",\"newestDay\":").append(newestDay)
                .append(",\"analysis\":{");
        boolean first = true;
        for (String l : languages) {
            json.append(first ? "" : ",").append("\n").append(JsonText.quote(l)).append(":{\"stop\":")
                    .append(JsonText.array(TextAnalyzer.stopWords(l))).append(",\"elisions\":")
                    .append(JsonText.array(TextAnalyzer.elisions(l))).append("}");
            first = false;
        }
        return json.append("}}\n").toString();
    }

    static String primary(String language) {
        if (language == null || language.isBlank()) {
            return "";
        }
        String l = language.toLowerCase(Locale.ROOT);
        int dash = l.indexOf('-');
        return dash < 0 ? l : l.substring(0, dash);
    }
}
