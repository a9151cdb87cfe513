package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
        assertEquals(List.of("E.MD", "a.txt", "b.md", "sub/deeper/c.htm", "sub/z.html", "x.markdown"), SourceFinder.find(root).files());
    }

    @Test
    void anEmptyFolderHasNoSource(@TempDir Path root) throws IOException {
        assertEquals(List.of(), SourceFinder.find(root).files());
    }

    @Test
    void aHiddenRootIsStillRead(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve(".articles");
        touch(root, "a.md");
        assertEquals(List.of("a.md"), SourceFinder.find(root).files(), "only entries under the root count");
    }

    @Test
    void aDanglingLinkIsListedSoItsReadFailsLoudly(@TempDir Path root) throws IOException {
        touch(root, "a.md");
        Files.createSymbolicLink(root.resolve("x.md"), root.resolve("missing.md"));
        assertEquals(List.of("a.md", "x.md"), SourceFinder.find(root).files());
    }

    @Test
    void aLinkToAnArticleOutsideTheFolderIsRefusedNotPublished(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("articles");
        touch(root, "a.md");
        touch(tmp, "secret/other.md");
        touch(root, "inside/b.md");
        Files.createSymbolicLink(root.resolve("x.md"), tmp.resolve("secret/other.md"));
        Files.createSymbolicLink(root.resolve("y.md"), root.resolve("inside/b.md"));
        SourceFinder.Found found = SourceFinder.find(root);
        assertEquals(List.of("a.md", "inside/b.md", "y.md"), found.files(), "a link staying inside is an article like any other");
        assertEquals(1, found.problems().size(), found.problems()::toString);
        assertEquals("x.md", found.problems().get(0).file());
        assertTrue(found.problems().get(0).isError());
        assertTrue(found.problems().get(0).message().contains("outside the articles folder"), found.problems().get(0).message());
    }

    @Test
    void aLinkedFolderIsReportedNotSkippedSilently(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("articles");
        touch(root, "a.md");
        touch(tmp, "archive/2024/old.md");
        Files.createSymbolicLink(root.resolve("2024"), tmp.resolve("archive/2024"));
        SourceFinder.Found found = SourceFinder.find(root);
        assertEquals(List.of("a.md"), found.files());
        assertEquals(List.of("2024"), found.problems().stream().map(p -> p.file()).toList());
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
