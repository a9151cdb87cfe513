package dev.gazette.cache;

import dev.gazette.model.Body;
import dev.gazette.text.ContentHash;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An article's body as the build cache holds it: an entry of its own, named by the hash of its
 * bytes, that the parsed source's entry points to. A build that reads a source from the cache
 * learns the body's hash, length and whether it holds an image from that pointer, and reads the
 * body itself only when a step needs its text (a page or a feed rendered, the search index
 * patched): before, every build read every body out of its source's entry, hashed it and copied it
 * into the build's file of bodies (31 MB of bodies at 10,000 synthetic articles).
 *
 * <p>The entry is checked when read (its checksum, its length and its hash). An entry found
 * missing or damaged then, after the source's entry was trusted, is not a failure: the body is
 * parsed again from its source ({@code recover}), as a build without the cache would.
 */
public final class CachedBody implements Body {

    private final BuildCache cache;
    private final long hashHigh;
    private final long hashLow;
    private final int length;
    private final boolean imageTag;
    private final Supplier<String> recover;

    CachedBody(BuildCache cache, long hashHigh, long hashLow, int length, boolean imageTag, Supplier<String> recover) {
        this.cache = cache;
        this.hashHigh = hashHigh;
        this.hashLow = hashLow;
        this.length = length;
        this.imageTag = imageTag;
        this.recover = recover;
    }

    @Override
    public String html() {
        byte[] bytes = cache.body(hash(), length);
        return bytes != null ? new String(bytes, StandardCharsets.UTF_8) : recover.get();
    }

    @Override
    public boolean isEmpty() {
        return length == 0;
    }

    @Override
    public Optional<String> knownHash() {
        return Optional.of(hash());
    }

    /** Whether the HTML holds {@link Body#IMAGE_TAG}, known without reading it. */
    public boolean holdsImageTag() {
        return imageTag;
    }

    private String hash() {
        return ContentHash.hex(hashHigh, hashLow);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedBody c && c.hashHigh == hashHigh && c.hashLow == hashLow && c.length == length;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hashHigh) * 31 + Long.hashCode(hashLow);
    }

    @Override
    public String toString() {
        return "Body[" + length + " bytes, " + hash() + " in the build cache]";
    }
}
