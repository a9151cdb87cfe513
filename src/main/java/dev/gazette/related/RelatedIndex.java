package dev.gazette.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Ranks, for one document, the others most related to it: text similarity (TF-IDF over title,
 * lead and body, analyzed per language), shared keywords weighted by rarity, same group, nearness
 * in time; editor pins always first.
 *
 * <p>Never an all-pairs comparison. Each document keeps only its {@value #TERMS_PER_DOCUMENT} most
 * distinctive terms, and is posted under them; terms that only one document has, or (past 20
 * documents) more than 30% of them share, are ignored. Candidates for a document are the documents posted under
 * its {@value #QUERY_TERMS} strongest terms (the strongest {@value #POSTINGS_READ} of each list),
 * those sharing a keyword or the group (nearest in time, a bounded number per list), and nothing
 * else; the best of them by that first estimate are then scored exactly. So the work per document
 * is bounded whatever the archive's size, and memory is that of the index, not of the texts.
 *
 * <p>Deterministic: term ids follow the terms' order, sums run in a fixed order, and ranking is
 * score, then the newer document, then the key. Immutable once built, so {@link #find} may run on
 * many threads.
 */
public final class RelatedIndex {

    /** Distinctive terms kept per document: enough for a news article's subject, few enough to bound the work. */
    static final int TERMS_PER_DOCUMENT = 48;
    /** A document's strongest terms, of those it keeps, that look for its candidates... */
    static final int QUERY_TERMS = 24;
    /** ...each reading this many entries of the term's posting list, strongest first. */
    static final int POSTINGS_READ = 200;
    /** Candidates ranked again exactly, per result wanted, and at least. */
    static final int RESCORED_PER_RESULT = 2;
    static final int MIN_RESCORED = 24;
    /** Entries read from each keyword's posting list, nearest in time first. */
    static final int KEYWORD_WINDOW = 150;
    /** Entries read from the group's posting list, nearest in time first: a fallback for documents with little text. */
    static final int GROUP_WINDOW = 30;
    /** Terms shared by more than this share of the documents say nothing about a subject... */
    static final double MAX_TERM_SHARE = 0.3;
    /** ...in an archive large enough for shares to mean something; below, rarity weighting alone decides. */
    static final int MAX_TERM_SHARE_FROM = 20;
    /** How much a word counts in the title, the lead, the body. */
    static final float TITLE_BOOST = (float) Tuning.TITLE;
    static final float LEAD_BOOST = (float) Tuning.LEAD;
    static final float BODY_BOOST = 1f;

    static final class Tuning {
        static double p(String k, double d) { return Double.parseDouble(System.getProperty("rt." + k, String.valueOf(d))); }
        static final double MAXSHARE = p("maxshare", 0.3);
        static final double FULL = p("full", 1);
        static final double DF1NORM = p("df1norm", 0);
        static final double IDF = p("idf", 0); // 0 bm25, 1 ln(N/df)
        static final double PIVOT = p("pivot", 1); // slope; 1 = plain cosine
        static final double TITLE = p("title", 3);
        static final double LEAD = p("lead", 2);
        static final double SHORT = p("short", 4);
        static final double TIMEMODE = p("timemode", 1); // 0 additive, 1 multiplicative
        static final double MAXVEC = p("maxvec", 100000);
        static final double PRF_BETA = p("beta", 0);
        static final double PRF_M = p("m", 5);
    }

    private final RelatedWeights weights;
    private final int size;
    private final String[] keys;
    private final long[] epochSeconds;
    private final int[][] pins;
    /** Each document's distinctive terms (ids, ascending) and their weights (unit-length vector over all its terms). */
    private final int[][] termsOf;
    private final float[][] termWeightsOf;
    /** Each document's whole vector (ids ascending, unit length): what the final ranking compares. */
    private final int[][] vectorTermsOf;
    private final float[][] vectorWeightsOf;
    /** Per term: the documents posted under it, strongest weight first, and those weights. */
    private final int[][] termPostings;
    private final float[][] termPostingWeights;
    /** Term strings by id, for explanations. */
    private final String[] vocabulary;
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
        private final Map<String, Integer> termIds = new ConcurrentHashMap<>(1 << 16);
        private final AtomicInteger nextTermId = new AtomicInteger();
        private final AtomicInteger added = new AtomicInteger();

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
            if (keys[position] != null) {
                throw new IllegalArgumentException("position " + position + " added twice");
            }
            int[] ids = new int[analysis.terms().length];
            float[] tf = analysis.weights().clone();
            for (int k = 0; k < ids.length; k++) {
                String term = analysis.terms()[k];
                // get() first: computeIfAbsent locks its bin even when the term is known, and nearly all are.
                Integer id = termIds.get(term);
                ids[k] = id != null ? id : termIds.computeIfAbsent(term, x -> nextTermId.getAndIncrement());
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
     * boosted). It depends only on the document's language, title, lead and body, so it can be
     * kept from one build to the next.
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
        Map<String, float[]> counts = new HashMap<>();
        analyzer.analyze(doc.title(), language, t -> counts.computeIfAbsent(t.toString(), k -> new float[1])[0] += TITLE_BOOST);
        analyzer.analyze(doc.lead(), language, t -> counts.computeIfAbsent(t.toString(), k -> new float[1])[0] += LEAD_BOOST);
        analyzer.analyze(doc.body(), language, t -> counts.computeIfAbsent(t.toString(), k -> new float[1])[0] += BODY_BOOST);
        String[] terms = counts.keySet().toArray(String[]::new);
        java.util.Arrays.sort(terms);
        float[] weights = new float[terms.length];
        for (int i = 0; i < terms.length; i++) {
            weights[i] = counts.get(terms[i])[0];
        }
        return new Analysis(terms, weights);
    }

    /**
     * A builder for {@code size} documents, identified by their position {@code 0..size-1}.
     *
     * @param defaultLanguage the language of documents that name none (the site's)
     */
    public static Builder builder(RelatedWeights weights, TextAnalyzer analyzer, String defaultLanguage, int size) {
        return new Builder(weights, analyzer, defaultLanguage, size);
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

        // Text. Term ids were handed out in whatever order threads met the terms: renumber them in
        // the terms' order, so that every sum below runs in the same order on every build.
        vocabulary = b.termIds.keySet().toArray(String[]::new);
        Arrays.sort(vocabulary);
        int[] renumber = new int[vocabulary.length];
        for (int id = 0; id < vocabulary.length; id++) {
            renumber[b.termIds.get(vocabulary[id])] = id;
        }
        int[] df = new int[vocabulary.length];
        for (int d = 0; d < n; d++) {
            int[] ids = b.terms[d];
            for (int k = 0; k < ids.length; k++) {
                ids[k] = renumber[ids[k]];
                df[ids[k]]++;
            }
        }
        double maxDf = Math.max(MAX_TERM_SHARE_FROM, Tuning.MAXSHARE * n);
        float[] idf = new float[vocabulary.length];
        for (int t = 0; t < idf.length; t++) {
            // BM25's idf: a term most documents have is worth next to nothing, even in a small archive.
            double v = Tuning.IDF == 0 ? Math.log(1.0 + (n - df[t] + 0.5) / (df[t] + 0.5)) : Math.log((double) n / df[t]);
            idf[t] = df[t] > maxDf ? 0f : df[t] < 2 ? (Tuning.DF1NORM > 0 ? -(float) v : 0f) : (float) v;
        }
        termsOf = new int[n][];
        termWeightsOf = new float[n][];
        vectorTermsOf = new int[n][];
        vectorWeightsOf = new float[n][];
        int[] postingCounts = new int[vocabulary.length];
        // Per document and per term, independent: run in parallel (in the caller's pool, when it has one).
        IntStream.range(0, n).parallel().forEach(d -> {
            distinctive(d, b.terms[d], b.frequencies[d], idf);
            b.terms[d] = null;
            b.frequencies[d] = null;
        });
        for (int d = 0; d < n; d++) {
            for (int t : termsOf[d]) {
                postingCounts[t]++;
            }
        }
        termPostings = new int[vocabulary.length][];
        termPostingWeights = new float[vocabulary.length][];
        for (int t = 0; t < vocabulary.length; t++) {
            termPostings[t] = new int[postingCounts[t]];
            termPostingWeights[t] = new float[postingCounts[t]];
        }
        int[] fill = new int[vocabulary.length];
        for (int d = 0; d < n; d++) {
            for (int k = 0; k < termsOf[d].length; k++) {
                int t = termsOf[d][k];
                termPostings[t][fill[t]] = d;
                termPostingWeights[t][fill[t]++] = termWeightsOf[d][k];
            }
        }
        IntStream.range(0, vocabulary.length).parallel().forEach(t -> sortByWeight(termPostings[t], termPostingWeights[t]));

        // Keywords and groups, interned in position order.
        Map<String, Integer> keywordIds = new HashMap<>();
        Map<String, Integer> groupIds = new HashMap<>();
        keywordsOf = new int[n][];
        groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            keywordsOf[i] = Arrays.stream(b.keywords[i]).mapToInt(k -> keywordIds.computeIfAbsent(k, x -> keywordIds.size()))
                    .sorted().toArray();
            groupOf[i] = b.groups[i] == null ? -1 : groupIds.computeIfAbsent(b.groups[i], x -> groupIds.size());
        }
        keywordNames = new String[keywordIds.size()];
        keywordIds.forEach((name, id) -> keywordNames[id] = name);
        keywordPostings = postings(keywordIds.size(), r -> keywordsOf[rankToDoc[r]]);
        groupPostings = postings(groupIds.size(), r -> groupOf[rankToDoc[r]] < 0 ? new int[0] : new int[] {groupOf[rankToDoc[r]]});
        keywordIdf = new double[keywordIds.size()];
        for (int k = 0; k < keywordIdf.length; k++) {
            keywordIdf[k] = Math.log(1.0 + (double) n / keywordPostings[k].length);
        }
        keywordNorm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k : keywordsOf[i]) {
                s += keywordIdf[k] * keywordIdf[k];
            }
            keywordNorm[i] = Math.sqrt(s);
        }
        scratch = ThreadLocal.withInitial(() -> new Scratch(n, vocabulary.length));
    }

    /**
     * Keeps document {@code d}'s most distinctive terms: weight (1 + ln tf) × idf, the vector
     * normalised over all its terms (so a long article's weights are not inflated), then cut to
     * the strongest {@link #TERMS_PER_DOCUMENT}; ties go to the term that sorts first.
     */
    private void distinctive(int d, int[] ids, float[] tf, float[] idf) {
        double norm = 0;
        long[] ranked = new long[ids.length];
        int count = 0;
        for (int k = 0; k < ids.length; k++) {
            float idfK = idf[ids[k]];
            if (idfK > 0) {
                float w = (float) ((1 + Math.log(tf[k])) * idfK);
                norm += (double) w * w;
                ranked[count++] = strongestFirst(w, ids[k]);
            } else if (idfK < 0) {
                double w = (1 + Math.log(tf[k])) * idfK;
                norm += w * w;
            }
        }
        Arrays.sort(ranked, 0, count);
        double length = Math.sqrt(norm);
        if (Tuning.PIVOT != 1) {
            length = Math.pow(length, Tuning.PIVOT);
        }
        termsOf[d] = top(ranked, Math.min(TERMS_PER_DOCUMENT, count));
        termWeightsOf[d] = weightsOf(ranked, termsOf[d].length, length);
        vectorTermsOf[d] = top(ranked, Math.min((int) Tuning.MAXVEC, count));
        vectorWeightsOf[d] = weightsOf(ranked, vectorTermsOf[d].length, length);
        termWeightsOf[d] = reorder(ranked, termsOf[d], length);
        vectorWeightsOf[d] = reorder(ranked, vectorTermsOf[d], length);
    }

    /** The ids of the {@code m} strongest entries of {@code ranked}, ascending. */
    private static int[] top(long[] ranked, int m) {
        int[] ids = new int[m];
        for (int j = 0; j < m; j++) {
            ids[j] = (int) ranked[j];
        }
        Arrays.sort(ids);
        return ids;
    }

    private static float[] weightsOf(long[] ranked, int m, double length) {
        return new float[m];
    }

    /** The weights of {@code ids} (ascending), taken from {@code ranked}, divided by {@code length}. */
    private static float[] reorder(long[] ranked, int[] ids, double length) {
        int m = ids.length;
        long[] byTerm = new long[m];
        for (int j = 0; j < m; j++) {
            byTerm[j] = ((ranked[j] & 0xffffffffL) << 32) | (ranked[j] >>> 32);
        }
        Arrays.sort(byTerm);
        float[] w = new float[m];
        for (int j = 0; j < m; j++) {
            w[j] = (float) (weightOf(byTerm[j]) / length);
        }
        return w;
    }

    /**
     * A sort key that orders by weight, strongest first, then by {@code id}: a positive float's
     * bits order like the float, so their complement orders the other way.
     */
    private static long strongestFirst(float weight, int id) {
        return ((long) ~Float.floatToIntBits(weight) << 32) | (id & 0xffffffffL);
    }

    /** The weight packed in the low half of a term-order key built in {@link #distinctive}. */
    private static float weightOf(long termOrderKey) {
        return Float.intBitsToFloat(~(int) termOrderKey);
    }

    /** Sorts a posting list by weight, strongest first; ties by document position. */
    private static void sortByWeight(int[] docs, float[] w) {
        if (docs.length < 2) {
            return;
        }
        long[] keys = new long[docs.length];
        for (int i = 0; i < docs.length; i++) {
            keys[i] = strongestFirst(w[i], docs[i]);
        }
        Arrays.sort(keys);
        for (int i = 0; i < keys.length; i++) {
            docs[i] = (int) keys[i];
            w[i] = Float.intBitsToFloat(~(int) (keys[i] >>> 32));
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
        int[] touched = new int[1024];
        int count;

        /** The query's (expanded) vector, dense over the vocabulary. */
        final float[] query;

        Scratch(int n, int terms) {
            query = new float[terms];
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
        return Comparator.comparingDouble(RelatedMatch::score).reversed()
                .thenComparing(m -> -epochSeconds[m.document()])
                .thenComparing(m -> keys[m.document()]);
    }

    /**
     * The documents most related to document {@code doc}, best first, at most {@code limit}: the
     * editor's pins, then the best-scoring others. Never the document itself, never one that
     * shares nothing with it (no term, no keyword, no group), never one whose topical evidence (the
     * text and keyword shares) is below the minimum score: a rubric and a date in common do not make
     * two articles related, they only order those that are.
     */
    public List<RelatedMatch> find(int doc, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<RelatedMatch> out = new ArrayList<>(limit);
        Set<Integer> pinned = new LinkedHashSet<>();
        for (int p : pins[doc]) {
            if (p != doc && p >= 0 && p < size && pinned.add(p) && out.size() < limit) {
                RelatedMatch m = score(doc, p, textDot(doc, p), keywordDot(doc, p));
                out.add(m == null ? new RelatedMatch(p, true, 0, 0, 0, 0, 0)
                        : new RelatedMatch(p, true, m.score(), m.text(), m.keywords(), m.group(), m.time()));
            }
        }
        int wanted = limit - out.size();
        if (wanted <= 0) {
            return List.copyOf(out);
        }
        Scratch s = scratch.get();
        List<RelatedMatch> shortlist;
        try {
            gather(doc, s);
            for (int p : pinned) {
                s.exclude(p);
            }
            s.exclude(doc);
            shortlist = shortlist(doc, s, (int) Math.max(Tuning.SHORT * wanted, Tuning.SHORT * 12));
        } finally {
            s.reset();
        }
        // The shortlist was ranked on the text of the strongest terms only: rank it again, exactly,
        // on the whole vectors.
        Comparator<RelatedMatch> ranking = ranking();
        List<RelatedMatch> ranked = new ArrayList<>(shortlist.size());
        float[] q = s.query;
        int[] dt = vectorTermsOf[doc];
        float[] dw = vectorWeightsOf[doc];
        double[] exact = new double[shortlist.size()];
        try {
            for (int i = 0; i < dt.length; i++) {
                q[dt[i]] = dw[i];
            }
            for (int i = 0; i < exact.length; i++) {
                exact[i] = dense(q, shortlist.get(i).document());
            }
            if (Tuning.PRF_BETA > 0 && exact.length > 0) {
                // Feedback: the query moves toward its nearest neighbours' centroid, so that
                // documents on the same subject in other words also come near.
                Integer[] order = new Integer[exact.length];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                int[] cand = shortlist.stream().mapToInt(RelatedMatch::document).toArray();
                Arrays.sort(order, (a, b2) -> exact[a] != exact[b2] ? Double.compare(exact[b2], exact[a]) : Integer.compare(cand[a], cand[b2]));
                int m = (int) Math.min(Tuning.PRF_M, order.length);
                float share = (float) (Tuning.PRF_BETA / m);
                for (int j = 0; j < m; j++) {
                    int nb = cand[order[j]];
                    int[] nt = vectorTermsOf[nb];
                    float[] nw = vectorWeightsOf[nb];
                    for (int i = 0; i < nt.length; i++) {
                        q[nt[i]] += share * nw[i];
                    }
                }
                double norm = 0;
                java.util.Set<Integer> touchedTerms = new java.util.HashSet<>();
                for (int t : dt) touchedTerms.add(t);
                for (int j = 0; j < m; j++) for (int t : vectorTermsOf[cand[order[j]]]) touchedTerms.add(t);
                for (int t : touchedTerms) norm += (double) q[t] * q[t];
                double len = Math.sqrt(norm);
                for (int i = 0; i < exact.length; i++) {
                    exact[i] = dense(q, cand[i]) / len;
                }
                for (int t : touchedTerms) q[t] = 0;
            }
        } finally {
            for (int t : dt) {
                q[t] = 0;
            }
        }
        for (int i = 0; i < exact.length; i++) {
            int c = shortlist.get(i).document();
            RelatedMatch m = score(doc, c, exact[i], keywordDot(doc, c));
            if (m != null && m.text() + m.keywords() >= weights.minScore()) {
                ranked.add(m);
            }
        }
        ranked.sort(ranking);
        out.addAll(ranked.subList(0, Math.min(wanted, ranked.size())));
        return List.copyOf(out);
    }

    /** The {@code size} best candidates by their accumulated scores, in no particular order. */
    private List<RelatedMatch> shortlist(int doc, Scratch s, int size) {
        Comparator<RelatedMatch> ranking = ranking();
        PriorityQueue<RelatedMatch> best = new PriorityQueue<>(size + 1, ranking.reversed());
        double floor = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.count; i++) {
            int c = s.touched[i];
            if (!s.seen[c]) {
                continue; // excluded: the document itself, or a pin
            }
            // Most candidates fall below the shortlist. Drop those that only share a few words
            // before reading anything else of theirs (with an archive's worth of candidates, every
            // array read is a cache miss), then score without building a match, and without the
            // time signal (an exp) when even its full weight would not lift them in.
            if (best.size() >= size && s.keywords[c] == 0 && maxScore(weights.text() * s.text[c] + weights.group()) < floor) {
                continue;
            }
            double total = total(doc, c, s.text[c], s.keywords[c], best.size() >= size ? floor : Double.NEGATIVE_INFINITY);
            if (Double.isNaN(total) || (best.size() >= size && total < floor)) {
                continue;
            }
            best.add(score(doc, c, s.text[c], s.keywords[c]));
            if (best.size() > size) {
                best.poll();
            }
            if (best.size() >= size) {
                floor = best.peek().score();
            }
        }
        return new ArrayList<>(best);
    }

    /** Accumulates, for every candidate, its text dot product (strongest terms) and its keyword dot product with {@code doc}. */
    private void gather(int doc, Scratch s) {
        int[] terms = termsOf[doc];
        float[] w = termWeightsOf[doc];
        for (int k : strongest(w, QUERY_TERMS)) {
            int[] docs = termPostings[terms[k]];
            float[] pw = termPostingWeights[terms[k]];
            int read = Math.min(docs.length, POSTINGS_READ);
            for (int j = 0; j < read; j++) {
                int c = docs[j];
                s.touch(c);
                s.text[c] += w[k] * pw[j];
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

    /** Positions of the {@code n} largest weights (ties: the earlier position). */
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
        Arrays.sort(keys);
        int[] top = new int[n];
        for (int i = 0; i < n; i++) {
            top[i] = (int) keys[i];
        }
        Arrays.sort(top);
        return top;
    }

    /** Writes to {@code out} the up-to-{@code window} entries of {@code posting} nearest to {@code rank}; returns how many. */
    private static int nearest(int[] posting, int rank, int window, int[] out) {
        if (posting.length <= window) {
            System.arraycopy(posting, 0, out, 0, posting.length);
            return posting.length;
        }
        int at = Arrays.binarySearch(posting, rank);
        int hi = at >= 0 ? at + 1 : -at - 1;
        int lo = (at >= 0 ? at : hi) - 1;
        int taken = 0;
        while (taken < window && (lo >= 0 || hi < posting.length)) {
            boolean takeLow = hi >= posting.length || (lo >= 0 && rank - posting[lo] <= posting[hi] - rank);
            out[taken++] = takeLow ? posting[lo--] : posting[hi++];
        }
        return taken;
    }

    /** The dot product of a dense query with document {@code c}'s whole vector. */
    private double dense(float[] q, int c) {
        int[] ct = vectorTermsOf[c];
        float[] cw = vectorWeightsOf[c];
        double dot = 0;
        for (int i = 0; i < ct.length; i++) {
            dot += q[ct[i]] * cw[i];
        }
        return dot;
    }

    /** The exact text cosine of two documents' kept vectors. */
    private double textDot(int a, int b) {
        boolean full = Tuning.FULL > 0;
        int[] x = full ? vectorTermsOf[a] : termsOf[a];
        int[] y = full ? vectorTermsOf[b] : termsOf[b];
        float[] xw = full ? vectorWeightsOf[a] : termWeightsOf[a];
        float[] yw = full ? vectorWeightsOf[b] : termWeightsOf[b];
        double dot = 0;
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
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

    /** The score of {@code c} for {@code doc} from the accumulated dot products, or {@code null} when excluded. */
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

    private double timeShare(double content, double days) {
        double near = weights.time() * Math.exp(-days / weights.timeScaleDays());
        return Tuning.TIMEMODE > 0 ? content * near : near;
    }

    /** The highest score a candidate with this content share can reach, however near in time. */
    private double maxScore(double content) {
        return Tuning.TIMEMODE > 0 ? content * (1 + weights.time()) : content + weights.time();
    }

    /**
     * Why {@code other} relates to {@code doc}: the shared terms, strongest first, at most
     * {@code limit}, and the shared keywords. For explanations, not for ranking.
     */
    public Explanation explain(int doc, int other, int limit) {
        List<String> sharedTerms = new ArrayList<>();
        int[] x = termsOf[doc];
        int[] y = termsOf[other];
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0, j = 0; i < x.length && j < y.length; ) {
            if (x[i] == y[j]) {
                pairs.add(new int[] {x[i], i, j});
                i++;
                j++;
            } else if (x[i] < y[j]) {
                i++;
            } else {
                j++;
            }
        }
        pairs.sort(Comparator.<int[]>comparingDouble(p -> -(double) termWeightsOf[doc][p[1]] * termWeightsOf[other][p[2]])
                .thenComparingInt(p -> p[0]));
        for (int[] p : pairs.subList(0, Math.min(limit, pairs.size()))) {
            sharedTerms.add(vocabulary[p[0]]);
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
     * @param terms    shared distinctive terms (analyzed forms: stems, folded), strongest first
     * @param keywords shared keywords, sorted
     * @param cosine   the exact text cosine of the two documents' kept terms
     */
    public record Explanation(List<String> terms, List<String> keywords, double cosine) {
    }

    /** The document's distinctive terms (analyzed forms), strongest first, at most {@code limit}. */
    public List<String> distinctiveTerms(int doc, int limit) {
        Integer[] order = new Integer[termsOf[doc].length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        float[] w = termWeightsOf[doc];
        Arrays.sort(order, (a, b) -> w[a] != w[b] ? Float.compare(w[b], w[a]) : Integer.compare(a, b));
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, order.length); i++) {
            out.add(vocabulary[termsOf[doc][order[i]]]);
        }
        return out;
    }

    /** An estimate of the index's heap size, in bytes: what related content costs at this archive's size. */
    public long estimatedBytes() {
        long bytes = 0;
        for (int d = 0; d < size; d++) {
            bytes += 32L + termsOf[d].length * 8L + keywordsOf[d].length * 4L + pins[d].length * 4L + 8 + 4 + 8;
            bytes += 48L + 2L * keys[d].length();
        }
        for (int t = 0; t < vocabulary.length; t++) {
            bytes += 32L + termPostings[t].length * 8L + 48L + 2L * vocabulary[t].length();
        }
        for (int[] p : keywordPostings) {
            bytes += 16L + p.length * 4L;
        }
        return bytes;
    }
}
