package dev.gazette.related;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An inverted index over documents' keywords and groups that ranks, for one document, the others
 * that share its rare keywords, its group and its time.
 *
 * <p>Candidates come from the posting lists of the document's own keywords and group, at most
 * {@link RelatedWeights#window()} per list, those nearest in time: a keyword shared by half the
 * archive ("Maroc") costs no more than a rare one. Each candidate is then scored exactly. Ranking is
 * deterministic: score, then the newer document, then the key. Immutable once built, so
 * {@link #find} may run on many threads.
 */
public final class RelatedIndex {

    private final List<? extends RelatedDocument> documents;
    private final RelatedWeights weights;
    /** Each document's keyword ids, sorted, for exact intersection. */
    private final int[][] keywordsOf;
    /** Each document's group id, or -1. */
    private final int[] groupOf;
    private final double[] idf;
    private final double[] norm;
    /** Posting lists by keyword id, then by group id; entries are time ranks, ascending. */
    private final int[][] keywordPostings;
    private final int[][] groupPostings;
    /** rankToDoc[rank] is the document at that place in time order; docRank is the inverse. */
    private final int[] rankToDoc;
    private final int[] docRank;

    private RelatedIndex(List<? extends RelatedDocument> documents, RelatedWeights weights) {
        this.documents = documents;
        this.weights = weights;
        int n = documents.size();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.<Integer>comparingLong(i -> documents.get(i).epochSeconds())
                .thenComparing(i -> documents.get(i).key()));
        rankToDoc = new int[n];
        docRank = new int[n];
        for (int r = 0; r < n; r++) {
            rankToDoc[r] = order[r];
            docRank[order[r]] = r;
        }

        Map<String, Integer> keywordIds = new HashMap<>();
        Map<String, Integer> groupIds = new HashMap<>();
        keywordsOf = new int[n][];
        groupOf = new int[n];
        for (int i = 0; i < n; i++) {
            RelatedDocument d = documents.get(i);
            keywordsOf[i] = d.keywords().stream().mapToInt(k -> keywordIds.computeIfAbsent(k, x -> keywordIds.size()))
                    .distinct().sorted().toArray();
            groupOf[i] = d.group() == null ? -1 : groupIds.computeIfAbsent(d.group(), x -> groupIds.size());
        }
        keywordPostings = postings(keywordIds.size(), r -> keywordsOf[rankToDoc[r]]);
        groupPostings = postings(groupIds.size(), r -> groupOf[rankToDoc[r]] < 0 ? new int[0] : new int[] {groupOf[rankToDoc[r]]});
        idf = new double[keywordIds.size()];
        for (int k = 0; k < idf.length; k++) {
            idf[k] = Math.log(1.0 + (double) n / keywordPostings[k].length);
        }
        norm = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k : keywordsOf[i]) {
                s += idf[k] * idf[k];
            }
            norm[i] = Math.sqrt(s);
        }
    }

    /** Indexes {@code documents}; positions in this list identify them in results. */
    public static RelatedIndex build(List<? extends RelatedDocument> documents, RelatedWeights weights) {
        return new RelatedIndex(List.copyOf(documents), weights);
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
        return documents.size();
    }

    /**
     * The documents most related to document {@code doc}, best first, at most {@code limit}; never
     * the document itself, never one with nothing in common (no keyword, no group).
     */
    public List<RelatedMatch> find(int doc, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        int rank = docRank[doc];
        int[] candidates = candidates(doc, rank);
        List<RelatedMatch> matches = new ArrayList<>(candidates.length);
        for (int c : candidates) {
            RelatedMatch m = score(doc, c);
            if (m != null) {
                matches.add(m);
            }
        }
        matches.sort(Comparator.comparingDouble(RelatedMatch::score).reversed()
                .thenComparing(m -> -documents.get(m.document()).epochSeconds())
                .thenComparing(m -> documents.get(m.document()).key()));
        return matches.size() > limit ? List.copyOf(matches.subList(0, limit)) : List.copyOf(matches);
    }

    private int[] candidates(int doc, int rank) {
        int window = weights.window();
        int[] keywords = keywordsOf[doc];
        int[] out = new int[(keywords.length + 1) * window];
        int size = 0;
        for (int k : keywords) {
            size = nearest(keywordPostings[k], rank, window, out, size);
        }
        if (groupOf[doc] >= 0) {
            size = nearest(groupPostings[groupOf[doc]], rank, window, out, size);
        }
        int[] ranks = Arrays.copyOf(out, size);
        Arrays.sort(ranks);
        int unique = 0;
        for (int i = 0; i < ranks.length; i++) {
            if (ranks[i] != rank && (unique == 0 || ranks[unique - 1] != ranks[i])) {
                ranks[unique++] = ranks[i];
            }
        }
        int[] docs = new int[unique];
        for (int i = 0; i < unique; i++) {
            docs[i] = rankToDoc[ranks[i]];
        }
        return docs;
    }

    /** Appends to {@code out} the up-to-{@code window} entries of {@code posting} nearest to {@code rank}. */
    private static int nearest(int[] posting, int rank, int window, int[] out, int size) {
        if (posting.length <= window) {
            System.arraycopy(posting, 0, out, size, posting.length);
            return size + posting.length;
        }
        int at = Arrays.binarySearch(posting, rank);
        int hi = at >= 0 ? at + 1 : -at - 1;
        int lo = (at >= 0 ? at : hi) - 1;
        int taken = 0;
        while (taken < window && (lo >= 0 || hi < posting.length)) {
            boolean takeLow = hi >= posting.length || (lo >= 0 && rank - posting[lo] <= posting[hi] - rank);
            out[size++] = takeLow ? posting[lo--] : posting[hi++];
            taken++;
        }
        return size;
    }

    /** The score of candidate {@code c} for {@code doc}, or {@code null} when they share nothing. */
    RelatedMatch score(int doc, int c) {
        double shared = 0;
        int[] a = keywordsOf[doc];
        int[] b = keywordsOf[c];
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] == b[j]) {
                shared += idf[a[i]] * idf[a[i]];
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        boolean sameGroup = groupOf[doc] >= 0 && groupOf[doc] == groupOf[c];
        if (shared == 0 && !sameGroup) {
            return null;
        }
        double keywordShare = shared == 0 ? 0 : weights.keywords() * shared / (norm[doc] * norm[c]);
        double groupShare = sameGroup ? weights.group() : 0;
        double days = Math.abs(documents.get(doc).epochSeconds() - documents.get(c).epochSeconds()) / 86400.0;
        double timeShare = weights.time() * Math.exp(-days / weights.timeScaleDays());
        return new RelatedMatch(c, keywordShare + groupShare + timeShare, keywordShare, groupShare, timeShare);
    }
}
