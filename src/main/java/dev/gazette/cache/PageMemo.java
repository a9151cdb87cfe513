package dev.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Optional;

/**
 * What each page fingerprint rendered to last time: the size and content hash of the page's bytes.
 * A page whose fingerprint is known, and whose file the previous site holds with those bytes, is
 * kept from the previous site instead of being rendered. One memo per output folder (its key), so
 * two sites sharing a cache do not push each other's pages out; it holds the entries of the last
 * build only, so it never grows past the site's size.
 */
public final class PageMemo {

    /**
     * A rendered page's size and content hash, as the site's manifest records them; the hash as
     * its two halves (two per page: the previous build's and this one's).
     */
    public record Output(long size, long hashHigh, long hashLow) {

        /** @param hash the hash's 32 digits */
        public Output(long size, String hash) {
            this(size, dev.gazette.text.ContentHash.high(hash), dev.gazette.text.ContentHash.low(hash));
        }

        /** The hash's 32 digits. */
        public String hash() {
            return dev.gazette.text.ContentHash.hex(hashHigh, hashLow);
        }
    }

    /** The memo file's layout after the version: keys by their digest, sorted, and the outputs as numbers. */
    private static final int FORMAT = 0x504d3032; // "PM02"
    /** Longs per entry: the key's digest (two halves), then the output's size and hash (two halves). */
    private static final int WIDTH = 5;

    private final BuildCache cache;
    private final java.nio.file.Path file;
    /**
     * The previous build's entries, sorted by key digest, {@link #WIDTH} longs each, searched by
     * halves. Why not maps of strings: at 100,000 articles the memo has some 265,000 entries, and
     * two maps of 32-digit strings (the previous build's and this one's) held about 80 MB through
     * the render, at the heap's fullest; as numbers they hold about 20 MB.
     */
    private final long[] previous;
    private final int previousCount;
    /** This build's entries, in the order recorded (a key met twice is written once, at {@link #save}). */
    private long[] current;
    private int currentCount;

    private PageMemo(BuildCache cache, java.nio.file.Path file, long[] previous, int previousCount) {
        this.cache = cache;
        this.file = file;
        this.previous = previous;
        this.previousCount = previousCount;
        this.current = new long[WIDTH * Math.max(64, previousCount + previousCount / 8)];
    }

    /** The memo of the output folder named {@code output} (its real path, say). */
    public static PageMemo open(BuildCache cache, String output) {
        java.nio.file.Path file = cache.ownEntry("pages", output);
        byte[] bytes = BuildCache.read(file);
        long[] previous = new long[0];
        int count = 0;
        if (bytes != null) {
            try {
                ByteReader in = new ByteReader(bytes);
                if (in.readUTF().equals(cache.version()) && in.readInt() == FORMAT) {
                    int n = in.readInt();
                    if (n < 0 || (long) n * WIDTH * Long.BYTES != in.remaining()) {
                        throw new IOException("not a memo");
                    }
                    long[] entries = new long[n * WIDTH];
                    for (int i = 0; i < entries.length; i++) {
                        entries[i] = in.readLong();
                    }
                    for (int e = 1; e < n; e++) {
                        if (compare(entries, e - 1, entries[e * WIDTH], entries[e * WIDTH + 1]) >= 0) {
                            throw new IOException("keys out of order"); // the search needs them sorted
                        }
                    }
                    previous = entries;
                    count = n;
                }
            } catch (IOException | RuntimeException e) {
                previous = new long[0]; // damaged: every page is rendered, which is always right
                count = 0;
            }
        }
        return new PageMemo(cache, file, previous, count);
    }

    /** What {@code fingerprint} rendered to in the previous build, if it was seen. */
    public Optional<Output> previous(String fingerprint) {
        long[] key = digest(fingerprint);
        int lo = 0;
        int hi = previousCount - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = compare(previous, mid, key[0], key[1]);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                int at = mid * WIDTH;
                return Optional.of(new Output(previous[at + 2], previous[at + 3], previous[at + 4]));
            }
        }
        return Optional.empty();
    }

    /** Records what {@code fingerprint} renders to in this build. Safe from many threads. */
    public void record(String fingerprint, Output output) {
        long[] key = digest(fingerprint);
        synchronized (this) {
            if ((currentCount + 1) * WIDTH > current.length) {
                current = java.util.Arrays.copyOf(current, current.length * 2);
            }
            int at = currentCount++ * WIDTH;
            current[at] = key[0];
            current[at + 1] = key[1];
            current[at + 2] = output.size();
            current[at + 3] = output.hashHigh();
            current[at + 4] = output.hashLow();
        }
    }

    /**
     * A key's 128-bit digest: the memo knows keys by it (two keys of one digest, at odds of one in
     * 2^64 over a billion keys, would be one key: a page kept only if its file is the same bytes).
     */
    private static long[] digest(String key) {
        byte[] utf8 = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return dev.gazette.text.ContentHash.halves(utf8, utf8.length);
    }

    /** Entry {@code e} of {@code entries} against the digest ({@code high}, {@code low}), unsigned, high half first. */
    private static int compare(long[] entries, int e, long high, long low) {
        int c = Long.compareUnsigned(entries[e * WIDTH], high);
        return c != 0 ? c : Long.compareUnsigned(entries[e * WIDTH + 1], low);
    }

    /** Stores this build's entries, replacing the previous build's. Call once the site is in place. */
    public synchronized void save() {
        Integer[] order = new Integer[currentCount];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        long[] entries = current;
        java.util.Arrays.sort(order, (a, b) -> compare(entries, a, entries[b * WIDTH], entries[b * WIDTH + 1]));
        // A key recorded twice rendered to the same bytes (a fingerprint names its page's inputs): the first is kept.
        int[] kept = new int[order.length];
        int distinct = 0;
        for (int i = 0; i < order.length; i++) {
            if (distinct == 0 || compare(entries, order[i], entries[kept[distinct - 1] * WIDTH], entries[kept[distinct - 1] * WIDTH + 1]) != 0) {
                kept[distinct++] = order[i];
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(distinct * WIDTH * Long.BYTES + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(cache.version());
            out.writeInt(FORMAT);
            out.writeInt(distinct);
            for (int i = 0; i < distinct; i++) {
                for (int k = 0; k < WIDTH; k++) {
                    out.writeLong(entries[kept[i] * WIDTH + k]);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        BuildCache.write(file, bytes.toByteArray());
    }
}
