package dev.gazette.related;

/**
 * One document's analysed terms (as the index's builder numbers them) and their weights, read
 * into arrays reused from one document to the next: the builder keeps the analyses of documents
 * read from a pack in the pack (off the heap), not as two arrays each. At 100,000 articles those
 * arrays were some 240 MB of a 768 MB heap, and the collector ran through most of the related step.
 * Not safe to share between threads.
 */
final class DocTerms {
    private int[] ids = new int[256];
    private float[] weights = new float[256];
    private int length;
    /** A pack entry's bytes, copied out to be decoded. */
    private byte[] raw = new byte[2048];

    /** The terms, of which the first {@link #length()} are this document's. */
    int[] ids() {
        return ids;
    }

    /** Their weights, at the same places. */
    float[] weights() {
        return weights;
    }

    int length() {
        return length;
    }

    /** Room for {@code n} terms, which the caller then writes; the length is {@code n}. */
    void fill(int n) {
        if (ids.length < n) {
            int room = Math.max(n, ids.length * 2);
            ids = new int[room];
            weights = new float[room];
        }
        length = n;
    }

    /** Room for {@code n} bytes of a pack's entry. */
    byte[] raw(int n) {
        if (raw.length < n) {
            raw = new byte[Math.max(n, raw.length * 2)];
        }
        return raw;
    }

    /** A copy of {@code n} terms and weights. */
    void copy(int[] fromIds, float[] fromWeights, int n) {
        fill(n);
        System.arraycopy(fromIds, 0, ids, 0, n);
        System.arraycopy(fromWeights, 0, weights, 0, n);
    }
}
