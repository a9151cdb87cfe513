package dev.gazette.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.lucene.analysis.CharArrayMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Ranks, for one document, the others most related to it: text similarity (TF-IDF over title,
 * lead, body and multi-word names, analyzed per language, mixed with latent semantic features),
 * shared keywords weighted by rarity, same group; nearness in time breaks near-ties; editor pins
 * always first.
 *
 * <p>Never an all-pairs comparison. Each document is posted under its {@value #TERMS_PER_DOCUMENT}
 * most distinctive terms; terms that only one document has, or (past 20 documents) more than 30%
 * of them share, are ignored. Candidates for a document are the documents posted under its
 * {@value #QUERY_TERMS} strongest terms (the strongest {@value #POSTINGS_READ} of each list),
 * those sharing a keyword or the group (nearest in time, a bounded number per list), and nothing
 * else. The best of them by that first estimate are then ranked on the whole vectors: the cosine of
 * the two documents' weighted vectors (their {@value #VECTOR_TERMS} strongest terms, normalised over
 * all their terms), with the query moved toward its nearest neighbours (relevance feedback), mixed
 * with the cosine of their coordinates in a latent space ({@link LatentSpace}). So the work per
 * document is bounded whatever the archive's size, and memory is that of the index, not of the
 * texts: vectors are kept compact (ids as deltas, weights on a log scale in one byte).
 *
 * <p>Deterministic: term ids follow the terms' order, sums run in a fixed order, and ranking is
 * score, then the newer document, then the key. Immutable once built, so {@link #find} may run on
 * many threads.
 */
public final class RelatedIndex {

    /** Terms a document is posted under: enough for a news article's subject, few enough to bound the work. */
    static final int TERMS_PER_DOCUMENT = 48;
    /** A document's strongest terms that look for its candidates... */
    static final int QUERY_TERMS = 24;
    /** ...each reading this many entries of the term's posting list, strongest first. */
    static final int POSTINGS_READ = 200;
    /**
     * Terms of a document's vector kept for the final ranking, strongest first: past them, the
     * weights left are small (measured: 128 ranks as the whole vector does on the real corpora).
     */
    static final int VECTOR_TERMS = 128;
    /**
     * Candidates ranked again on the whole vectors, per result wanted, and at least (measured:
     * 1.5 and 30 rank as 2 and 40 did, or 1 and 20, on both real corpora; the second ranking is
     * most of the lists' time).
     */
    static final double RESCORED_PER_RESULT = 1.5;
    static final int MIN_RESCORED = 30;
    /** Relevance feedback: the query gains this share of its nearest neighbours' centroid... */
    static final float FEEDBACK_WEIGHT = 0.5f;
    /** ...over this many neighbours, the nearest of this many by the first estimate. */
    static final int FEEDBACK_NEIGHBOURS = 5;
    static final int FEEDBACK_POOL = 15;
    /** The latent cosine's share of the text signal (the rest is the lexical cosine). */
    static final double LATENT_SHARE = 0.3;
    /** Entries read from each keyword's posting list, nearest in time first. */
    static final int KEYWORD_WINDOW = 150;
    /** Entries read from the group's posting list, nearest in time first: a fallback for documents with little text. */
    static final int GROUP_WINDOW = 30;
    /** Terms shared by more than this share of the documents say nothing about a subject... */
    static final double MAX_TERM_SHARE = 0.3;
    /** ...in an archive large enough for shares to mean something; below, rarity weighting alone decides. */
    static final int MAX_TERM_SHARE_FROM = 20;
    /** How much a word counts in the title, the lead, the body. */
    static final float TITLE_BOOST = 3f;
    static final float LEAD_BOOST = 2f;
    static final float BODY_BOOST = 1f;
    /**
     * The kicker's weighted count ({@link TextAnalyzer#kicker}): about twice a title word's weight
     * once tf is dampened (1 + ln 20 ≈ 4.0 against 1 + ln 3 ≈ 2.1), because a newsroom's label for
     * the story says more of its subject than any one word (wikinews-fr-100: p@1 0.47 → 0.61; 12
     * to 30 measure within 0.02 of it).
     */
    static final float KICKER_BOOST = 20f;

    /**
     * Weights are kept in one byte on a log scale: {@code w = exp(-q / WEIGHT_STEPS)}, so that
     * every weight from 1 down to 0.0003 keeps 1.6% of precision (a linear byte would lose the
     * small ones, which are most of a vector).
     */
    static final int WEIGHT_STEPS = 32;
    private static final float[] WEIGHT_OF = new float[256];

    static {
        for (int q = 0; q < 256; q++) {
            WEIGHT_OF[q] = (float) Math.exp(-q / (double) WEIGHT_STEPS);
        }
    }

    /** Term ids, in the build, of a term too common to be kept, and of a term only one document has. */
    private static final int COMMON = -1;
    private static final int UNIQUE = -2;

    private final RelatedWeights weights;
    private final int size;
    private final String[] keys;
    private final long[] epochSeconds;
    private final int[][] pins;
    /**
     * Each document's vector: its strongest terms (unit length over all its terms), as varint
     * deltas of ascending ids, each followed by its weight's byte.
     */
    private final byte[][] vectorOf;
    /** Each document's latent coordinates (unit length, ×127 in a byte each), or {@code null} without a latent space. */
    private final byte[][] latentOf;
    /** Each document's latent coordinates' squared length, in the bytes' units: counted once, not at each cosine. */
    private final long[] latentSquares;
    /**
     * The postings of every term, one after the other (term {@code t}'s from {@code
     * postingStart[t]} to {@code postingStart[t + 1]}): the documents posted under it, strongest
     * weight first, and those weights' bytes. Two flat arrays rather than two per term: an
     * archive has hundreds of thousands of terms, and each array costs a header and a reference.
     */
    private final int[] postingStart;
    private final int[] postingDocs;
    private final byte[] postingWeights;
    /** Each kept term's builder id, by its id here: its characters are {@link #terms}', for explanations. */
    private final int[] vocabulary;
    private final BuilderTerms terms;
    /**
     * Each kept term's 64-bit hash ({@link TermIds#hash}, the term's {@link LatentSpace#seed}), by
     * kept id: what names a term in the latent space's key, its fit, and the related state, taken
     * from the id table rather than hashed again from the strings at each of those.
     */
    private final long[] vocabularyKeys;
    /** Each document's keyword ids, ascending; keyword idf and each document's keyword-vector norm. */
    private final int[][] keywordsOf;
    private final double[] keywordIdf;
    private final double[] keywordNorm;
    private final String[] keywordNames;
    /** Each document's group id, or -1. */
    private final int[] groupOf;
    /** Posting lists by keyword id, then by group id; entries are time ranks, ascending. */
    private final int[][] keywordPostings;
    private final int[][] groupPostings;
    /** rankToDoc[rank] is the document at that place in time order; docRank is the inverse. */
    private final int[] rankToDoc;
    private final int[] docRank;
    private final ThreadLocal<Scratch> scratch;
    /** The documents the statistics (idf) are counted over: the latent space's sample. */
    private final int sampleSize;
    /** A digest of what every list depends on beyond its documents: the sample's contents, the settings. */
    private final long statistics;
    private final String[] groupNames;
    /** Each document's key hashed ({@link LatentSpace#seed}): the sample's choice, and the related state's names. */
    private final long[] documentKeys;

    /** Collects documents, possibly from many threads, then builds the index. */
    public static final class Builder {
        private final RelatedWeights weights;
        private final TextAnalyzer analyzer;
        private final String defaultLanguage;
        private final int size;
        private final String[] keys;
        private final long[] epochSeconds;
        private final int[][] pins;
        private final String[][] keywords;
        private final String[] groups;
        private final int[][] terms;
        private final float[][] frequencies;
        private final TermIds termIds = new TermIds();
        private final AtomicInteger added = new AtomicInteger();
        private LatentStore latentStore;
        /**
         * The pack documents are added from. Its terms' numbers are the builder's ids of them, in
         * the terms' order: the index sorts only the others, and merges (a publish sorted some
         * 150,000 shared terms again, a fifth of its related step; a new article brings a few
         * hundred). The others are numbered after them, by {@link #termIds}.
         */
        private AnalysisPack pack;
        /** How many ids the pack's terms take (0 without a pack): the first of {@link #termIds}' is this one. */
        private int packTerms;
        /**
         * Per position, the number of its analysis in the pack, or -1 when it is held in {@link
         * #terms} and {@link #frequencies}: an analysis read from the pack stays there (see {@link DocTerms}).
         */
        private final int[] packedAt;

        private Builder(RelatedWeights weights, TextAnalyzer analyzer, String defaultLanguage, int size) {
            this.weights = weights;
            this.analyzer = analyzer;
            this.defaultLanguage = defaultLanguage;
            this.size = size;
            keys = new String[size];
            epochSeconds = new long[size];
            pins = new int[size][];
            keywords = new String[size][];
            groups = new String[size];
            terms = new int[size][];
            frequencies = new float[size][];
            packedAt = new int[size];
            Arrays.fill(packedAt, -1);
        }

        /**
         * Analyzes and records the document at {@code position}. Safe to call from many threads for
         * distinct positions: this is the expensive part, and it is per document.
         */
        public Builder add(int position, RelatedDocument doc) {
            return add(position, doc, analyze(doc, analyzer, defaultLanguage));
        }

        /** Records the document at {@code position} with its analysis, done before (and perhaps cached). */
        public Builder add(int position, RelatedDocument doc, Analysis analysis) {
            int[] ids = new int[analysis.terms().length];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = idOf(analysis.terms()[k]);
            }
            return record(position, doc, ids, analysis.weights().clone());
        }

        /**
         * Takes the terms of {@code pack} as they are numbered there, so that {@link #addPacked}
         * adds its documents without looking their terms up, and the others are looked up in the
         * pack's own table before being numbered after them: none is registered one by one (the
         * 300,000 terms of a pack at 10,000 articles took a fifth of a second, on one core, and
         * 1.3 million at 100,000 held some 60 MB). At most one pack, before any document is added.
         */
        public Builder withPack(AnalysisPack pack) {
            if (this.pack != null || added.get() > 0 || termIds.size() > 0) {
                throw new IllegalStateException("a pack comes first, and once");
            }
            this.pack = pack;
            this.packTerms = pack.terms();
            return this;
        }

        /** The builder's id of {@code term}: its number in the pack, else one after the pack's, handed out now if it has none. */
        private int idOf(String term) {
            long h = TermIds.hash(term);
            int t = pack == null ? -1 : pack.numberOf(h);
            return t >= 0 ? t : packTerms + termIds.idOf(term, h);
        }

        /** Every term and its hash, at its builder id. Once the threads that add documents are done. */
        BuilderTerms terms() {
            TermIds.ById others = termIds.byId();
            return new BuilderTerms(packTerms == 0 ? null : pack, packTerms, others.terms(), others.hashes());
        }

        /**
         * Records the document at {@code position} with the analysis the pack holds under {@code
         * key}, as {@link #add(int, RelatedDocument, Analysis)} would with it; {@code false}, and
         * nothing recorded, when the pack has none.
         */
        public boolean addPacked(int position, RelatedDocument doc, String key) {
            int entry = pack == null ? -1 : pack.entryOf(key);
            if (entry < 0) {
                return false;
            }
            record(position, doc, null, null);
            packedAt[position] = entry;
            return true;
        }

        /** Document {@code d}'s terms (builder ids) and weights, into {@code into}. */
        void load(int d, DocTerms into) {
            if (packedAt[d] >= 0) {
                pack.read(packedAt[d], into);
            } else {
                into.copy(terms[d], frequencies[d], terms[d].length);
            }
        }

        /**
         * Writes the pack ({@link AnalysisPack}) of every document added, document {@code d}'s
         * analysis under {@code keys[d]}: before {@link #build()}, which lets the analyses go.
         */
        public void writePack(String[] keys, java.io.OutputStream out) throws java.io.IOException {
            if (added.get() != size || keys.length != size) {
                throw new IllegalStateException("a pack holds every document");
            }
            AnalysisPack.write(out, keys, new AnalysisPack.Documents() {
                @Override
                public int size() {
                    return size;
                }

                @Override
                public void load(int d, DocTerms into) {
                    Builder.this.load(d, into);
                }
            }, terms());
        }

        private Builder record(int position, RelatedDocument doc, int[] ids, float[] tf) {
            if (keys[position] != null) {
                throw new IllegalArgumentException("position " + position + " added twice");
            }
            terms[position] = ids;
            frequencies[position] = tf;
            keywords[position] = doc.keywords().stream().distinct().sorted().toArray(String[]::new);
            groups[position] = doc.group();
            epochSeconds[position] = doc.epochSeconds();
            pins[position] = doc.pinned().stream().mapToInt(Integer::intValue).toArray();
            keys[position] = doc.key();
            added.incrementAndGet();
            return this;
        }

        /**
         * Reads the latent space from {@code store} when its sample is the one it was fitted on, and
         * keeps it there when it had to be fitted. The index is the same either way.
         */
        public Builder keepLatentIn(LatentStore store) {
            this.latentStore = store;
            return this;
        }

        /** The index over every position; all must have been added. */
        public RelatedIndex build() {
            if (added.get() != size) {
                throw new IllegalStateException((size - added.get()) + " documents were not added");
            }
            return new RelatedIndex(this);
        }
    }

    /**
     * A document's text analysis: its terms (sorted) with their weighted counts (title and lead
     * boosted; words, multi-word names and the title's kicker). It depends only on the document's
     * language, title, lead and body, so it can be kept from one build to the next.
     */
    public record Analysis(String[] terms, float[] weights) {
        public Analysis {
            if (terms.length != weights.length) {
                throw new IllegalArgumentException("one weight per term");
            }
        }
    }

    /** Analyzes {@code doc}'s text; {@code defaultLanguage} for a document that names none. */
    public static Analysis analyze(RelatedDocument doc, TextAnalyzer analyzer, String defaultLanguage) {
        String language = doc.language() == null ? defaultLanguage : doc.language();
        // Counted by the term's characters: a string is made once per distinct term, not per token.
        CharArrayMap<float[]> counts = new CharArrayMap<>(512, false);
        String[] texts = {doc.title(), doc.lead(), doc.body()};
        float[] boosts = {TITLE_BOOST, LEAD_BOOST, BODY_BOOST};
        for (int i = 0; i < texts.length; i++) {
            float boost = boosts[i];
            TextAnalyzer.TermSink count = t -> count(counts, t, boost);
            analyzer.analyze(texts[i], language, count);
            analyzer.names(texts[i], language, count);
        }
        TextAnalyzer.kicker(doc.title(), k -> count(counts, k, KICKER_BOOST));
        String[] terms = new String[counts.size()];
        float[] sums = new float[terms.length];
        int at = 0;
        for (Map.Entry<Object, float[]> e : counts.entrySet()) {
            terms[at] = new String((char[]) e.getKey());
            sums[at++] = e.getValue()[0];
        }
        int[] order = Terms.sortedOrder(terms);
        String[] sorted = new String[terms.length];
        float[] weights = new float[terms.length];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = terms[order[i]];
            weights[i] = sums[order[i]];
        }
        return new Analysis(sorted, weights);
    }

    private static void count(CharArrayMap<float[]> counts, CharSequence term, float weight) {
        // A token's characters straight from its buffer: CharArrayMap reads a CharSequence a call per character.
        float[] sum = term instanceof CharTermAttribute t ? counts.get(t.buffer(), 0, t.length()) : counts.get(term);
        if (sum == null) {
            sum = new float[1];
            counts.put(term, sum);
        }
        sum[0] += weight;
    }

    /**
     * A builder for {@code size} documents, identified by their position {@code 0..size-1}.
     *
     * @param defaultLanguage the language of documents that name none (the site's)
     */
    public static Builder builder(RelatedWeights weights, TextAnalyzer analyzer, String defaultLanguage, int size) {
        return new Builder(weights, analyzer, defaultLanguage, size);
    }

    /**
     * A build's terms by builder id: the pack's numbers first, each read from the pack when asked
     * for (see {@link AnalysisPack}), then the terms the pack lacks, held. Safe from many threads.
     */
    record BuilderTerms(AnalysisPack pack, int packTerms, String[] others, long[] otherHashes) {
        int size() {
            return packTerms + others.length;
        }

        /** The term of builder id {@code id} (from the pack, a new string at each call). */
        String term(int id) {
            return id < packTerms ? pack.term(id) : others[id - packTerms];
        }

        long hash(int id) {
            return id < packTerms ? pack.hash(id) : otherHashes[id - packTerms];
        }
    }

    private RelatedIndex(Builder b) {
        this.weights = b.weights;
        this.size = b.size;
        this.keys = b.keys;
        this.epochSeconds = b.epochSeconds;
        this.pins = b.pins;
        int n = size;

        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> epochSeconds[i]).thenComparing(i -> keys[i]));
        rankToDoc = new int[n];
        docRank = new int[n];
        for (int r = 0; r < n; r++) {
            rankToDoc[r] = order[r];
            docRank[order[r]] = r;
        }

        // Text. Term ids were handed out in whatever order threads met the terms (but a pack's,
        // first and in order): renumber them in the terms' order, so that every sum below runs
        // in the same order on every build. Only the terms two documents share at least are
        // ordered (about half of an archive's words are met once, and can relate nothing):
        // sorting the whole vocabulary was a third of this set-up's time, on one core. The order
        // is the strings' own, however the sort is split and whatever the pack held.
        BuilderTerms builderTerms = b.terms();
        int[] builderDf = new int[builderTerms.size()];
        DocTerms doc = new DocTerms();
        for (int d = 0; d < n; d++) {
            b.load(d, doc);
            int[] ids = doc.ids();
            for (int k = 0, m = doc.length(); k < m; k++) {
                builderDf[ids[k]]++;
            }
        }
        int shared = 0;
        for (int df : builderDf) {
            shared += df >= 2 ? 1 : 0;
        }
        int[] allIds = inTermOrder(builderDf, builderTerms::term, b.packTerms, shared);
        int[] df = new int[shared];
        // A term met once keeps no number: it is UNIQUE wherever it is met.
        int[] renumber = new int[builderDf.length];
        Arrays.fill(renumber, -1);
        for (int t = 0; t < shared; t++) {
            renumber[allIds[t]] = t;
            df[t] = builderDf[allIds[t]];
        }
        // The statistics are the sample's (LatentSpace#sample: the months before the newest
        // article's, or the whole of a young site): a term's idf and whether it is too common to tell articles apart
        // come from its document frequency in the sample, so that a new article that does not
        // join the sample moves no other article's weights, and the lists of the articles it
        // does not reach can be kept from the last build (RelatedState). With the archive's own
        // frequencies, one more article moved every idf, so every list was computed again.
        documentKeys = new long[n];
        for (int d = 0; d < n; d++) {
            documentKeys[d] = LatentSpace.seed(keys[d]);
        }
        int[] sample = LatentSpace.sample(documentKeys, b.epochSeconds);
        int sampled = sample.length;
        int[] sampleDf = new int[shared];
        for (int d : sample) {
            b.load(d, doc);
            int[] ids = doc.ids();
            for (int k = 0, m = doc.length(); k < m; k++) {
                if (renumber[ids[k]] >= 0) {
                    sampleDf[renumber[ids[k]]]++;
                }
            }
        }
        // Only terms that can relate two documents are kept: in two at least, and not in most.
        // That leaves out about half of an archive's words (each met once), and their memory; but
        // a document's unique words still count in its vector's length, as in the cosine over the
        // whole vocabulary: an article half about something no other has is only half as near
        // (measured: p@5 0.299 → 0.31 on the French corpus, 0.56 → 0.59 on the English one).
        double maxDf = Math.max(MAX_TERM_SHARE_FROM, MAX_TERM_SHARE * sampled);
        int[] keptId = new int[shared];
        int kept = 0;
        for (int t = 0; t < shared; t++) {
            keptId[t] = sampleDf[t] > maxDf ? COMMON : df[t] < 2 ? UNIQUE : kept++;
        }
        terms = builderTerms;
        vocabulary = new int[kept];
        vocabularyKeys = new long[kept];
        float[] idf = new float[kept];
        for (int t = 0; t < shared; t++) {
            if (keptId[t] >= 0) {
                vocabulary[keptId[t]] = allIds[t];
                vocabularyKeys[keptId[t]] = builderTerms.hash(allIds[t]);
                idf[keptId[t]] = idf(sampled, sampleDf[t]);
            }
        }
        this.sampleSize = sampled;
        this.statistics = statistics(sample, b, builderTerms);
        // The latent space is fitted on the same sample, weighted by the sample's own document
        // frequencies: so that it is a function of the sample alone, and a new article that does
        // not join the sample leaves it exactly as it was (with the archive's idf, the space moved
        // with every article, which re-rendered most related pages at each publish).
        int[][] sampleTerms = new int[sample.length][];
        float[][] sampleWeights = new float[sample.length][];
        sampleVectors(sample, b, renumber, keptId, sampleDf, sampleTerms, sampleWeights);
        // Per document, independent: run in parallel (in the caller's pool, when it has one).
        // Only the compact vectors are kept: the steps below decode each document's again (as
        // find does), instead of holding every vector as two arrays (about 100 MB at 100,000
        // articles, at the related step's peak of the heap).
        vectorOf = new byte[n][];
        ThreadLocal<DocTerms> docs = ThreadLocal.withInitial(DocTerms::new);
        IntStream.range(0, n).parallel().forEach(d -> {
            DocTerms own = docs.get();
            b.load(d, own);
            int[] ids = own.ids();
            for (int k = 0, m = own.length(); k < m; k++) {
                int t = renumber[ids[k]];
                ids[k] = t < 0 ? UNIQUE : keptId[t];
            }
            vector(d, ids, own.weights(), own.length(), idf);
            b.terms[d] = null;
            b.frequencies[d] = null;
        });
        // Latent coordinates, from the vectors as kept (weights rounded as stored, so that a
        // document's coordinates do not depend on anything but what the index holds).
        String latentKey = b.latentStore == null ? null : LatentSpace.key(sampleTerms, sampleWeights, vocabularyKeys);
        LatentSpace latent = latentSpace(sampleTerms, sampleWeights, b.latentStore, latentKey);
        latentOf = latent == null ? null : new byte[n][];
        latentSquares = latent == null ? null : new long[n];
        if (latent != null) {
            // A document's coordinates are a function of its vector and of the space alone: those
            // of the last build are read back by a hash of the vector (a publish projected all
            // 10,000 documents again, a fifth of the index's set-up), and only new vectors are projected.
            LatentCoordinates stored = b.latentStore == null ? null : LatentCoordinates.read(b.latentStore.loadCoordinates(latentKey));
            LatentCoordinates known = stored != null && stored.dimensions() == latent.dimensions() ? stored : null;
            long[] vectorKeys = new long[n];
            java.util.concurrent.atomic.AtomicInteger projected = new java.util.concurrent.atomic.AtomicInteger();
            IntStream.range(0, n).parallel().forEach(d -> {
                int[] terms = new int[VECTOR_TERMS];
                float[] weights = new float[VECTOR_TERMS];
                int m = decode(d, terms, weights);
                terms = Arrays.copyOf(terms, m);
                weights = Arrays.copyOf(weights, m);
                vectorKeys[d] = vectorKey(terms, weights);
                byte[] x = known == null ? null : known.of(vectorKeys[d]);
                if (x == null) {
                    x = quantize(latent.project(terms, weights));
                    projected.incrementAndGet();
                }
                long squares = 0;
                for (byte c : x) {
                    squares += c * c;
                }
                latentOf[d] = x;
                latentSquares[d] = squares;
            });
            if (b.latentStore != null && (known == null || projected.get() > 0 || known.size() != LatentCoordinates.distinct(vectorKeys))) {
                b.latentStore.storeCoordinates(latentKey, LatentCoordinates.bytes(vectorKeys, latentOf));
            }
        }
        // Postings under each document's strongest terms.
        int[] postingCounts = new int[vocabulary.length];
        int[][] postedTerms = new int[n][];
        byte[][] postedWeights = new byte[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            int[] terms = new int[VECTOR_TERMS];
            float[] weights = new float[VECTOR_TERMS];
            int m = decode(d, terms, weights);
            int[] top = strongest(Arrays.copyOf(weights, m), TERMS_PER_DOCUMENT);
            int[] t = new int[top.length];
            byte[] w = new byte[top.length];
            for (int i = 0; i < top.length; i++) {
                t[i] = terms[top[i]];
                w[i] = weightByte(weights[top[i]]);
            }
            postedTerms[d] = t;
            postedWeights[d] = w;
        });
        for (int d = 0; d < n; d++) {
            for (int t : postedTerms[d]) {
                postingCounts[t]++;
            }
        }
        postingStart = new int[vocabulary.length + 1];
        for (int t = 0; t < vocabulary.length; t++) {
            postingStart[t + 1] = postingStart[t] + postingCounts[t];
        }
        postingDocs = new int[postingStart[vocabulary.length]];
        postingWeights = new byte[postingDocs.length];
        int[] fill = Arrays.copyOf(postingStart, vocabulary.length);
        for (int d = 0; d < n; d++) {
            int[] t = postedTerms[d];
            for (int i = 0; i < t.length; i++) {
                postingDocs[fill[t[i]]] = d;
                postingWeights[fill[t[i]]++] = postedWeights[d][i];
            }
            postedTerms[d] = null;
            postedWeights[d] = null;
        }
        IntStream.range(0, vocabulary.length).parallel().forEach(t -> sortByWeight(postingDocs, postingWeights, postingStart[t], postingStart[t + 1]));

        // Keywords and groups, interned in position order.
        // Numbered in the names' order, as the terms: sums over a document's keywords then run in
        // the same order whatever other articles the archive holds, and a list kept from the last
        // build (RelatedState) is the one this build would compute.
        Map<String, Integer> keywordIds = new HashMap<>();
        Map<String, Integer> groupIds = new HashMap<>();
        String[] names = Arrays.stream(b.keywords).flatMap(Arrays::stream).distinct().sorted().toArray(String[]::new);
        for (String name : names) {
            keywordIds.put(name, keywordIds.size());
        }
        String[] groupNamed = Arrays.stream(b.groups).filter(java.util.Objects::nonNull).distinct().sorted().toArray(String[]::new);
        for (String name : groupNamed) {
            groupIds.put(name, groupIds.size());
        }
        groupNames = groupNamed;
        keywordsOf = new int[n][];
        groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            keywordsOf[i] = Arrays.stream(b.keywords[i]).mapToInt(keywordIds::get).sorted().toArray();
            groupOf[i] = b.groups[i] == null ? -1 : groupIds.get(b.groups[i]);
        }
        keywordNames = new String[keywordIds.size()];
        keywordIds.forEach((name, id) -> keywordNames[id] = name);
        keywordPostings = postings(keywordIds.size(), r -> keywordsOf[rankToDoc[r]]);
        groupPostings = postings(groupIds.size(), r -> groupOf[rankToDoc[r]] < 0 ? new int[0] : new int[] {groupOf[rankToDoc[r]]});
        // A keyword's rarity, as a term's, from the sample (a keyword no sampled article has is as
        // rare as one the sample has once): a new article outside the sample moves no other's.
        int[] sampleKeywordDf = new int[keywordIds.size()];
        for (int d : sample) {
            for (int k : keywordsOf[d]) {
                sampleKeywordDf[k]++;
            }
        }
        keywordIdf = new double[keywordIds.size()];
        for (int k = 0; k < keywordIdf.length; k++) {
            keywordIdf[k] = Math.log(1.0 + (double) sampled / Math.max(1, sampleKeywordDf[k]));
        }
        keywordNorm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k : keywordsOf[i]) {
                s += keywordIdf[k] * keywordIdf[k];
            }
            keywordNorm[i] = Math.sqrt(s);
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(n));
    }

    /**
     * {@code items} (distinct under {@code order}) in that order: each half sorted in the caller's pool, then
     * the two merged. {@code Arrays.parallelSort} sorts in the common pool, which has one thread on
     * two cores: it sorted on one, while the build's other thread waited (the sort was a fifth of
     * the index's set-up in a publish at 10,000 articles). The order is the same however it is split.
     */
    static <T> T[] sortedInHalves(T[] items, Comparator<? super T> order) {
        int n = items.length;
        int mid = n / 2;
        IntStream.range(0, 2).parallel().forEach(h -> Arrays.sort(items, h == 0 ? 0 : mid, h == 0 ? mid : n, order));
        T[] out = Arrays.copyOf(items, n);
        int i = 0;
        int j = mid;
        for (int k = 0; k < n; k++) {
            out[k] = j >= n || (i < mid && order.compare(items[i], items[j]) < 0) ? items[i++] : items[j++];
        }
        return out;
    }

    /** A builder id with its term, to sort ids by their strings. */
    private record TermAt(String term, int id) {
        static final Comparator<TermAt> ORDER = Comparator.comparing(TermAt::term);
    }

    /** {@code ids} (distinct builder ids) in their terms' order, {@code byId} giving each id's term. */
    static int[] inTermOrder(int[] ids, String[] byId) {
        return inTermOrder(ids, id -> byId[id]);
    }

    /** {@code ids} (distinct builder ids) in their terms' order, {@code termOf} giving each id's term. */
    static int[] inTermOrder(int[] ids, java.util.function.IntFunction<String> termOf) {
        TermAt[] all = new TermAt[ids.length];
        for (int i = 0; i < ids.length; i++) {
            all[i] = new TermAt(termOf.apply(ids[i]), ids[i]);
        }
        all = sortedInHalves(all, TermAt.ORDER);
        int[] out = new int[ids.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = all[i].id();
        }
        return out;
    }

    /** As {@link #inTermOrder(int[], java.util.function.IntFunction, int, int)}, each id's term in {@code byId}. */
    static int[] inTermOrder(int[] df, String[] byId, int ordered, int count) {
        return inTermOrder(df, id -> byId[id], ordered, count);
    }

    /**
     * The builder ids of the {@code count} terms in two documents at least ({@code df}), in their
     * strings' order; the first {@code ordered} ids are in that order already (a pack's), so
     * only the others are sorted ({@link #inTermOrder(int[], java.util.function.IntFunction)}),
     * then each is put in its place among the first by a binary search: only the terms it probes
     * are asked of {@code termOf} (a pack's are read from it at each call), a few hundred for a
     * publish's new terms, not every term of the archive.
     */
    static int[] inTermOrder(int[] df, java.util.function.IntFunction<String> termOf, int ordered, int count) {
        int[] heads = new int[count];
        int[] others = new int[count];
        int head = 0;
        int other = 0;
        for (int id = 0; id < df.length; id++) {
            if (df[id] >= 2) {
                if (id < ordered) {
                    heads[head++] = id;
                } else {
                    others[other++] = id;
                }
            }
        }
        int[] rest = inTermOrder(Arrays.copyOf(others, other), termOf);
        int[] out = new int[count];
        int i = 0;
        int k = 0;
        for (int id : rest) {
            String term = termOf.apply(id);
            // The first of the heads from i on whose term comes after this one (terms are distinct).
            int low = i;
            int high = head;
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (termOf.apply(heads[mid]).compareTo(term) < 0) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            System.arraycopy(heads, i, out, k, low - i);
            k += low - i;
            i = low;
            out[k++] = id;
        }
        System.arraycopy(heads, i, out, k, head - i);
        return out;
    }

    /**
     * The latent space fitted on the sample's vectors, read from {@code store} (may be {@code
     * null}) when it holds the space of this very sample, else fitted (and then stored).
     */
    private LatentSpace latentSpace(int[][] sampleTerms, float[][] sampleWeights, LatentStore store, String key) {
        if (store != null) {
            byte[] kept = store.load(key);
            LatentSpace read = kept == null ? null : LatentSpace.read(kept, vocabularyKeys);
            if (read != null) {
                return read;
            }
        }
        LatentSpace fitted = LatentSpace.fit(sampleTerms, sampleWeights, vocabulary.length, vocabularyKeys);
        if (store != null && fitted != null) {
            store.store(key, fitted.bytes(vocabularyKeys));
        }
        return fitted;
    }

    /**
     * The sample's documents as the latent space is fitted on them: weighted by sublinear tf times
     * the idf of the sample itself, to unit length over the terms the index would keep were the
     * sample the archive (in two of its documents at least, and not in most), then only their
     * terms that the space may hold (in {@link LatentSpace#MIN_DF} documents of the sample at
     * least, and kept by the index), by kept id, ascending. When the sample is the whole archive
     * (a young site), these are the index's own terms. Otherwise a new
     * article elsewhere that makes a sample document's word no longer unique to it, or that moves
     * the archive's idf, leaves the sample's vectors, and so the space, as they were (with the
     * archive's own pruning, one of six new articles measured at 10,000 articles refitted the space
     * for that alone, and a real article's new names make it likelier).
     *
     * @param terms each document's term ids, as the builder numbered them ({@code renumber} maps them in term order, a term met once in the archive to -1)
     * @param df each term's document frequency in the sample, in term order
     */
    private static void sampleVectors(int[] sample, Builder b, int[] renumber, int[] keptId,
                                      int[] df, int[][] outTerms, float[][] outWeights) {
        int s = sample.length;
        double maxDf = Math.max(MAX_TERM_SHARE_FROM, MAX_TERM_SHARE * s);
        DocTerms doc = new DocTerms();
        for (int i = 0; i < s; i++) {
            b.load(sample[i], doc);
            int[] ids = doc.ids();
            float[] tf = doc.weights();
            int terms = doc.length();
            // A term met once in the archive is met once in the sample too, and weighs nothing here.
            long[] byTerm = new long[terms];
            int shared = 0;
            for (int k = 0; k < terms; k++) {
                if (renumber[ids[k]] >= 0) {
                    byTerm[shared++] = ((long) renumber[ids[k]] << 32) | k;
                }
            }
            byTerm = Arrays.copyOf(byTerm, shared);
            Arrays.sort(byTerm);
            double[] weight = new double[terms];
            double norm = 0;
            int count = 0;
            for (int j = 0; j < byTerm.length; j++) {
                int t = (int) (byTerm[j] >>> 32);
                int k = (int) byTerm[j];
                if (df[t] < 2 || df[t] > maxDf) {
                    continue;
                }
                weight[j] = (1 + Math.log(tf[k])) * Math.log(1.0 + (s - df[t] + 0.5) / (df[t] + 0.5));
                norm += weight[j] * weight[j];
                if (keptId[t] >= 0 && df[t] >= LatentSpace.MIN_DF) {
                    count++;
                }
            }
            double length = Math.sqrt(norm);
            int[] kept = new int[count];
            float[] w = new float[count];
            int at = 0;
            for (int j = 0; j < byTerm.length; j++) {
                int t = (int) (byTerm[j] >>> 32);
                if (keptId[t] >= 0 && df[t] >= LatentSpace.MIN_DF && df[t] <= maxDf) {
                    kept[at] = keptId[t];
                    w[at++] = (float) (length > 0 ? weight[j] / length : weight[j]);
                }
            }
            outTerms[i] = kept;
            outWeights[i] = w;
        }
    }

    /**
     * Document {@code d}'s vector: weight (1 + ln tf) × idf, normalised over all its terms (so a
     * long article's weights are not inflated), then cut to its {@link #VECTOR_TERMS} strongest
     * (ties: the term that sorts first), and kept compact ({@link #vectorOf}; the rest of the build
     * decodes it, weights rounded as stored). Its analysed terms are the first {@code analysed} of {@code ids} (kept ids) and {@code tf}.
     */
    private void vector(int d, int[] ids, float[] tf, int analysed, float[] idf) {
        double norm = 0;
        long[] ranked = new long[analysed];
        int count = 0;
        double uniqueIdf = Math.log(1.0 + (sampleSize - 1 + 0.5) / 1.5);
        for (int k = 0; k < analysed; k++) {
            if (ids[k] == UNIQUE) {
                double w = (1 + Math.log(tf[k])) * uniqueIdf;
                norm += w * w;
            } else if (ids[k] >= 0) {
                float idfK = idf[ids[k]];
                float w = (float) ((1 + Math.log(tf[k])) * idfK);
                norm += (double) w * w;
                ranked[count++] = strongestFirst(w, ids[k]);
            }
        }
        int m = Math.min(VECTOR_TERMS, count);
        double length = Math.sqrt(norm);
        // The strongest m, kept in the order met: the terms' own (kept ids ascending), when the
        // analysis lists its terms in their order, as it does. Sorting every term by weight, then
        // the strongest by id, was a tenth of the related step of a publish.
        long threshold = m < count ? nthSmallest(Arrays.copyOf(ranked, count), m) : Long.MAX_VALUE;
        int[] t = new int[m];
        byte[] q = new byte[m];
        int at = 0;
        boolean inOrder = true;
        for (int j = 0; j < count && inOrder; j++) {
            if (ranked[j] <= threshold) {
                int id = (int) ranked[j];
                inOrder = at < m && (at == 0 || id > t[at - 1]);
                if (inOrder) {
                    t[at] = id;
                    q[at++] = weightByte((float) (Float.intBitsToFloat(~(int) (ranked[j] >>> 32)) / length));
                }
            }
        }
        if (inOrder && at == m) {
            vectorOf[d] = encode(t, q);
            return;
        }
        Arrays.sort(ranked, 0, count);
        // Back to term order, for merging with other documents' terms: the id moves to the high half.
        long[] byTerm = new long[m];
        for (int j = 0; j < m; j++) {
            byTerm[j] = ((ranked[j] & 0xffffffffL) << 32) | (ranked[j] >>> 32);
        }
        Arrays.sort(byTerm);
        for (int j = 0; j < m; j++) {
            t[j] = (int) (byTerm[j] >>> 32);
            q[j] = weightByte((float) (weightOf(byTerm[j]) / length));
        }
        vectorOf[d] = encode(t, q);
    }

    /**
     * BM25's idf of a term in {@code df} of {@code n} documents (at least one: a term the sample
     * lacks is as rare as the rarest it holds): a term most documents have is worth next to
     * nothing, even in a small archive.
     */
    private static float idf(int n, int df) {
        int d = Math.max(1, df);
        return (float) Math.log(1.0 + (n - d + 0.5) / (d + 0.5));
    }

    /** A weight in (0, 1] as its log-scale byte ({@link #WEIGHT_STEPS}). */
    static byte weightByte(float w) {
        long q = Math.round(-Math.log(w) * WEIGHT_STEPS);
        return (byte) Math.max(0, Math.min(255, q));
    }

    /** Ascending ids as varint deltas, each followed by its weight byte. */
    private static byte[] encode(int[] ids, byte[] weights) {
        byte[] out = new byte[ids.length * 6];
        int at = 0;
        int previous = -1;
        for (int i = 0; i < ids.length; i++) {
            int delta = ids[i] - previous;
            previous = ids[i];
            while ((delta & ~0x7f) != 0) {
                out[at++] = (byte) ((delta & 0x7f) | 0x80);
                delta >>>= 7;
            }
            out[at++] = (byte) delta;
            out[at++] = weights[i];
        }
        return Arrays.copyOf(out, at);
    }

    /** Decodes document {@code d}'s vector into {@code ids} and {@code w} (each at least {@link #VECTOR_TERMS} long); returns its length. */
    private int decode(int d, int[] ids, float[] w) {
        byte[] v = vectorOf[d];
        int n = 0;
        int id = -1;
        for (int at = 0; at < v.length; ) {
            int delta = 0;
            int shift = 0;
            byte b;
            do {
                b = v[at++];
                delta |= (b & 0x7f) << shift;
                shift += 7;
            } while (b < 0);
            id += delta;
            ids[n] = id;
            w[n++] = WEIGHT_OF[v[at++] & 0xff];
        }
        return n;
    }

    /** The dot product of a query with the shortlist's candidate {@code at}, its vector decoded in {@code s}. */
    private static double dot(QueryVector q, Scratch s, int at) {
        int[] ids = s.candidateIds[at];
        float[] weights = s.candidateWeights[at];
        // The query's lookup (its filter bit, then its slot) written out here, its only use: this
        // loop is most of the lists' time, and the quick JIT compiler a build runs with does not
        // inline three calls deep.
        long[] filter = q.filter;
        int[] keys = q.keys;
        float[] values = q.values;
        double dot = 0;
        for (int i = 0, n = s.candidateTerms[at]; i < n; i++) {
            int term = ids[i];
            int b = QueryVector.bit(term);
            if ((filter[b >>> 6] & (1L << b)) == 0) {
                continue;
            }
            int slot = QueryVector.start(term);
            while (keys[slot] >= 0 && keys[slot] != term) {
                slot = (slot + 1) & (QueryVector.CAPACITY - 1);
            }
            float w = keys[slot] < 0 ? 0f : values[slot];
            if (w != 0) {
                dot += w * weights[i];
            }
        }
        return dot;
    }

    /** A unit vector's coordinates, each ×127 in a byte. */
    private static byte[] quantize(float[] x) {
        byte[] q = new byte[x.length];
        for (int i = 0; i < x.length; i++) {
            q[i] = (byte) Math.max(-127, Math.min(127, Math.round(x[i] * 127)));
        }
        return q;
    }

    /** The cosine of two documents' latent coordinates, negative ones as 0; 0 without a latent space. */
    private double latentCosine(int a, int b) {
        if (latentOf == null) {
            return 0;
        }
        byte[] x = latentOf[a];
        byte[] y = latentOf[b];
        long dot = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
        }
        // Integer sums: the same cosine, to the bit, as when the lengths were summed here.
        return dot <= 0 ? 0 : dot / Math.sqrt((double) latentSquares[a] * latentSquares[b]);
    }

    /**
     * A sort key that orders by weight, strongest first, then by {@code id}: a positive float's
     * bits order like the float, so their complement orders the other way.
     */
    private static long strongestFirst(float weight, int id) {
        return ((long) ~Float.floatToIntBits(weight) << 32) | (id & 0xffffffffL);
    }

    /** The weight packed in the low half of a term-order key built in {@link #vector}. */
    private static float weightOf(long termOrderKey) {
        return Float.intBitsToFloat(~(int) termOrderKey);
    }

    /** Sorts a posting list (entries {@code from} to {@code to}) by weight, strongest first (the smallest byte); ties by document position. */
    private static void sortByWeight(int[] docs, byte[] w, int from, int to) {
        if (to - from < 2) {
            return;
        }
        long[] keys = new long[to - from];
        for (int i = from; i < to; i++) {
            keys[i - from] = ((long) (w[i] & 0xff) << 32) | (docs[i] & 0xffffffffL);
        }
        Arrays.sort(keys);
        for (int i = from; i < to; i++) {
            docs[i] = (int) keys[i - from];
            w[i] = (byte) (keys[i - from] >>> 32);
        }
    }

    private interface TermsAtRank {
        int[] terms(int rank);
    }

    /** Posting lists filled in time-rank order, so each is sorted without sorting. */
    private int[][] postings(int terms, TermsAtRank termsAtRank) {
        int[] counts = new int[terms];
        int n = rankToDoc.length;
        for (int r = 0; r < n; r++) {
            for (int t : termsAtRank.terms(r)) {
                counts[t]++;
            }
        }
        int[][] lists = new int[terms][];
        for (int t = 0; t < terms; t++) {
            lists[t] = new int[counts[t]];
        }
        int[] fill = new int[terms];
        for (int r = 0; r < n; r++) {
            for (int t : termsAtRank.terms(r)) {
                lists[t][fill[t]++] = r;
            }
        }
        return lists;
    }

    /** Number of documents indexed. */
    public int size() {
        return size;
    }

    /** The key of the document at {@code position}. */
    public String key(int position) {
        return keys[position];
    }

    /** Per-thread accumulators, reset after each query through the list of touched documents. */
    private static final class Scratch {
        final float[] text;
        final double[] keywords;
        final boolean[] seen;
        /** The query's vector (empty outside a query). */
        final QueryVector query = new QueryVector();
        /** A decoded vector. */
        final int[] ids = new int[VECTOR_TERMS];
        final float[] weights = new float[VECTOR_TERMS];
        /** The shortlist's vectors, decoded once per query (each is read two or three times). */
        int[][] candidateIds = new int[0][];
        float[][] candidateWeights = new float[0][];
        int[] candidateTerms = new int[0];

        /** Room for {@code n} decoded candidates. */
        void holdCandidates(int n) {
            if (candidateIds.length < n) {
                int old = candidateIds.length;
                candidateIds = Arrays.copyOf(candidateIds, n);
                candidateWeights = Arrays.copyOf(candidateWeights, n);
                candidateTerms = Arrays.copyOf(candidateTerms, n);
                for (int i = old; i < n; i++) {
                    candidateIds[i] = new int[VECTOR_TERMS];
                    candidateWeights[i] = new float[VECTOR_TERMS];
                }
            }
        }
        int[] touched = new int[1024];
        int count;

        Scratch(int n) {
            text = new float[n];
            keywords = new double[n];
            seen = new boolean[n];
        }

        void touch(int d) {
            if (!seen[d]) {
                seen[d] = true;
                if (count == touched.length) {
                    touched = Arrays.copyOf(touched, count * 2);
                }
                touched[count++] = d;
            }
        }

        /** Keeps a touched document out of the results. */
        void exclude(int d) {
            seen[d] = false;
        }

        void reset() {
            for (int i = 0; i < count; i++) {
                int d = touched[i];
                seen[d] = false;
                text[d] = 0;
                keywords[d] = 0;
            }
            count = 0;
        }
    }

    /** Best first: score, then the newer document, then the key. */
    private Comparator<RelatedMatch> ranking() {
        return (x, y) -> rankOrder(x.score(), x.document(), y.score(), y.document());
    }

    /**
     * {@link #ranking}'s order on a score and a position, without a match: negative when {@code a}
     * with {@code sa} comes first. The shortlist's heap orders by it too.
     */
    private int rankOrder(double sa, int a, double sb, int b) {
        int byScore = Double.compare(sb, sa);
        if (byScore != 0) {
            return byScore;
        }
        int byTime = Long.compare(epochSeconds[b], epochSeconds[a]);
        return byTime != 0 ? byTime : keys[a].compareTo(keys[b]);
    }

    /**
     * The documents most related to document {@code doc}, best first, at most {@code limit}: the
     * editor's pins, then the best-scoring others. Never the document itself, never one that
     * shares nothing with it (no term, no keyword, no group), never one whose topical evidence (the
     * text and keyword shares) is below the minimum score: a rubric and a date in common do not make
     * two articles related, they only order those that are.
     */
    public List<RelatedMatch> find(int doc, int limit) {
        return find(doc, limit, null, false, 0, null);
    }

    /** The shortlist digest of a query whose list is its pins alone (or empty): no candidate counts. */
    private static final long PINS_ONLY = 0x6a09e667f3bcc909L;

    /**
     * As {@link #find(int, int)}; with {@code digests} (each document's digest, see {@link
     * #lists}), also the digest of the query's shortlist into {@code shortlist[0]}: its members,
     * each with its digest and its first estimate, in no order (positions move when an article is
     * added). When {@code keep} and that digest is {@code expected}, returns {@code null} before ranking the
     * shortlist again: the whole vectors, the neighbours' feedback and the final ranking read
     * nothing else, so the list is the one that shortlist gave before.
     */
    private List<RelatedMatch> find(int doc, int limit, long[] digests, boolean keep, long expected, long[] shortlist) {
        if (limit <= 0) {
            return shortlisted(shortlist, PINS_ONLY, keep, expected) ? null : List.of();
        }
        List<RelatedMatch> out = new ArrayList<>(limit);
        Set<Integer> pinned = new LinkedHashSet<>();
        for (int p : pins[doc]) {
            if (p != doc && p >= 0 && p < size && pinned.add(p) && out.size() < limit) {
                RelatedMatch m = score(doc, p, textSimilarity(doc, p), keywordDot(doc, p));
                out.add(m == null ? new RelatedMatch(p, true, 0, 0, 0, 0, 0)
                        : new RelatedMatch(p, true, m.score(), m.text(), m.keywords(), m.group(), m.time()));
            }
        }
        int wanted = limit - out.size();
        if (wanted <= 0) {
            return shortlisted(shortlist, PINS_ONLY, keep, expected) ? null : List.copyOf(out);
        }
        Scratch s = scratch.get();
        int[] candidates;
        double[] approximate;
        try {
            gather(doc, s);
            for (int p : pinned) {
                s.exclude(p);
            }
            s.exclude(doc);
            candidates = shortlist(doc, s, (int) Math.max(RESCORED_PER_RESULT * wanted, MIN_RESCORED));
            approximate = new double[candidates.length];
            for (int i = 0; i < candidates.length; i++) {
                approximate[i] = s.text[candidates[i]];
            }
            if (digests != null) {
                long sum = 0;
                for (int c : candidates) {
                    sum += mix(mix(mix(0x3c6ef372fe94f82bL, documentKeys[c]), digests[c]), Float.floatToIntBits(s.text[c]));
                }
                if (shortlisted(shortlist, mix(mix(0xbb67ae8584caa73bL, candidates.length), sum), keep, expected)) {
                    return null;
                }
            }
        } finally {
            s.reset();
        }
        // The shortlist was ranked on the strongest terms only: rank it again on the whole vectors.
        double[] text = rescore(doc, candidates, approximate, s);
        List<RelatedMatch> ranked = new ArrayList<>(candidates.length);
        for (int i = 0; i < candidates.length; i++) {
            int c = candidates[i];
            RelatedMatch m = score(doc, c, text[i], keywordDot(doc, c));
            if (m != null && m.text() + m.keywords() >= weights.minScore()) {
                ranked.add(m);
            }
        }
        ranked.sort(ranking());
        out.addAll(ranked.subList(0, Math.min(wanted, ranked.size())));
        return List.copyOf(out);
    }

    /** Records {@code digest} as the query's shortlist digest (when asked for); whether to keep the last list: {@code keep}, and it is {@code expected}. */
    private static boolean shortlisted(long[] shortlist, long digest, boolean keep, long expected) {
        if (shortlist == null) {
            return false;
        }
        shortlist[0] = digest;
        return keep && digest == expected;
    }

    /**
     * Every document's list, by position ({@code positions[d]}: document {@code d}'s related
     * documents, best first), and the state a next build keeps lists from. As arrays of ints: as
     * lists of boxed integers they were two million objects at 100,000 articles, at the related
     * step's peak of the heap. (An array's equality is its identity: compare {@link #byPosition()}.)
     */
    public record Lists(int[][] positions, RelatedState state, int computed) {
        /** The lists as lists, for comparing them. */
        public List<List<Integer>> byPosition() {
            List<List<Integer>> out = new ArrayList<>(positions.length);
            for (int[] list : positions) {
                out.add(Arrays.stream(list).boxed().toList());
            }
            return out;
        }
    }

    /**
     * The related documents of every document, at most {@code limit} each, as {@link #find}
     * gives them; those of {@code previous} (the last build's, may be {@code null}) kept for the
     * documents nothing their list reads has changed in: the statistics, the document itself,
     * the postings heads of the terms it queries by, and its keywords' and group's time windows.
     * Each candidate a query reads is in one of those, and a changed document changes the digest
     * of each head and window it is in, so a kept list is the list {@link #find} would give
     * (RelatedStateTest checks it against lists computed afresh). A document whose heads or
     * windows changed, but not itself, is queried up to its shortlist; its list is kept when the
     * shortlist is the last build's, member for member (see {@link #find(int, int, long[],
     * boolean, long, long[])}). The documents it pins come first whatever they hold; which they
     * are is in its own digest. Runs its parallel parts in the caller's pool. {@link
     * Lists#computed()} counts the lists ranked again.
     */
    public Lists lists(int limit, RelatedState previous) {
        int n = size;
        long[] keywordKey = Arrays.stream(keywordNames).mapToLong(LatentSpace::seed).toArray();
        long[] groupKey = Arrays.stream(groupNames).mapToLong(LatentSpace::seed).toArray();
        long[] termKey = vocabularyKeys;
        long[] digest = new long[n];
        int[][] queryTerms = new int[n][];
        IntStream.range(0, n).parallel().forEach(d -> {
            int[] ids = new int[VECTOR_TERMS];
            float[] w = new float[VECTOR_TERMS];
            int m = decode(d, ids, w);
            digest[d] = digest(d, ids, w, m, termKey, keywordKey, groupKey);
            int[] query = queryPositions(w, m);
            for (int i = 0; i < query.length; i++) {
                query[i] = ids[query[i]];
            }
            queryTerms[d] = query;
        });
        boolean[] queried = new boolean[vocabulary.length];
        for (int[] terms : queryTerms) {
            for (int t : terms) {
                queried[t] = true;
            }
        }
        long[] head = new long[vocabulary.length];
        IntStream.range(0, vocabulary.length).parallel().filter(t -> queried[t]).forEach(t -> {
            long h = 0x51ed27a1c3f5b9d7L;
            for (int j = postingStart[t], to = Math.min(postingStart[t + 1], j + POSTINGS_READ); j < to; j++) {
                h = mix(mix(h, digest[postingDocs[j]]), postingWeights[j]);
            }
            head[t] = h;
        });
        long[][] keywordDigests = sequences(keywordPostings, digest);
        long[][] groupDigests = sequences(groupPostings, digest);
        long stats = mix(statistics, limit);

        // A document whose own digest changed (or a new one) is computed. One that reads
        // something that changed (a postings head it queries by, a window of its keywords or
        // group) is queried again up to its shortlist: when the shortlist is the last build's
        // (the same members, each the same, with the same first estimate), the list is kept
        // without ranking it again, which is most of a query's time. A new article joins the
        // windows of its tags and the heads of its strongest terms, read by a sixth of an archive.
        boolean[] own = new boolean[n];
        boolean[] reads = new boolean[n];
        int[][] kept = new int[n][];
        int[] was = new int[n];
        KeyIndex now = new KeyIndex(documentKeys);
        KeyIndex before = previous == null ? null : new KeyIndex(previous.documents);
        boolean fresh = previous == null || previous.statistics != stats || !now.distinct() || !before.distinct();
        if (fresh) {
            Arrays.fill(own, true);
        } else {
            for (int d = 0; d < n; d++) {
                was[d] = before.positionOf(documentKeys[d]);
                own[d] = was[d] < 0 || previous.digests[was[d]] != digest[d];
            }
            boolean[] headChanged = new boolean[vocabulary.length];
            for (int t = 0; t < vocabulary.length; t++) {
                if (queried[t]) {
                    Long head0 = previous.head(termKey[t]);
                    headChanged[t] = head0 == null || head0 != head[t];
                }
            }
            for (int d = 0; d < n; d++) {
                for (int t : queryTerms[d]) {
                    reads[d] |= headChanged[t];
                }
            }
            for (int k = 0; k < keywordPostings.length; k++) {
                windowsChanged(keywordPostings[k], keywordDigests[k], previous.keyword(keywordKey[k]),
                        KEYWORD_WINDOW, reads);
            }
            for (int g = 0; g < groupPostings.length; g++) {
                windowsChanged(groupPostings[g], groupDigests[g], previous.group(groupKey[g]),
                        GROUP_WINDOW, reads);
            }
            for (int d = 0; d < n; d++) {
                if (!own[d]) {
                    int[] before0 = previous.lists[was[d]];
                    int[] list = new int[before0.length];
                    for (int i = 0; i < before0.length && list != null; i++) {
                        int at = now.positionOf(previous.documents[before0[i]]);
                        if (at < 0) {
                            list = null; // cannot be, as its document changed: computed, to be safe
                        } else {
                            list[i] = at;
                        }
                    }
                    kept[d] = list;
                    own[d] = list == null;
                }
            }
        }
        int[][] lists = new int[n][];
        long[] shortlists = new long[n];
        boolean[] ranked = new boolean[n];
        IntStream.range(0, n).parallel().forEach(d -> {
            long[] got = new long[1];
            if (own[d]) {
                lists[d] = find(d, limit, digest, false, 0, got).stream().mapToInt(RelatedMatch::document).toArray();
                shortlists[d] = got[0];
                ranked[d] = true;
            } else if (reads[d]) {
                List<RelatedMatch> found = find(d, limit, digest, true, previous.shortlists[was[d]], got);
                lists[d] = found == null ? kept[d] : found.stream().mapToInt(RelatedMatch::document).toArray();
                shortlists[d] = got[0];
                ranked[d] = found != null;
            } else {
                lists[d] = kept[d];
                shortlists[d] = previous.shortlists[was[d]];
            }
        });
        int computed = 0;
        for (boolean c : ranked) {
            computed += c ? 1 : 0;
        }
        return new Lists(lists, state(stats, documentKeys, digest, lists, shortlists, termKey, queried, head, keywordKey, keywordDigests,
                groupKey, groupDigests),
                computed);
    }

    /**
     * Positions by 64-bit key, in two sorted arrays: a map of boxed keys cost about 64 bytes an
     * article where this costs 12, and a million articles must fit the heap's budget.
     */
    private static final class KeyIndex {
        private final long[] keys;
        private final int[] positions;
        private final boolean distinct;

        KeyIndex(long[] byPosition) {
            keys = byPosition.clone();
            Arrays.sort(keys);
            boolean unique = true;
            for (int i = 1; i < keys.length; i++) {
                unique &= keys[i] != keys[i - 1];
            }
            distinct = unique;
            positions = new int[keys.length];
            for (int i = 0; i < byPosition.length; i++) {
                positions[Arrays.binarySearch(keys, byPosition[i])] = i;
            }
        }

        /** Whether no two positions share a key (else a key's position is one of theirs). */
        boolean distinct() {
            return distinct;
        }

        /** The position of {@code key}, or -1. */
        int positionOf(long key) {
            int at = Arrays.binarySearch(keys, key);
            return at >= 0 ? positions[at] : -1;
        }
    }

    /** Marks the documents of {@code posting} whose window of {@code window} can have changed between {@code before} (may be {@code null}) and {@code now}. */
    private void windowsChanged(int[] posting, long[] now, long[] before, int window, boolean[] compute) {
        int a = now.length;
        int b = before == null ? -1 : before.length;
        int common = Math.min(a, Math.max(b, 0));
        int prefix = 0;
        while (prefix < common && now[prefix] == before[prefix]) {
            prefix++;
        }
        if (prefix == a && a == b) {
            return;
        }
        int suffix = 0;
        while (suffix < common - prefix && now[a - 1 - suffix] == before[b - 1 - suffix]) {
            suffix++;
        }
        // A document's window is read from the entries at most `window` places from its own, or
        // from the whole posting when it is that short: outside the changed run and that margin,
        // it reads what it read.
        int from = a <= window || b <= window ? 0 : Math.max(0, prefix - window);
        int to = a <= window || b <= window ? a : Math.min(a, a - suffix + window);
        for (int i = from; i < to; i++) {
            compute[rankToDoc[posting[i]]] = true;
        }
    }

    private long[][] sequences(int[][] postings, long[] digest) {
        long[][] out = new long[postings.length][];
        for (int k = 0; k < postings.length; k++) {
            long[] seq = new long[postings[k].length];
            for (int i = 0; i < seq.length; i++) {
                seq[i] = digest[rankToDoc[postings[k][i]]];
            }
            out[k] = seq;
        }
        return out;
    }

    /** A digest of everything of document {@code d} that a list reads: key, date, vector, latent coordinates, keywords, group, pins. */
    private long digest(int d, int[] ids, float[] w, int m, long[] termKey, long[] keywordKey, long[] groupKey) {
        long h = mix(mix(0x2545f4914f6cdd1dL, documentKeys[d]), epochSeconds[d]);
        for (int i = 0; i < m; i++) {
            h = mix(mix(h, termKey[ids[i]]), Float.floatToIntBits(w[i]));
        }
        h = mix(h, m);
        if (latentOf != null) {
            for (byte x : latentOf[d]) {
                h = mix(h, x);
            }
        }
        h = mix(h, keywordsOf[d].length);
        for (int k : keywordsOf[d]) {
            h = mix(h, keywordKey[k]);
        }
        h = mix(h, groupOf[d] < 0 ? 0 : groupKey[groupOf[d]]);
        h = mix(h, pins[d].length);
        for (int p : pins[d]) {
            h = mix(h, p >= 0 && p < size ? documentKeys[p] : p);
        }
        return h;
    }

    /** One step of a 64-bit digest: the value folded in, then mixed (Murmur3's finalizer). */
    /**
     * A 64-bit hash of a document's vector: its terms (by their hashes, not their ids, which move
     * with the vocabulary) and weights. What names its latent coordinates from one build to the
     * next; two vectors with one hash are as unlikely as two terms with one (see {@link TermIds}).
     */
    private long vectorKey(int[] terms, float[] weights) {
        long h = mix(0x5eed5eed5eedL, terms.length);
        for (int k = 0; k < terms.length; k++) {
            h = mix(mix(h, vocabularyKeys[terms[k]]), Float.floatToIntBits(weights[k]));
        }
        return h;
    }

    private static long mix(long h, long value) {
        long x = (h ^ value) * 0x9E3779B97F4A7C15L;
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return x;
    }

    /** A digest of what the statistics are counted from: the sample's documents as analysed, and the settings. */
    private static long statistics(int[] sample, Builder b, BuilderTerms terms) {
        long h = mix(LatentSpace.seed(String.valueOf(b.weights)), sample.length);
        DocTerms doc = new DocTerms();
        for (int d : sample) {
            h = mix(h, LatentSpace.seed(b.keys[d]));
            b.load(d, doc);
            int[] ids = doc.ids();
            float[] weights = doc.weights();
            for (int k = 0, m = doc.length(); k < m; k++) {
                h = mix(mix(h, terms.hash(ids[k])), Float.floatToIntBits(weights[k]));
            }
            h = mix(h, doc.length());
            for (String keyword : b.keywords[d]) {
                h = mix(h, LatentSpace.seed(keyword));
            }
            h = mix(h, b.keywords[d].length);
        }
        return h;
    }

    private RelatedState state(long stats, long[] documentKey, long[] digest, int[][] lists, long[] shortlists, long[] termKey,
                               boolean[] queried, long[] head, long[] keywordKey, long[][] keywordDigests, long[] groupKey,
                               long[][] groupDigests) {
        int q = 0;
        for (boolean x : queried) {
            q += x ? 1 : 0;
        }
        long[][] pairs = new long[q][];
        for (int t = 0, at = 0; t < queried.length; t++) {
            if (queried[t]) {
                pairs[at++] = new long[] {termKey[t], head[t]};
            }
        }
        Arrays.sort(pairs, (x, y) -> Long.compare(x[0], y[0]));
        long[] terms = new long[q];
        long[] heads = new long[q];
        for (int i = 0; i < q; i++) {
            terms[i] = pairs[i][0];
            heads[i] = pairs[i][1];
        }
        long[][] keywordsSorted = byName(keywordKey, keywordDigests);
        long[][] groupsSorted = byName(groupKey, groupDigests);
        return new RelatedState(stats, documentKey, digest, lists, shortlists, terms, heads, keywordsSorted[0],
                Arrays.copyOfRange(keywordsSorted, 1, keywordsSorted.length), groupsSorted[0],
                Arrays.copyOfRange(groupsSorted, 1, groupsSorted.length));
    }

    /** The names' hashes ({@code keys}), sorted, as row 0; then each name's sequence in that order. */
    private static long[][] byName(long[] keys, long[][] sequences) {
        Integer[] order = new Integer[keys.length];
        for (int i = 0; i < keys.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Long.compare(keys[x], keys[y]));
        long[][] out = new long[keys.length + 1][];
        out[0] = new long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            out[0][i] = keys[order[i]];
            out[i + 1] = sequences[order[i]];
        }
        return out;
    }

    /**
     * The text similarity of each candidate to {@code doc}: the cosine of their vectors, the
     * query first moved toward the centroid of its {@value #FEEDBACK_NEIGHBOURS} nearest
     * candidates (relevance feedback: an article's close neighbours say what its subject is, in
     * words it may not use itself), mixed with the cosine of their latent coordinates.
     */
    private double[] rescore(int doc, int[] candidates, double[] approximate, Scratch s) {
        double[] text = new double[candidates.length];
        QueryVector q = s.query;
        try {
            int n = decode(doc, s.ids, s.weights);
            for (int i = 0; i < n; i++) {
                q.add(s.ids[i], s.weights[i]);
            }
            int m = Math.min(FEEDBACK_NEIGHBOURS, candidates.length);
            if (m == 0) {
                return text;
            }
            s.holdCandidates(candidates.length);
            for (int i = 0; i < candidates.length; i++) {
                s.candidateTerms[i] = decode(candidates[i], s.candidateIds[i], s.candidateWeights[i]);
            }
            // The neighbours: the nearest on whole vectors among the nearest by the first
            // estimate (ranking the whole shortlist twice doubled the time of the lists; taking
            // the first estimate's nearest as they are lost 0.02 of p@1 on the English corpus).
            System.arraycopy(approximate, 0, text, 0, text.length);
            for (int at : nearestFirst(candidates, text, Math.min(FEEDBACK_POOL, candidates.length))) {
                text[at] = FEEDBACK_POOL + dot(q, s, at); // above every estimate
            }
            int[] nearest = nearestFirst(candidates, text, m);
            double best = text[nearest[0]] - FEEDBACK_POOL;
            float[] shares = new float[m];
            for (int j = 0; j < m; j++) {
                // Each neighbour in proportion to its nearness to the best: in a small or
                // sparse neighbourhood, a far candidate must not pull the query toward itself.
                double nearness = text[nearest[j]] - FEEDBACK_POOL;
                shares[j] = best > 0 ? (float) (FEEDBACK_WEIGHT / m * Math.max(0, nearness) / best) : 0;
            }
            for (int j = 0; j < m; j++) {
                int at = nearest[j];
                int[] ids = s.candidateIds[at];
                float[] w = s.candidateWeights[at];
                for (int i = 0; i < s.candidateTerms[at]; i++) {
                    q.add(ids[i], shares[j] * w[i]);
                }
            }
            double norm = q.squaredNorm();
            double length = norm > 0 ? Math.sqrt(norm) : 1;
            for (int i = 0; i < candidates.length; i++) {
                text[i] = dot(q, s, i) / length;
            }
        } finally {
            q.clear();
        }
        if (latentOf != null) {
            for (int i = 0; i < candidates.length; i++) {
                text[i] = (1 - LATENT_SHARE) * text[i] + LATENT_SHARE * latentCosine(doc, candidates[i]);
            }
        }
        return text;
    }

    /**
     * A query's vector: the few hundred terms of a document and its neighbours, by open
     * addressing in arrays small enough to stay in the processor's cache. (A dense array over the
     * vocabulary, read at each candidate's terms, missed the cache at every read in a large
     * archive: the lists took 2.5 times as long at 100,000 articles.)
     */
    private static final class QueryVector {
        /** A power of two, at least twice the terms a query can hold: (1 + neighbours) × kept terms. */
        static final int CAPACITY = Integer.highestOneBit(2 * (1 + FEEDBACK_NEIGHBOURS) * VECTOR_TERMS - 1) << 1;
        private final int[] keys = new int[CAPACITY];
        private final float[] values = new float[CAPACITY];
        private final int[] used = new int[CAPACITY];
        /**
         * One bit per hash of the terms held: most of a candidate's terms are not in the query,
         * and one bit read says so without probing (about one term in twenty passes by chance).
         */
        private final long[] filter = new long[FILTER_BITS >>> 6];
        private int count;

        static final int FILTER_BITS = 1 << 14;
        /**
         * The shifts that take a hash's top bits to a filter bit and to a slot, counted once: the
         * quick JIT compiler a build runs does not fold {@code numberOfTrailingZeros} of a constant,
         * and counting them at each term made the lists of 10,000 articles a quarter slower.
         */
        static final int FILTER_SHIFT = 32 - Integer.numberOfTrailingZeros(FILTER_BITS);
        static final int CAPACITY_SHIFT = 32 - Integer.numberOfTrailingZeros(CAPACITY);

        QueryVector() {
            Arrays.fill(keys, -1);
        }

        private static int bit(int term) {
            return (term * 0x85EBCA6B) >>> FILTER_SHIFT;
        }

        private static int start(int term) {
            return (term * 0x9E3779B9) >>> CAPACITY_SHIFT;
        }

        private int slot(int term) {
            int i = start(term);
            while (keys[i] >= 0 && keys[i] != term) {
                i = (i + 1) & (CAPACITY - 1);
            }
            return i;
        }

        void add(int term, float weight) {
            int i = slot(term);
            if (keys[i] < 0) {
                keys[i] = term;
                used[count++] = i;
                int b = bit(term);
                filter[b >>> 6] |= 1L << b;
            }
            values[i] += weight;
        }

        /** The squared length, summed in the order the terms came in. */
        double squaredNorm() {
            double norm = 0;
            for (int k = 0; k < count; k++) {
                norm += (double) values[used[k]] * values[used[k]];
            }
            return norm;
        }

        void clear() {
            for (int k = 0; k < count; k++) {
                int b = bit(keys[used[k]]);
                filter[b >>> 6] = 0;
                keys[used[k]] = -1;
                values[used[k]] = 0;
            }
            count = 0;
        }
    }

    /**
     * The places in {@code candidates} of the {@code m} of highest score, best first (ties: the
     * lower position). By insertion into the top {@code m}: m is a handful and the candidates a
     * few dozen, and a sort of boxed places then a search for each was a tenth of the lists' time.
     */
    private static int[] nearestFirst(int[] candidates, double[] score, int m) {
        int[] top = new int[m];
        int held = 0;
        for (int i = 0; i < candidates.length; i++) {
            if (held == m && !nearer(candidates, score, i, top[m - 1])) {
                continue;
            }
            int at = held < m ? held++ : m - 1;
            while (at > 0 && nearer(candidates, score, i, top[at - 1])) {
                top[at] = top[at - 1];
                at--;
            }
            top[at] = i;
        }
        return top;
    }

    private static boolean nearer(int[] candidates, double[] score, int a, int b) {
        return score[a] != score[b] ? score[a] > score[b] : candidates[a] < candidates[b];
    }

    /** The text similarity of two documents, as {@link #find} ranks on it, without feedback. */
    private double textSimilarity(int a, int b) {
        double lexical = textDot(a, b);
        return latentOf == null ? lexical : (1 - LATENT_SHARE) * lexical + LATENT_SHARE * latentCosine(a, b);
    }

    /** The {@code size} best candidates by their accumulated scores, in position order. */
    private int[] shortlist(int doc, Scratch s, int size) {
        // A bounded heap of positions and totals, worst on top, in the order of ranking(): a
        // queue of matches with a comparator chain was a seventh of the lists' time.
        int[] heapDoc = new int[size];
        double[] heapScore = new double[size];
        int held = 0;
        for (int i = 0; i < s.count; i++) {
            int c = s.touched[i];
            if (!s.seen[c]) {
                continue; // excluded: the document itself, or a pin
            }
            // Most candidates fall below the shortlist. Drop those that only share a few words
            // before reading anything else of theirs (with an archive's worth of candidates, every
            // array read is a cache miss), then score without building a match, and without the
            // time signal (an exp) when even its full weight would not lift them in.
            boolean full = held == size;
            double floor = full ? heapScore[0] : Double.NEGATIVE_INFINITY;
            if (full && s.keywords[c] == 0 && maxScore(weights.text() * s.text[c] + weights.group()) < floor) {
                continue;
            }
            double total = total(doc, c, s.text[c], s.keywords[c], floor);
            if (Double.isNaN(total) || (full && !ranksAbove(total, c, heapScore[0], heapDoc[0]))) {
                continue;
            }
            if (full) {
                siftDown(heapDoc, heapScore, held, c, total);
            } else {
                siftUp(heapDoc, heapScore, held++, c, total);
            }
        }
        int[] out = Arrays.copyOf(heapDoc, held);
        Arrays.sort(out);
        return out;
    }

    /** Whether candidate {@code a} with total {@code sa} ranks before {@code b} with {@code sb}. */
    private boolean ranksAbove(double sa, int a, double sb, int b) {
        return rankOrder(sa, a, sb, b) < 0;
    }

    /** Adds {@code c} at the end of a heap of {@code held} entries, worst on top, and restores its order. */
    private void siftUp(int[] docs, double[] scores, int held, int c, double score) {
        int at = held;
        while (at > 0) {
            int parent = (at - 1) >>> 1;
            if (!ranksAbove(scores[parent], docs[parent], score, c)) {
                break; // the parent is the worse: it stays above
            }
            docs[at] = docs[parent];
            scores[at] = scores[parent];
            at = parent;
        }
        docs[at] = c;
        scores[at] = score;
    }

    /** Replaces the top (worst) entry of a full heap by {@code c}, and restores its order. */
    private void siftDown(int[] docs, double[] scores, int held, int c, double score) {
        int at = 0;
        while (true) {
            int child = 2 * at + 1;
            if (child >= held) {
                break;
            }
            if (child + 1 < held && ranksAbove(scores[child], docs[child], scores[child + 1], docs[child + 1])) {
                child++; // the worse of the two children
            }
            if (!ranksAbove(score, c, scores[child], docs[child])) {
                break;
            }
            docs[at] = docs[child];
            scores[at] = scores[child];
            at = child;
        }
        docs[at] = c;
        scores[at] = score;
    }

    /** Accumulates, for every candidate, its text dot product (strongest terms) and its keyword dot product with {@code doc}. */
    private void gather(int doc, Scratch s) {
        int n = decode(doc, s.ids, s.weights);
        int[] terms = Arrays.copyOf(s.ids, n);
        float[] w = Arrays.copyOf(s.weights, n);
        for (int k : queryPositions(w, n)) {
            int from = postingStart[terms[k]];
            int to = Math.min(postingStart[terms[k] + 1], from + POSTINGS_READ);
            for (int j = from; j < to; j++) {
                int c = postingDocs[j];
                s.touch(c);
                s.text[c] += w[k] * WEIGHT_OF[postingWeights[j] & 0xff];
            }
        }
        int rank = docRank[doc];
        int[] window = new int[Math.max(KEYWORD_WINDOW, GROUP_WINDOW)];
        for (int k : keywordsOf[doc]) {
            int got = nearest(keywordPostings[k], rank, KEYWORD_WINDOW, window);
            double share = keywordIdf[k] * keywordIdf[k];
            for (int j = 0; j < got; j++) {
                int c = rankToDoc[window[j]];
                s.touch(c);
                s.keywords[c] += share;
            }
        }
        if (groupOf[doc] >= 0) {
            int got = nearest(groupPostings[groupOf[doc]], rank, GROUP_WINDOW, window);
            for (int j = 0; j < got; j++) {
                s.touch(rankToDoc[window[j]]);
            }
        }
    }

    /**
     * The places, among a decoded vector's first {@code n} weights, of the terms a query reads the
     * postings of: its {@value #QUERY_TERMS} strongest. One rule for the query ({@link #gather})
     * and for what a kept list depends on ({@link #lists}).
     */
    private static int[] queryPositions(float[] w, int n) {
        return strongest(n == w.length ? w : Arrays.copyOf(w, n), QUERY_TERMS);
    }

    /** Positions of the {@code n} largest weights, ascending (ties: the earlier position). */
    private static int[] strongest(float[] w, int n) {
        if (w.length <= n) {
            int[] all = new int[w.length];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        long[] keys = new long[w.length];
        for (int i = 0; i < w.length; i++) {
            keys[i] = strongestFirst(w[i], i);
        }
        // The n-th key, then the positions whose keys come no later, in order (distinct: each holds its position).
        long threshold = nthSmallest(keys, n);
        int[] top = new int[n];
        for (int i = 0, at = 0; at < n; i++) {
            if (strongestFirst(w[i], i) <= threshold) {
                top[at++] = i;
            }
        }
        return top;
    }

    /**
     * The {@code n}-th smallest of {@code a} (1 for the smallest), by selection in place (the
     * array is reordered): linear on average, where sorting the whole array to read its first
     * {@code n} was the larger part of choosing a document's strongest terms.
     */
    static long nthSmallest(long[] a, int n) {
        int k = n - 1;
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            // Median of three as the pivot: a vector's keys often come nearly in order.
            long x = a[lo];
            long y = a[mid];
            long z = a[hi];
            long pivot = x < y ? (y < z ? y : Math.max(x, z)) : (x < z ? x : Math.max(y, z));
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long swap = a[i];
                    a[i++] = a[j];
                    a[j--] = swap;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                break; // a[j+1 .. i-1] all equal the pivot, and hold the k-th
            }
        }
        return a[k];
    }

    /**
     * Writes to {@code out} the up-to-{@code window} entries of {@code posting} (time ranks,
     * ascending) nearest in time to the document at {@code rank}; returns how many. Nearness is
     * in seconds, not in ranks: then which articles are near depends on theirs and this one's
     * dates only, not on how many articles of other subjects came out between them, and an
     * article added elsewhere in the archive changes no other's window (RelatedState relies on it).
     * Ties: the earlier.
     */
    private int nearest(int[] posting, int rank, int window, int[] out) {
        if (posting.length <= window) {
            System.arraycopy(posting, 0, out, 0, posting.length);
            return posting.length;
        }
        long time = epochSeconds[rankToDoc[rank]];
        int at = Arrays.binarySearch(posting, rank);
        int hi = at >= 0 ? at + 1 : -at - 1;
        int lo = (at >= 0 ? at : hi) - 1;
        int taken = 0;
        while (taken < window && (lo >= 0 || hi < posting.length)) {
            boolean takeLow = hi >= posting.length
                    || (lo >= 0 && time - epochSeconds[rankToDoc[posting[lo]]] <= epochSeconds[rankToDoc[posting[hi]]] - time);
            out[taken++] = takeLow ? posting[lo--] : posting[hi++];
        }
        return taken;
    }

    /** The cosine of two documents' kept vectors. */
    private double textDot(int a, int b) {
        int[] x = new int[VECTOR_TERMS];
        float[] xw = new float[VECTOR_TERMS];
        int[] y = new int[VECTOR_TERMS];
        float[] yw = new float[VECTOR_TERMS];
        int nx = decode(a, x, xw);
        int ny = decode(b, y, yw);
        double dot = 0;
        for (int i = 0, j = 0; i < nx && j < ny; ) {
            if (x[i] == y[j]) {
                dot += xw[i++] * yw[j++];
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    private double keywordDot(int a, int b) {
        int[] x = keywordsOf[a];
        int[] y = keywordsOf[b];
        double dot = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                dot += keywordIdf[x[i]] * keywordIdf[x[i]];
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        return dot;
    }

    /** {@link #score}'s total without building the match; {@code NaN} when excluded, or sure to stay below {@code floor}. */
    private double total(int doc, int c, double text, double keywordDot, double floor) {
        double days = daysApart(doc, c);
        if (outsideWindow(days)) {
            return Double.NaN;
        }
        double keywords = keywordCosine(doc, c, keywordDot);
        boolean sameGroup = sameGroup(doc, c);
        if (text <= 0 && keywords <= 0 && !sameGroup) {
            return Double.NaN;
        }
        double content = weights.text() * text + weights.keywords() * keywords + (sameGroup ? weights.group() : 0);
        if (maxScore(content) < floor) {
            return Double.NaN;
        }
        return content + timeShare(content, days);
    }

    /** The score of {@code c} for {@code doc} from the text similarity and keyword dot product, or {@code null} when excluded. */
    private RelatedMatch score(int doc, int c, double text, double keywordDot) {
        double days = daysApart(doc, c);
        if (outsideWindow(days)) {
            return null;
        }
        double keywords = keywordCosine(doc, c, keywordDot);
        boolean sameGroup = sameGroup(doc, c);
        if (text <= 0 && keywords <= 0 && !sameGroup) {
            return null;
        }
        double textShare = weights.text() * text;
        double keywordShare = weights.keywords() * keywords;
        double groupShare = sameGroup ? weights.group() : 0;
        double timeShare = timeShare(textShare + keywordShare + groupShare, days);
        return new RelatedMatch(c, false, textShare + keywordShare + groupShare + timeShare, textShare, keywordShare,
                groupShare, timeShare);
    }

    private double daysApart(int doc, int c) {
        return Math.abs(epochSeconds[doc] - epochSeconds[c]) / 86400.0;
    }

    private boolean outsideWindow(double days) {
        return weights.windowDays() > 0 && days > weights.windowDays();
    }

    /** The cosine of two documents' rarity-weighted keyword sets, from their dot product. */
    private double keywordCosine(int doc, int c, double keywordDot) {
        return keywordDot == 0 ? 0 : keywordDot / (keywordNorm[doc] * keywordNorm[c]);
    }

    private boolean sameGroup(int doc, int c) {
        return groupOf[doc] >= 0 && groupOf[doc] == groupOf[c];
    }

    /**
     * Nearness in time as a share of the content score: a tie-breaker, never a reason. It scales
     * what the text, keywords and group already say (by at most {@code time} of it), so two
     * articles with nothing in common stay unrelated however close in time, and a story's
     * follow-up wins over an equally close story of last year, not over a closer one of today.
     */
    private double timeShare(double content, double days) {
        return content * weights.time() * Math.exp(-days / weights.timeScaleDays());
    }

    /** The highest score a candidate with this content share can reach, however near in time. */
    private double maxScore(double content) {
        return content * (1 + weights.time());
    }

    /**
     * Why {@code other} relates to {@code doc}: the shared terms, strongest first, at most
     * {@code limit}, and the shared keywords. For explanations, not for ranking.
     */
    public Explanation explain(int doc, int other, int limit) {
        int[] x = new int[VECTOR_TERMS];
        float[] xw = new float[VECTOR_TERMS];
        int[] y = new int[VECTOR_TERMS];
        float[] yw = new float[VECTOR_TERMS];
        int nx = decode(doc, x, xw);
        int ny = decode(other, y, yw);
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0, j = 0; i < nx && j < ny; ) {
            if (x[i] == y[j]) {
                pairs.add(new double[] {x[i], (double) xw[i] * yw[j]});
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        pairs.sort(Comparator.<double[]>comparingDouble(p -> -p[1]).thenComparingDouble(p -> p[0]));
        List<String> sharedTerms = new ArrayList<>();
        for (double[] p : pairs.subList(0, Math.min(limit, pairs.size()))) {
            sharedTerms.add(terms.term(vocabulary[(int) p[0]]));
        }
        List<String> sharedKeywords = new ArrayList<>();
        for (int k : keywordsOf[doc]) {
            if (Arrays.binarySearch(keywordsOf[other], k) >= 0) {
                sharedKeywords.add(keywordNames[k]);
            }
        }
        sharedKeywords.sort(null);
        return new Explanation(List.copyOf(sharedTerms), List.copyOf(sharedKeywords), textDot(doc, other));
    }

    /**
     * The evidence behind a match.
     *
     * @param terms    shared distinctive terms (analyzed forms: stems, folded; names with their
     *                 words joined by spaces), strongest first; {@link TextAnalyzer#surfaceForms}
     *                 gives the words as written
     * @param keywords shared keywords, sorted
     * @param cosine   the cosine of the two documents' kept vectors (the lexical part of the text signal)
     */
    public record Explanation(List<String> terms, List<String> keywords, double cosine) {
    }

    /** The document's distinctive terms (analyzed forms), strongest first, at most {@code limit}. */
    public List<String> distinctiveTerms(int doc, int limit) {
        int[] ids = new int[VECTOR_TERMS];
        float[] w = new float[VECTOR_TERMS];
        int n = decode(doc, ids, w);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> w[a] != w[b] ? Float.compare(w[b], w[a]) : Integer.compare(a, b));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, n); i++) {
            out.add(terms.term(vocabulary[ids[order[i]]]));
        }
        return out;
    }

    /**
     * An estimate of the index's heap size, in bytes (compressed object pointers; array headers
     * 16 bytes): what related content costs at this archive's size.
     */
    public long estimatedBytes() {
        long bytes = 0;
        for (int d = 0; d < size; d++) {
            bytes += 16L + vectorOf[d].length + (latentOf == null ? 0 : 16L + latentOf[d].length + 8);
            bytes += 16L + keywordsOf[d].length * 4L + 16L + pins[d].length * 4L;
            bytes += 8 + 4 + 8 + 4 + 4 + 8 + 4 * 4; // per-document slots: times, group, ranks, keyword norm, array references
            bytes += 40L + keys[d].length(); // a key string (Latin-1)
        }
        bytes += 16L * 3 + postingStart.length * 4L + postingDocs.length * 5L;
        for (int id : vocabulary) {
            bytes += 8 + 4; // its hash and its builder id; its characters are in the pack, or held by the builder
            bytes += id < terms.packTerms() ? 0 : 40L + terms.term(id).length(); // a term string (Latin-1, as folded terms are)
        }
        for (int[] p : keywordPostings) {
            bytes += 16L + p.length * 4L;
        }
        return bytes;
    }
}
