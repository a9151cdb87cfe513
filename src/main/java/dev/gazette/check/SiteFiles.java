package dev.gazette.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every file and folder of a built site, by path relative to its root with {@code /} separators:
 * what a web server serving the folder would find. Links are looked up here, never on the disk.
 */
final class SiteFiles {

    private final Set<String> files;
    private final Set<String> folders;
    private final List<String> pages;
    private final List<String> dataFiles;

    private SiteFiles(Set<String> files, Set<String> folders, List<String> pages, List<String> dataFiles) {
        this.files = files;
        this.folders = folders;
        this.pages = pages;
        this.dataFiles = dataFiles;
    }

    /** The files under {@code root}, walked once. */
    static SiteFiles walk(Path root) throws IOException {
        Set<String> files = new HashSet<>();
        Set<String> folders = new HashSet<>();
        List<String> pages = new ArrayList<>();
        List<String> data = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String relative = root.relativize(p).toString().replace('\\', '/');
                if (Files.isDirectory(p)) {
                    folders.add(relative);
                    continue;
                }
                files.add(relative);
                // Gazette's own bookkeeping (the marker, the manifest) and other hidden files are
                // served by no one's choice: they are not pages of the site.
                if (hidden(relative)) {
                    continue;
                }
                String name = relative.toLowerCase(Locale.ROOT);
                if (name.endsWith(".html") || name.endsWith(".htm")) {
                    pages.add(relative);
                } else if (name.endsWith(".xml") || name.endsWith(".json") || name.equals("robots.txt")) {
                    data.add(relative);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        pages.sort(null);
        data.sort(null);
        return new SiteFiles(files, folders, List.copyOf(pages), List.copyOf(data));
    }

    private static boolean hidden(String relative) {
        for (String part : relative.split("/")) {
            if (part.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    /** The HTML pages, sorted. */
    List<String> pages() {
        return pages;
    }

    /** Feeds, sitemaps, other XML and JSON files, and {@code robots.txt}, sorted. */
    List<String> dataFiles() {
        return dataFiles;
    }

    boolean has(String file) {
        return files.contains(file);
    }

    /**
     * The file a web server answers {@code path} with: the file itself, or a folder's
     * {@code index.html} (a folder named without its {@code /} is redirected to it); {@code null}
     * when there is none.
     */
    String lookup(String path) {
        if (path.isEmpty() || path.endsWith("/")) {
            String index = path + "index.html";
            return files.contains(index) ? index : null;
        }
        if (files.contains(path)) {
            return path;
        }
        String index = path + "/index.html";
        return folders.contains(path) && files.contains(index) ? index : null;
    }

    /** Why {@code path} finds nothing, for the report. */
    String missing(String path) {
        String folder = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (path.isEmpty() || folders.contains(folder)) {
            return "the folder " + (path.isEmpty() ? "of the site" : folder + "/") + " has no index.html";
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        boolean page = path.endsWith("/") || isPage(path) || !last.contains(".");
        return (page ? "no such page: " : "no such file: ") + (path.endsWith("/") ? path + "index.html" : path);
    }

    static boolean isPage(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm");
    }
}
