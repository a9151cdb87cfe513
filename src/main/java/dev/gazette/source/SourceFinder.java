package dev.gazette.source;

import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

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
     * What {@link #find} found.
     *
     * @param files    the article sources, relative to the root with {@code /} separators, sorted
     * @param problems links that are refused: to a file outside the articles folder, or to a folder
     */
    public record Found(List<String> files, List<Problem> problems) {
        public Found {
            files = List.copyOf(files);
            problems = List.copyOf(problems);
        }
    }

    /**
     * Every article source under {@code root}, as paths relative to it with {@code /} separators,
     * sorted so that builds do not depend on the file system's order. Hidden files and folders
     * (starting with {@code .} or {@code _}) are skipped: editors keep notes and drafts-in-progress there.
     * A link to a file outside the folder is refused, as images are: publishing whatever a link
     * points at (another project, a system file) is never what the newsroom meant. Linked folders
     * are not followed, and are reported rather than skipped without a word.
     */
    public static Found find(Path root) throws IOException {
        Path realRoot = root.toRealPath();
        List<String> files = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        // One look at each entry (its attributes, links not followed), hidden folders not entered:
        // walking every path, then asking of each whether it is a link and a file, took three
        // looks per article, a third of the parse step of a publish at 10,000 articles.
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(root) && isHidden(dir.getFileName()) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) throws IOException {
                if (!p.equals(root) && !isHidden(p.getFileName())) {
                    visit(p, attrs, root, realRoot, files, problems);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        files.sort(null);
        return new Found(files, problems);
    }

    /** One entry of the walk ({@code attrs} its own, a link not followed). */
    private static void visit(Path p, BasicFileAttributes attrs, Path root, Path realRoot, List<String> files, List<Problem> problems)
            throws IOException {
        String relative = root.relativize(p).toString().replace('\\', '/');
        boolean link = attrs.isSymbolicLink();
        if (link && Files.isDirectory(p)) {
            problems.add(Problem.error(relative, 0, null, "is a link to a folder, and Gazette does not follow linked folders, so its articles would be left out.",
                    "move or copy the folder into the articles folder instead of linking to it."));
            return;
        }
        if (formatOf(p.getFileName().toString()).isEmpty()) {
            return;
        }
        if (link && Files.exists(p) && !p.toRealPath().startsWith(realRoot)) {
            problems.add(Problem.error(relative, 0, null, "is a link to a file outside the articles folder (`" + Files.readSymbolicLink(p) + "`).",
                    "copy the article into the articles folder instead of linking to it."));
            return;
        }
        // A link whose target is gone is kept: reading it then fails with an error naming it,
        // where skipping it would drop an article without a word.
        if (link ? (Files.isRegularFile(p) || !Files.exists(p)) : attrs.isRegularFile()) {
            files.add(relative);
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
