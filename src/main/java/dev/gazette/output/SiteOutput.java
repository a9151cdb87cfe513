package dev.gazette.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A site being written. Files go to a hidden staging folder next to the output folder;
 * {@link #commit()} swaps it in, {@link #close()} without commit throws it away, so a failed build
 * leaves the previous site untouched. Every path is checked to stay inside the site, whatever a
 * source says. Safe for concurrent writes of distinct files.
 */
public final class SiteOutput implements AutoCloseable {

    private final Path target;
    private final Path staging;
    private final AtomicLong files = new AtomicLong();
    private final Set<Path> folders = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytes = new AtomicLong();
    private boolean committed;

    private SiteOutput(Path target, Path staging) {
        this.target = target;
        this.staging = staging;
    }

    /** Starts writing a site that will replace {@code target} on commit. */
    public static SiteOutput open(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new IOException("refusing to write the site to the file system's root");
        }
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new IOException(absolute + " exists and is not a folder");
        }
        Files.createDirectories(absolute.getParent());
        removeLeftovers(absolute, Instant.now().minus(LEFTOVER_AGE));
        Path staging = Files.createTempDirectory(absolute.getParent(), "." + absolute.getFileName() + ".building-");
        return new SiteOutput(absolute, staging);
    }

    /** How old a staging or set-aside folder must be to count as left over by a build that crashed. */
    static final Duration LEFTOVER_AGE = Duration.ofHours(1);

    /**
     * Deletes the staging and set-aside folders of {@code target} last modified before
     * {@code before}: what a killed or crashed build left behind, a whole site's worth of files
     * each. Younger ones may belong to a build running right now, and are left alone.
     */
    static void removeLeftovers(Path target, Instant before) throws IOException {
        String building = "." + target.getFileName() + ".building-";
        String old = "." + target.getFileName() + ".old-";
        List<Path> leftovers;
        try (Stream<Path> siblings = Files.list(target.getParent())) {
            leftovers = siblings.filter(p -> {
                String name = p.getFileName().toString();
                return (name.startsWith(building) || name.startsWith(old)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().toList();
        }
        for (Path p : leftovers) {
            try {
                if (Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toInstant().isBefore(before)) {
                    deleteTree(p);
                }
            } catch (IOException | UncheckedIOException e) {
                // Best effort: another build may be deleting it right now, and a leftover costs only space.
            }
        }
    }

    /** Writes {@code text} as UTF-8 to {@code relative}. */
    public void write(String relative, String text) {
        write(relative, text.getBytes(StandardCharsets.UTF_8));
    }

    public void write(String relative, byte[] content) {
        Path file = resolve(relative);
        try {
            folder(file.getParent());
            Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + relative + ": " + e.getMessage(), e);
        }
        files.incrementAndGet();
        bytes.addAndGet(content.length);
    }

    /**
     * Creates {@code dir} unless this output already did. Tens of thousands of pages share their
     * rubric's and tags' folders, and asking the file system again costs a failed system call and
     * an exception each time.
     */
    private void folder(Path dir) throws IOException {
        if (!folders.contains(dir)) {
            Files.createDirectories(dir);
            folders.add(dir);
        }
    }

    /** Copies {@code in} to {@code relative}, closing it. */
    public void copy(InputStream in, String relative) throws IOException {
        Path file = resolve(relative);
        try (in) {
            folder(file.getParent());
            long n = Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            files.incrementAndGet();
            bytes.addAndGet(n);
        }
    }

    /**
     * The file {@code relative} names inside the staging folder.
     *
     * @throws IllegalArgumentException when the path would leave the site
     */
    Path resolve(String relative) {
        if (relative.isEmpty() || relative.startsWith("/") || relative.startsWith("\\") || relative.contains(":")
                || relative.contains("\0")) {
            throw new IllegalArgumentException("not a path inside the site: " + relative);
        }
        Path file = staging.resolve(relative).normalize();
        if (!file.startsWith(staging) || file.equals(staging)) {
            throw new IllegalArgumentException("path leaves the output folder: " + relative);
        }
        return file;
    }

    public long filesWritten() {
        return files.get();
    }

    public long bytesWritten() {
        return bytes.get();
    }

    /** Replaces the output folder with what was written. */
    public void commit() throws IOException {
        Path old = null;
        if (Files.exists(target)) {
            old = Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".old-");
            Files.delete(old);
            move(target, old);
        }
        try {
            move(staging, target);
        } catch (IOException e) {
            // Never leave the site missing: put the previous one back before reporting.
            if (old != null) {
                try {
                    move(old, target);
                } catch (IOException restore) {
                    e.addSuppressed(restore);
                }
            }
            throw e;
        }
        committed = true;
        if (old != null) {
            try {
                deleteTree(old);
            } catch (IOException | UncheckedIOException e) {
                // The new site is in place: a previous one we could not delete is only a leftover,
                // which the next build removes.
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException | DirectoryNotEmptyException e) {
            Files.move(from, to);
        }
    }

    /** Throws the staging folder away unless the site was committed. */
    @Override
    public void close() throws IOException {
        if (!committed) {
            deleteTree(staging);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
