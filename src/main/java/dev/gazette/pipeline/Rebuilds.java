package dev.gazette.pipeline;

import dev.gazette.source.ParsedSource;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a long-running process (the preview) keeps from one build to the next, so that a rebuild
 * costs what changed:
 * <ul>
 *   <li>once a build has succeeded, the next ones update its output folder in place (see
 *       {@link dev.gazette.output.SiteOutput#openInPlace}) instead of making a whole new site of
 *       hard links and swapping it in;</li>
 *   <li>each source's parse, known by the file's size and modification time, so that unchanged
 *       files are not even read again (the build cache still needs their bytes to find its entry).</li>
 * </ul>
 * A one-off {@code gazette build} has none of this: it starts from the build cache alone.
 */
public final class Rebuilds {

    /** A parse, and what the file looked like when it was read. */
    private record Parsed(long size, long modifiedNanos, Object fileKey, String settings, ParsedSource source) {
    }

    /**
     * What the last successful build planned its pages from, for {@link ArticleRefresh}: the
     * published index (bodies as published), its related lists, image URLs, extras and templates.
     */
    record Snapshot(dev.gazette.config.SiteConfig config, dev.gazette.index.SiteIndex index, dev.gazette.model.RelatedLists related,
                    Map<String, String> imageUrls, dev.gazette.render.WebExtras extras, dev.gazette.render.TemplateEngine engine,
                    java.nio.file.Path target) {
    }

    private final Map<String, Parsed> sources = new ConcurrentHashMap<>();
    private volatile boolean built;
    private volatile Snapshot snapshot;
    /**
     * Files of the output written outside a build (by {@link ArticleRefresh}): the manifest does
     * not know their bytes, so the next build must not take them for unchanged.
     */
    private final Map<String, Long> writtenAside = new ConcurrentHashMap<>();
    /** Orders the writes aside and the builds' beginnings. */
    private final java.util.concurrent.atomic.AtomicLong clock = new java.util.concurrent.atomic.AtomicLong();

    public Rebuilds() {
    }

    /** Whether a build into the output folder has succeeded in this process. */
    boolean built() {
        return built;
    }

    /** A build begins: its tick, to tell the writes aside it may not have seen. */
    long begin() {
        return clock.incrementAndGet();
    }

    /** A build that began at {@code tick} succeeded; it rewrote what was written aside before it began. */
    void succeeded(Snapshot last, long tick) {
        built = true;
        snapshot = last;
        writtenAside.values().removeIf(t -> t <= tick);
    }

    /** A build failed: what the last good one planned from no longer says what the sources are. */
    void failed() {
        snapshot = null;
    }

    /** The last successful build's planning state, or {@code null}. */
    Snapshot snapshot() {
        return snapshot;
    }

    /** The output files written outside a build since the last successful one began. */
    java.util.Set<String> writtenAside() {
        return java.util.Set.copyOf(writtenAside.keySet());
    }

    /** Whether {@code file} was written aside after the build of {@code tick} began. */
    boolean writtenAsideSince(String file, long tick) {
        Long t = writtenAside.get(file);
        return t != null && t > tick;
    }

    void wroteAside(String file) {
        writtenAside.put(file, clock.incrementAndGet());
    }

    /** The parse of {@code relative} when the file has not changed since it was parsed with {@code settings}. */
    ParsedSource source(String relative, BasicFileAttributes attrs, String settings) {
        Parsed p = sources.get(relative);
        if (p == null || p.size() != attrs.size() || p.modifiedNanos() != nanos(attrs) || !p.settings().equals(settings)
                || !java.util.Objects.equals(p.fileKey(), attrs.fileKey())) {
            return null;
        }
        return p.source();
    }

    void putSource(String relative, BasicFileAttributes attrs, String settings, ParsedSource source) {
        // A file modified this very moment may be written again within the same tick of the file
        // system's clock, with the same size: its size and time would not show it ("racy git").
        // Such a file is read again next time; by then its time is in the past.
        if (System.currentTimeMillis() - attrs.lastModifiedTime().toMillis() < RACY_MILLIS) {
            sources.remove(relative);
            return;
        }
        sources.put(relative, new Parsed(attrs.size(), nanos(attrs), attrs.fileKey(), settings, source));
    }

    /** How recent a file's time must be for its size and time not to be trusted. */
    private static final long RACY_MILLIS = 2_000;

    /**
     * Forgets what it kept of the files a watcher saw change under the articles folder
     * {@code source} (or under a changed folder of it): a file rewritten within the file system's
     * time granularity, with the same size, would otherwise look unchanged.
     */
    public void changed(java.nio.file.Path source, java.util.Collection<java.nio.file.Path> paths) {
        java.nio.file.Path root = source.toAbsolutePath().normalize();
        for (java.nio.file.Path p : paths) {
            java.nio.file.Path abs = p.toAbsolutePath().normalize();
            if (!abs.startsWith(root)) {
                continue;
            }
            String key = root.relativize(abs).toString().replace('\\', '/');
            sources.remove(key);
            String prefix = key + "/";
            sources.keySet().removeIf(k -> key.isEmpty() || k.startsWith(prefix));
        }
    }

    /** Forgets the sources no longer in the folder. */
    void retainSources(java.util.Collection<String> present) {
        sources.keySet().retainAll(new java.util.HashSet<>(present));
    }

    private static long nanos(BasicFileAttributes attrs) {
        return attrs.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
