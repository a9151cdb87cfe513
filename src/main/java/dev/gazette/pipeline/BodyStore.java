package dev.gazette.pipeline;

import dev.gazette.cache.CachedBody;
import dev.gazette.model.Body;
import dev.gazette.text.ContentHash;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The build's file of article bodies: each body is appended as UTF-8 when its source is read, and
 * the article keeps only where it lies (a {@link Body} of some 60 bytes instead of the 4 kB to
 * 20 kB of its text). A step that needs a body reads it back, once per use; the operating system's
 * page cache makes that a copy, not a disk read, on all but the largest archives.
 *
 * <p>The file lives in the build's staging folder ({@code SiteOutput#scratchFile}), so it goes
 * with a failed or killed build, and is deleted before the site is committed. Appends go through a
 * buffer (one write per megabyte, not per body); reads of what is still in it flush it first.
 * Thread-safe: sources are read in parallel.
 */
final class BodyStore implements Closeable {

    private static final int BUFFER = 1 << 20;

    private final FileChannel channel;
    private final ByteBuffer pending = ByteBuffer.allocate(BUFFER);
    /** Bytes of the file already written to the channel; what lies past it is in {@link #pending}. */
    private volatile long flushed;

    private BodyStore(FileChannel channel) {
        this.channel = channel;
    }

    /** A new, empty store in {@code file} (which must not exist). */
    static BodyStore create(Path file) throws IOException {
        return new BodyStore(FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE));
    }

    /** Keeps {@code html} in the store; the empty body stays in memory (it costs nothing). */
    Body keep(String html) {
        return html.isEmpty() ? Body.EMPTY : keep(html.getBytes(StandardCharsets.UTF_8), html.contains(Body.IMAGE_TAG));
    }

    private Body keep(byte[] bytes, boolean imageTag) {
        return new Kept(this, append(bytes), bytes.length, ContentHash.raw(bytes, bytes.length), imageTag);
    }

    /**
     * Whether {@code body}'s HTML holds {@link Body#IMAGE_TAG}, as {@code html().contains} says; for a
     * body of this store, known since it was kept, without reading it back (every build asks of
     * every body, and most have none).
     */
    boolean holdsImageTag(Body body) {
        if (body instanceof CachedBody c) {
            return c.holdsImageTag();
        }
        return body instanceof Kept k && k.store == this ? k.imageTag : htmlHoldsImageTag(body);
    }

    /** Whether {@code body}'s HTML holds {@link Body#IMAGE_TAG}, read from its text: for a body in no store. */
    static boolean htmlHoldsImageTag(Body body) {
        return body.html().contains(Body.IMAGE_TAG);
    }

    /** Keeps {@code body} in the store unless it is there already. */
    Body keep(Body body) {
        // A body the build cache holds stays there: it is read from its entry when a step needs
        // it, not copied here at every build (most of a publish never reads an unchanged body).
        return body instanceof CachedBody || body instanceof Kept k && k.store == this ? body : keep(body.html());
    }

    private synchronized long append(byte[] bytes) {
        try {
            long at = flushed + pending.position();
            if (bytes.length > pending.remaining()) {
                flush();
            }
            if (bytes.length > pending.capacity()) {
                writeFully(ByteBuffer.wrap(bytes), flushed);
                flushed += bytes.length;
            } else {
                pending.put(bytes);
            }
            return at;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep an article's body in the build's staging folder: " + e.getMessage(), e);
        }
    }

    /** Writes what the buffer holds; under the store's lock. */
    private void flush() throws IOException {
        pending.flip();
        int length = pending.remaining();
        writeFully(pending, flushed);
        pending.clear();
        flushed += length;
    }

    private void writeFully(ByteBuffer bytes, long position) throws IOException {
        long at = position;
        while (bytes.hasRemaining()) {
            at += channel.write(bytes, at);
        }
    }

    private String read(long offset, int length) {
        try {
            if (offset + length > flushed) {
                synchronized (this) {
                    if (offset + length > flushed) {
                        flush();
                    }
                }
            }
            ByteBuffer into = ByteBuffer.allocate(length);
            long at = offset;
            while (into.hasRemaining()) {
                int read = channel.read(into, at);
                if (read < 0) {
                    throw new IOException("the file of bodies ends before a body it holds");
                }
                at += read;
            }
            return new String(into.array(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read an article's body back from the build's staging folder: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** A body in a store: where it lies, and the hash of its bytes (what fingerprints and cache keys use). */
    private static final class Kept implements Body {
        private final BodyStore store;
        private final long offset;
        private final int length;
        /** The 16 bytes of the hash, not its 32 digits: a million bodies then keep 40 MB less. */
        private final byte[] hash;
        /** Whether the HTML holds {@link Body#IMAGE_TAG}. */
        private final boolean imageTag;

        Kept(BodyStore store, long offset, int length, byte[] hash, boolean imageTag) {
            this.store = store;
            this.offset = offset;
            this.length = length;
            this.hash = hash;
            this.imageTag = imageTag;
        }

        @Override
        public String html() {
            return store.read(offset, length);
        }

        @Override
        public boolean isEmpty() {
            return length == 0;
        }

        @Override
        public Optional<String> knownHash() {
            return Optional.of(HexFormat.of().formatHex(hash));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Kept k && Arrays.equals(k.hash, hash) && k.length == length;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(hash);
        }

        @Override
        public String toString() {
            return "Body[" + length + " bytes, " + HexFormat.of().formatHex(hash) + "]";
        }
    }
}
