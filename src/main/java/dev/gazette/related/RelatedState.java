package dev.gazette.related;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * What the related lists of one build were computed from, so that the next build computes again
 * only the lists that something they read has changed ({@link RelatedIndex#lists}): a digest of
 * the statistics (the sample's frequencies, the settings), and per document its key, a digest of
 * everything of it a list reads (its vector, latent coordinates, date, keywords, group, pins), its
 * list and a digest of its shortlist; per term that a document queries by, a digest of the head of its postings (what a
 * query reads of it); per keyword and group, the digests of its documents in time order (their
 * windows). Documents and terms are known by 64-bit hashes of their keys and strings, never by
 * position. A damaged state reads as none: then every list is computed.
 */
public final class RelatedState {

    /** Layout of {@link #bytes}: another layout reads as no state. */
    private static final int LAYOUT = 2;

    final long statistics;
    final long[] documents;
    final long[] digests;
    final int[][] lists;
    /**
     * Per document, a digest of its last shortlist (its members, each with its digest and first
     * estimate): a list whose query reads something that changed is kept when its shortlist's
     * digest is this one (see RelatedIndex#lists).
     */
    final long[] shortlists;
    /** Sorted. */
    final long[] terms;
    final long[] heads;
    /** Sorted, each with its documents' digests in time order. */
    final long[] keywords;
    final long[][] keywordDigests;
    final long[] groups;
    final long[][] groupDigests;

    RelatedState(long statistics, long[] documents, long[] digests, int[][] lists, long[] shortlists, long[] terms, long[] heads,
                 long[] keywords, long[][] keywordDigests, long[] groups, long[][] groupDigests) {
        this.statistics = statistics;
        this.documents = documents;
        this.digests = digests;
        this.lists = lists;
        this.shortlists = shortlists;
        this.terms = terms;
        this.heads = heads;
        this.keywords = keywords;
        this.keywordDigests = keywordDigests;
        this.groups = groups;
        this.groupDigests = groupDigests;
    }

    /** The head digest of the term hashed {@code term}, or {@code null} when no document queried by it. */
    Long head(long term) {
        int at = Arrays.binarySearch(terms, term);
        return at >= 0 ? heads[at] : null;
    }

    /** The digests of a keyword's documents in time order, or {@code null}. */
    long[] keyword(long name) {
        int at = Arrays.binarySearch(keywords, name);
        return at >= 0 ? keywordDigests[at] : null;
    }

    /** The digests of a group's documents in time order, or {@code null}. */
    long[] group(long name) {
        int at = Arrays.binarySearch(groups, name);
        return at >= 0 ? groupDigests[at] : null;
    }

    /** Number of documents. */
    public int size() {
        return documents.length;
    }

    /** The state as bytes, for a cache. */
    public byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(documents.length * 120 + terms.length * 16 + 64);
        try (DataOutputStream out = new DataOutputStream(buffer)) {
            out.writeInt(LAYOUT);
            out.writeLong(statistics);
            out.writeInt(documents.length);
            for (int d = 0; d < documents.length; d++) {
                out.writeLong(documents[d]);
                out.writeLong(digests[d]);
                out.writeLong(shortlists[d]);
                out.writeShort(lists[d].length);
                for (int r : lists[d]) {
                    out.writeInt(r);
                }
            }
            out.writeInt(terms.length);
            for (int t = 0; t < terms.length; t++) {
                out.writeLong(terms[t]);
                out.writeLong(heads[t]);
            }
            writeSequences(out, keywords, keywordDigests);
            writeSequences(out, groups, groupDigests);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory", e);
        }
        return buffer.toByteArray();
    }

    private static void writeSequences(DataOutputStream out, long[] names, long[][] sequences) throws IOException {
        out.writeInt(names.length);
        for (int i = 0; i < names.length; i++) {
            out.writeLong(names[i]);
            out.writeInt(sequences[i].length);
            for (long x : sequences[i]) {
                out.writeLong(x);
            }
        }
    }

    /** The state {@link #bytes} wrote, or {@code null} when {@code bytes} are not one (damaged, another layout). */
    public static RelatedState read(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != LAYOUT) {
                return null;
            }
            long statistics = in.readLong();
            int n = count(in, bytes.length);
            long[] documents = new long[n];
            long[] digests = new long[n];
            int[][] lists = new int[n][];
            long[] shortlists = new long[n];
            for (int d = 0; d < n; d++) {
                documents[d] = in.readLong();
                digests[d] = in.readLong();
                shortlists[d] = in.readLong();
                int[] list = new int[in.readUnsignedShort()];
                for (int i = 0; i < list.length; i++) {
                    list[i] = in.readInt();
                    if (list[i] < 0 || list[i] >= n) {
                        return null;
                    }
                }
                lists[d] = list;
            }
            int t = count(in, bytes.length);
            long[] terms = new long[t];
            long[] heads = new long[t];
            for (int i = 0; i < t; i++) {
                terms[i] = in.readLong();
                heads[i] = in.readLong();
                if (i > 0 && terms[i] <= terms[i - 1]) {
                    return null;
                }
            }
            Sequences keywords = readSequences(in, bytes.length);
            Sequences groups = readSequences(in, bytes.length);
            if (keywords == null || groups == null || in.read() != -1) {
                return null;
            }
            return new RelatedState(statistics, documents, digests, lists, shortlists, terms, heads, keywords.names(), keywords.digests(),
                    groups.names(), groups.digests());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static int count(DataInputStream in, int bound) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > bound) {
            throw new IOException("not a count: " + n);
        }
        return n;
    }

    /** Names, sorted, each with its documents' digests. */
    private record Sequences(long[] names, long[][] digests) {
    }

    private static Sequences readSequences(DataInputStream in, int bound) throws IOException {
        int n = count(in, bound);
        long[] read = new long[n];
        long[][] sequences = new long[n][];
        for (int i = 0; i < n; i++) {
            read[i] = in.readLong();
            if (i > 0 && read[i] <= read[i - 1]) {
                return null;
            }
            long[] s = new long[count(in, bound)];
            for (int j = 0; j < s.length; j++) {
                s[j] = in.readLong();
            }
            sequences[i] = s;
        }
        return new Sequences(read, sequences);
    }
}
