package dev.gazette.source;

import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Finds the article sources under a folder, in a stable order. */
public final class SourceFinder {

    private SourceFinder() {
    }

    /** The format of a file, from its extension; empty for files that are no article (images…). */
    public static Optional<SourceFormat> formatOf(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".md") || name.endsWith(".markdown")) {
            return Optional.of(SourceFormat.MARKDOWN);
        }
        if (name.endsWith(".txt")) {
            return Optional.of(SourceFormat.NEWS_TEXT);
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Optional.of(SourceFormat.HTML);
        }
        return Optional.empty();
    }

    /**
     * Every article source under {@code root}, as paths relative to it with {@code /} separators,
     * sorted so that builds do not depend on the file system's order. Hidden files and folders
     * (starting with {@code .} or {@code _}) are skipped: editors keep notes and drafts-in-progress there.
     */
    public static List<String> find(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            // A link whose target is gone is kept: reading it then fails with an error naming it,
            // where skipping it would drop an article without a word.
            return walk.filter(p -> Files.isRegularFile(p) || (Files.isSymbolicLink(p) && !Files.exists(p)))
                    .map(p -> root.relativize(p))
                    .filter(rel -> !isHidden(rel))
                    .filter(rel -> formatOf(rel.getFileName().toString()).isPresent())
                    .map(rel -> rel.toString().replace('\\', '/'))
                    .sorted()
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            String s = part.toString();
            if (s.startsWith(".") || s.startsWith("_")) {
                return true;
            }
        }
        return false;
    }
}
