package dev.gazette.serve;

import dev.gazette.pipeline.SiteInputs;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Watches a site's inputs and hands over changes in batches. The input folders are watched with
 * every sub-folder (new ones as they appear); single files through their folder, keeping only their
 * own events. Editors that save by writing a temporary file and renaming it over the article (vim,
 * VS Code, JetBrains) and bursts of changes (a {@code git checkout}) give one batch: a batch ends
 * when no event has come for a short quiet time.
 */
final class SourceWatcher implements AutoCloseable {

    /** A batch ends after this long without an event… */
    static final long QUIET_MILLIS = 40;
    /** …or this long after it began, so that a steady stream of writes still gets previews. */
    static final long MAX_BATCH_MILLIS = 1_000;

    /** What one watched folder is: part of an input folder (every name counts), or the home of single files. */
    private record Watched(Path folder, Set<String> names) {
        boolean counts(String name) {
            return names == null ? !editorScratch(name) : names.contains(name);
        }
    }

    private final WatchService service;
    private final Map<WatchKey, Watched> keys = new HashMap<>();
    private SiteInputs inputs;

    SourceWatcher(SiteInputs inputs) throws IOException {
        this.service = FileSystems.getDefault().newWatchService();
        watch(inputs);
    }

    /** Watches {@code inputs} instead of what was watched (the configuration may name other files). */
    synchronized void watch(SiteInputs next) throws IOException {
        if (next.equals(inputs)) {
            return;
        }
        for (WatchKey key : keys.keySet()) {
            key.cancel();
        }
        keys.clear();
        this.inputs = next;
        // Folders watched for some names only: single files' folders, and the parents of input
        // folders not there yet (a site without templates), whose creation is a change. One
        // folder is one watch key, so its names are gathered first.
        Map<Path, Set<String>> byFolder = new HashMap<>();
        for (Path folder : next.folders()) {
            if (Files.isDirectory(folder)) {
                registerTree(folder);
            } else if (folder.getParent() != null) {
                byFolder.computeIfAbsent(folder.getParent(), f -> new java.util.HashSet<>()).add(folder.getFileName().toString());
            }
        }
        for (Path file : next.files()) {
            if (file.getParent() != null) {
                byFolder.computeIfAbsent(file.getParent(), f -> new java.util.HashSet<>()).add(file.getFileName().toString());
            }
        }
        for (Map.Entry<Path, Set<String>> e : byFolder.entrySet()) {
            if (Files.isDirectory(e.getKey()) && !underInputFolder(e.getKey())) {
                register(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Waits for the next batch of changes and returns the paths changed, sorted; empty only when the
     * watcher was closed.
     */
    List<Path> next() throws InterruptedException {
        Set<Path> changed = new TreeSet<>();
        try {
            while (changed.isEmpty()) {
                collect(service.take(), changed);
            }
            long end = System.currentTimeMillis() + MAX_BATCH_MILLIS;
            while (true) {
                long left = Math.min(QUIET_MILLIS, end - System.currentTimeMillis());
                WatchKey key = left <= 0 ? null : service.poll(left, TimeUnit.MILLISECONDS);
                if (key == null) {
                    break;
                }
                collect(key, changed);
            }
        } catch (ClosedWatchServiceException e) {
            return List.of();
        }
        return List.copyOf(changed);
    }

    private synchronized void collect(WatchKey key, Set<Path> changed) {
        Watched watched = keys.get(key);
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                // Events were lost: count every input as changed, and watch anew (folders may have come).
                changed.addAll(inputs.folders());
                changed.addAll(inputs.files());
                try {
                    watch(rewatch());
                } catch (IOException e) {
                    // The next build reports what cannot be read.
                }
                return;
            }
            if (watched == null) {
                continue;
            }
            Path name = (Path) event.context();
            if (!watched.counts(name.toString())) {
                continue;
            }
            Path path = watched.folder().resolve(name);
            changed.add(path);
            if (event.kind() == StandardWatchEventKinds.ENTRY_CREATE && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    if (watched.names() == null) {
                        registerTree(path); // a new sub-folder, perhaps moved in with its files
                    } else {
                        watch(rewatch()); // a watched input folder that now exists
                    }
                } catch (IOException e) {
                    // The next build reports what cannot be read.
                }
            }
        }
        if (!key.reset()) {
            keys.remove(key);
        }
    }

    /** What is watched, to watch it all again (new folders, a lost event): {@link #watch} skips the same inputs. */
    private SiteInputs rewatch() {
        SiteInputs all = inputs;
        inputs = null;
        return all;
    }

    private boolean underInputFolder(Path folder) {
        return inputs.folders().stream().anyMatch(folder::startsWith);
    }

    private void registerTree(Path top) throws IOException {
        try (Stream<Path> walk = Files.walk(top)) {
            for (Path dir : walk.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                register(dir, null);
            }
        }
    }

    private void register(Path folder, Set<String> names) throws IOException {
        WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_DELETE,
                StandardWatchEventKinds.ENTRY_MODIFY);
        keys.put(key, new Watched(folder, names == null ? null : Set.copyOf(names)));
    }

    /**
     * Editors' scratch files, which no build reads: vim's swap files and its {@code 4913} probe,
     * backups ending in {@code ~}, Emacs' lock and auto-save files. Hidden names are skipped by the
     * build anyway.
     */
    static boolean editorScratch(String name) {
        return name.startsWith(".") || name.startsWith("#") || name.endsWith("~") || name.equals("4913")
                || name.endsWith(".swp") || name.endsWith(".swx") || name.endsWith(".tmp");
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
