package dev.gazette.search;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the index's postings wait, by group of shards, between the pass that reads the documents
 * and the one that writes the shards: in files of the build's scratch folder, so that only one
 * group's postings (a sixteenth, two at a time on two cores) are ever in memory; or in memory, for
 * small indexes and tests. Each group is appended to by one thread at a time, then read once.
 */
abstract class PostingSpill implements AutoCloseable {

    /** The postings of each group in memory. */
    static PostingSpill inMemory(int groups) {
        return new Held(groups);
    }

    /** The postings of each group in a file of {@code folder} (created, and deleted on close). */
    static PostingSpill inFolder(Path folder, int groups) {
        return new Spilled(folder, groups);
    }

    /** Appends {@code length} bytes to {@code group}; one thread per group at a time. */
    abstract void append(int group, byte[] bytes, int length);

    /** What was appended to {@code group}, once every append is done. */
    abstract InputStream read(int group);

    @Override
    public abstract void close();

    private static final class Held extends PostingSpill {
        private final ByteArrayOutputStream[] groups;

        Held(int count) {
            groups = new ByteArrayOutputStream[count];
            for (int g = 0; g < count; g++) {
                groups[g] = new ByteArrayOutputStream();
            }
        }

        @Override
        void append(int group, byte[] bytes, int length) {
            groups[group].write(bytes, 0, length);
        }

        @Override
        InputStream read(int group) {
            InputStream in = new ByteArrayInputStream(groups[group].toByteArray());
            groups[group] = new ByteArrayOutputStream(); // read once: the copy goes with the stream
            return in;
        }

        @Override
        public void close() {
        }
    }

    private static final class Spilled extends PostingSpill {
        private final Path folder;
        private final OutputStream[] outs;

        Spilled(Path folder, int count) {
            this.folder = folder;
            outs = new OutputStream[count];
            try {
                Files.createDirectories(folder);
                for (int g = 0; g < count; g++) {
                    outs[g] = new BufferedOutputStream(Files.newOutputStream(file(g)), 1 << 16);
                }
            } catch (IOException e) {
                close();
                throw new UncheckedIOException("cannot spill the search index's postings to " + folder + ": " + e.getMessage(), e);
            }
        }

        private Path file(int group) {
            return folder.resolve(group + ".postings");
        }

        @Override
        void append(int group, byte[] bytes, int length) {
            try {
                outs[group].write(bytes, 0, length);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot spill the search index's postings: " + e.getMessage(), e);
            }
        }

        @Override
        InputStream read(int group) {
            try {
                outs[group].close();
                return new BufferedInputStream(Files.newInputStream(file(group)), 1 << 16);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the search index's postings back: " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            for (int g = 0; g < outs.length; g++) {
                try {
                    if (outs[g] != null) {
                        outs[g].close();
                    }
                    Files.deleteIfExists(file(g));
                } catch (IOException e) {
                    // Left to the staging folder's own deletion.
                }
            }
            try {
                Files.deleteIfExists(folder);
            } catch (IOException e) {
                // idem
            }
        }
    }
}
