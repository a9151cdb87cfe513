package dev.gazette.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The preview's output: updated in place, file by file, with the same result as a whole new site. */
class InPlaceOutputTest {

    @TempDir
    Path tmp;
    Path site;

    @BeforeEach
    void firstSite() throws IOException {
        site = tmp.resolve("preview");
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "home v1");
            out.write("politique/a/index.html", "article a");
            out.write("politique/b/index.html", "article b");
            out.write("gone/only/index.html", "a page that goes");
            out.commit();
        }
    }

    @Test
    void onlyChangedFilesAreWrittenAndGoneOnesRemoved() throws IOException {
        Path kept = site.resolve("politique/a/index.html");
        Files.setLastModifiedTime(kept, FileTime.fromMillis(1_000_000_000_000L));
        Object inode = Files.readAttributes(kept, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        try (SiteOutput out = SiteOutput.openInPlace(site, java.util.Set.of(), k -> false)) {
            out.write("index.html", "home v2");
            out.write("politique/a/index.html", "article a");
            assertTrue(out.keep("politique/b/index.html", "article b".length(), Manifest.entryOf("article b".getBytes()).hash()));
            out.write("economie/c/index.html", "article c");
            out.commit();
            assertEquals(2, out.filesWritten());
            assertEquals(3, out.filesUnchanged()); // the marker, a, b
            assertEquals(1, out.filesRemoved());
        }
        assertEquals("home v2", Files.readString(site.resolve("index.html")));
        assertEquals("article c", Files.readString(site.resolve("economie/c/index.html")));
        assertEquals(FileTime.fromMillis(1_000_000_000_000L), Files.getLastModifiedTime(kept), "an unchanged file is not touched");
        assertEquals(inode, Files.readAttributes(kept, java.nio.file.attribute.BasicFileAttributes.class).fileKey());
        assertFalse(Files.exists(site.resolve("gone")), "a folder left empty goes with its last file");
        Map<String, Manifest.Entry> manifest = Manifest.read(site);
        assertEquals(java.util.Set.of(SiteOutput.MARKER, "index.html", "politique/a/index.html", "politique/b/index.html",
                "economie/c/index.html"), manifest.keySet());
        try (var leftovers = Files.list(tmp)) {
            assertEquals(java.util.List.of(".preview.lock", "preview"), leftovers.map(p -> p.getFileName().toString()).sorted().toList(),
                    "no staging folder is left");
        }
    }

    @Test
    void aBuildThatFailsBeforeItsCommitChangesNothing() throws IOException {
        Map<String, byte[]> before = SiteOutputTest.snapshot(site);
        try (SiteOutput out = SiteOutput.openInPlace(site, java.util.Set.of(), k -> false)) {
            out.write("index.html", "home v2");
            out.write("new/index.html", "new");
        }
        Map<String, byte[]> after = SiteOutputTest.snapshot(site);
        assertEquals(before.keySet(), after.keySet());
        before.forEach((k, v) -> assertEquals(new String(v), new String(after.get(k)), k));
    }

    @Test
    void aFolderWithoutAManifestIsBuiltWhole() throws IOException {
        Path fresh = tmp.resolve("fresh");
        try (SiteOutput out = SiteOutput.openInPlace(fresh, java.util.Set.of(), k -> false)) {
            out.write("index.html", "home");
            out.commit();
        }
        assertEquals("home", Files.readString(fresh.resolve("index.html")));
        assertTrue(Files.exists(fresh.resolve(SiteOutput.MARKER)));
    }
}
