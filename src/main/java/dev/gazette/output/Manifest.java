package dev.gazette.output;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import dev.gazette.text.ContentHash;
import java.util.HashMap;
import java.util.Map;

/**
 * The list of a site's files with their size and content hash ({@link ContentHash}: 128-bit
 * MurmurHash3, 32 hex digits), written into every site as
 * {@value #FILE}: deploy scripts compare two of them to upload only what changed, and the next
 * build reads it to keep unchanged files as they are (same bytes, same modification time).
 *
 * <p>Format: a comment line, then one line per file, sorted by path:
 * {@code path TAB size TAB hash}. Tabs, newlines and backslashes in a path are escaped
 * ({@code \t}, {@code \n}, {@code \\}).
 */
public final class Manifest {

    /** The manifest's name, at the site's root. */
    public static final String FILE = ".gazette-manifest.tsv";

    private static final String HEADER = "# Gazette site manifest 2: path\tsize\tmurmur3-128";

    /**
     * One file's entry: its size and the two halves of its hash. Kept as numbers, not digits: a
     * build holds two entries for each file of the site (the previous site's and its own), some
     * 600,000 at 10^5 articles.
     */
    public record Entry(long size, long hashHigh, long hashLow) {

        /** @param hash the hash's 32 digits ({@link ContentHash#of}) */
        public Entry(long size, String hash) {
            this(size, ContentHash.high(hash), ContentHash.low(hash));
        }

        /** The hash's 32 digits, as the manifest writes them. */
        public String hash() {
            return ContentHash.hex(hashHigh, hashLow);
        }
    }

    private Manifest() {
    }

    /** The entry for {@code content}. */
    static Entry entryOf(byte[] content) {
        long[] hash = ContentHash.halves(content, content.length);
        return new Entry(content.length, hash[0], hash[1]);
    }

    /**
     * The manifest of the site in {@code folder}; empty when it has none or it cannot be read (a
     * site from an older version, a damaged file): every file then counts as changed, which costs
     * an upload, never a wrong site.
     */
    static Map<String, Entry> read(Path folder) {
        Path file = folder.resolve(FILE);
        Map<String, Entry> entries = new HashMap<>();
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return entries;
        }
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line = in.readLine();
            if (!HEADER.equals(line)) {
                return new HashMap<>();
            }
            while ((line = in.readLine()) != null) {
                String[] parts = line.split("\t", -1);
                if (parts.length != 3 || parts[2].length() != 32) {
                    return new HashMap<>();
                }
                entries.put(unescape(parts[0]), new Entry(Long.parseLong(parts[1]), parts[2]));
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            return new HashMap<>();
        }
    }

    /** The manifest's bytes for {@code entries}. */
    static byte[] format(Map<String, Entry> entries) {
        // The paths sorted as an array: a TreeMap of the 32,000 entries of 10,000 articles, built
        // on the commit's thread while nothing else runs, was most of the commit's time.
        String[] paths = entries.keySet().toArray(new String[0]);
        java.util.Arrays.sort(paths);
        StringBuilder out = new StringBuilder(HEADER.length() + 1 + paths.length * 96).append(HEADER).append('\n');
        for (String path : paths) {
            Entry e = entries.get(path);
            out.append(escape(path)).append('\t').append(e.size()).append('\t').append(e.hash()).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String path) {
        if (path.indexOf('\\') < 0 && path.indexOf('\t') < 0 && path.indexOf('\n') < 0) {
            return path;
        }
        return path.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n");
    }

    private static String unescape(String path) {
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '\\' && i + 1 < path.length()) {
                char next = path.charAt(++i);
                out.append(next == 't' ? '\t' : next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
