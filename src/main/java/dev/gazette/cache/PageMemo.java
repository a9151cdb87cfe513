package dev.gazette.cache;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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

    private final BuildCache cache;
    private final java.nio.file.Path file;
    private final Map<String, Output> previous;
    private final Map<String, Output> current = new ConcurrentHashMap<>();

    private PageMemo(BuildCache cache, java.nio.file.Path file, Map<String, Output> previous) {
        this.cache = cache;
        this.file = file;
        this.previous = previous;
    }

    /** The memo of the output folder named {@code output} (its real path, say). */
    public static PageMemo open(BuildCache cache, String output) {
        java.nio.file.Path file = cache.ownEntry("pages", output);
        byte[] bytes = BuildCache.read(file);
        Map<String, Output> previous = new HashMap<>();
        if (bytes != null) {
            try {
                ByteReader in = new ByteReader(bytes);
                if (in.readUTF().equals(cache.version())) {
                    int n = in.readInt();
                    for (int i = 0; i < n; i++) {
                        previous.put(in.readUTF(), new Output(in.readLong(), in.readUTF()));
                    }
                }
            } catch (IOException | RuntimeException e) {
                previous.clear(); // damaged: every page is rendered, which is always right
            }
        }
        return new PageMemo(cache, file, previous);
    }

    /** What {@code fingerprint} rendered to in the previous build, if it was seen. */
    public Optional<Output> previous(String fingerprint) {
        return Optional.ofNullable(previous.get(fingerprint));
    }

    /** Records what {@code fingerprint} renders to in this build. */
    public void record(String fingerprint, Output output) {
        current.put(fingerprint, output);
    }

    /** Stores this build's entries, replacing the previous build's. Call once the site is in place. */
    public void save() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(current.size() * 160 + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(cache.version());
            // Sorted as an array: cheaper than a TreeMap of the 24,000 fingerprints of 10,000 articles.
            String[] keys = current.keySet().toArray(new String[0]);
            java.util.Arrays.sort(keys);
            out.writeInt(keys.length);
            for (String key : keys) {
                Output o = current.get(key);
                out.writeUTF(key);
                out.writeLong(o.size());
                out.writeUTF(o.hash());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        BuildCache.write(file, bytes.toByteArray());
    }
}
