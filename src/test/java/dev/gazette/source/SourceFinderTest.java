package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFinderTest {

    private static void touch(Path root, String relative) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
    }

    @Test
    void findsArticleSourcesSortedAndSkipsHiddenEntries(@TempDir Path root) throws IOException {
        for (String f : List.of("b.md", "a.txt", "sub/z.html", "sub/deeper/c.htm", "x.markdown", "E.MD",
                ".hidden.md", "_brouillon.md", "_drafts/f.md", ".git/g.md", "notes/_todo.md", "sub/.DS_Store",
                "images/port.svg", "README", "a.md.bak")) {
            touch(root, f);
        }
        assertEquals(List.of("E.MD", "a.txt", "b.md", "sub/deeper/c.htm", "sub/z.html", "x.markdown"), SourceFinder.find(root));
    }

    @Test
    void anEmptyFolderHasNoSource(@TempDir Path root) throws IOException {
        assertEquals(List.of(), SourceFinder.find(root));
    }

    @Test
    void aHiddenRootIsStillRead(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve(".articles");
        touch(root, "a.md");
        assertEquals(List.of("a.md"), SourceFinder.find(root), "only entries under the root count");
    }

    @Test
    void aDanglingLinkIsListedSoItsReadFailsLoudly(@TempDir Path root) throws IOException {
        touch(root, "a.md");
        Files.createSymbolicLink(root.resolve("x.md"), root.resolve("missing.md"));
        assertEquals(List.of("a.md", "x.md"), SourceFinder.find(root));
    }

    @Test
    void formatOf() {
        assertEquals(Optional.of(SourceFormat.MARKDOWN), SourceFinder.formatOf("a.md"));
        assertEquals(Optional.of(SourceFormat.MARKDOWN), SourceFinder.formatOf("A.Markdown"));
        assertEquals(Optional.of(SourceFormat.NEWS_TEXT), SourceFinder.formatOf("000_2ef.TXT"));
        assertEquals(Optional.of(SourceFormat.HTML), SourceFinder.formatOf("page.htm"));
        assertEquals(Optional.of(SourceFormat.HTML), SourceFinder.formatOf("page.html"));
        assertEquals(Optional.empty(), SourceFinder.formatOf("port.svg"));
        assertEquals(Optional.empty(), SourceFinder.formatOf("md"));
    }
}
