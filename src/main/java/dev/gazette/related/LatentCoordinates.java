package dev.gazette.related;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Documents' coordinates in one latent space, by the hash of each document's vector, as a
 * {@link LatentStore} keeps them from one build to the next: the format's mark, the number of
 * dimensions and of entries, then each entry's hash and coordinates (one byte each), by hash
 * ascending, each hash once.
 */
final class LatentCoordinates {

    /** The stored form's first bytes: coordinates of another format are never read. */
    private static final int FORMAT = 0x4C534331; // "LSC1"

    private final long[] keys;
    private final byte[] coordinates;
    private final int dimensions;

    private LatentCoordinates(long[] keys, byte[] coordinates, int dimensions) {
        this.keys = keys;
        this.coordinates = coordinates;
        this.dimensions = dimensions;
    }

    /** The coordinates {@code bytes} hold, or {@code null} when there are none or they are not whole. */
    static LatentCoordinates read(byte[] bytes) {
        if (bytes == null || bytes.length < 12) {
            return null;
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        if (in.getInt() != FORMAT) {
            return null;
        }
        int dimensions = in.getInt();
        int count = in.getInt();
        if (dimensions < 1 || dimensions > LatentSpace.DIMENSIONS || count < 0 || (long) count * (8 + dimensions) != in.remaining()) {
            return null;
        }
        long[] keys = new long[count];
        byte[] coordinates = new byte[count * dimensions];
        for (int i = 0; i < count; i++) {
            keys[i] = in.getLong();
            if (i > 0 && keys[i] <= keys[i - 1]) {
                return null;
            }
            in.get(coordinates, i * dimensions, dimensions);
        }
        return new LatentCoordinates(keys, coordinates, dimensions);
    }

    /** The coordinates of the vector of hash {@code key}, or {@code null} when they are not here. */
    byte[] of(long key) {
        int i = Arrays.binarySearch(keys, key);
        return i < 0 ? null : Arrays.copyOfRange(coordinates, i * dimensions, (i + 1) * dimensions);
    }

    /** How many coordinates each vector has. */
    int dimensions() {
        return dimensions;
    }

    /** How many vectors have coordinates here. */
    int size() {
        return keys.length;
    }

    /** How many distinct hashes {@code keys} holds (sorted, not boxed into a set: one per article of the archive). */
    static int distinct(long[] keys) {
        long[] sorted = keys.clone();
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            count += i == 0 || sorted[i] != sorted[i - 1] ? 1 : 0;
        }
        return count;
    }

    /** The stored form of each document's coordinates ({@code coordinates[d]}) under its vector's hash {@code keys[d]}. */
    static byte[] bytes(long[] keys, byte[][] coordinates) {
        int n = keys.length;
        int[] order = new int[n];
        Integer[] byKey = new Integer[n];
        for (int d = 0; d < n; d++) {
            byKey[d] = d;
        }
        Arrays.sort(byKey, (a, b) -> Long.compare(keys[a], keys[b]));
        int dimensions = n == 0 ? 0 : coordinates[0].length;
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || keys[byKey[i]] != keys[byKey[i - 1]]) {
                order[count++] = byKey[i];
            }
        }
        ByteBuffer out = ByteBuffer.allocate(12 + count * (8 + dimensions));
        out.putInt(FORMAT).putInt(dimensions).putInt(count);
        for (int i = 0; i < count; i++) {
            int d = order[i];
            out.putLong(keys[d]).put(coordinates[d]);
        }
        return out.array();
    }
}
