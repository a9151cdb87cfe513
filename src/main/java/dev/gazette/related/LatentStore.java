package dev.gazette.related;

/**
 * Keeps a fitted latent space from one build to the next. The fit is a function of its sample
 * alone, and most builds leave the sample as it was (a new article joins it once in many): then
 * the space is read back instead of fitted again, the one step of the index whose cost is the
 * same whatever changed. What is stored is the space itself, named by a digest of the sample's
 * vectors, so a stale or damaged entry is never used: it is fitted again.
 */
public interface LatentStore {

    /** The bytes stored under {@code key}, or {@code null}. */
    byte[] load(String key);

    /** Stores {@code bytes} under {@code key}, in place of any earlier entry; best effort. */
    void store(String key, byte[] bytes);

    /**
     * The documents' coordinates in the space named {@code key}, as {@link #storeCoordinates}
     * stored them, or {@code null}: a store without them only makes every document projected.
     */
    default byte[] loadCoordinates(String key) {
        return null;
    }

    /** Stores the documents' coordinates in the space named {@code key}, in place of any earlier ones; best effort. */
    default void storeCoordinates(String key, byte[] bytes) {
    }
}
