package dev.gazette.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiteOutputTest {

    @TempDir
    Path tmp;
    Path site;

    /** Every file under {@code root} with its bytes, by relative path. */
    static Map<String, byte[]> snapshot(Path root) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }

    private List<String> entriesOf(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void assertSameFiles(Map<String, byte[]> expected, Map<String, byte[]> actual) {
        assertEquals(expected.keySet(), actual.keySet());
        expected.forEach((k, v) -> assertArrayEquals(v, actual.get(k), k));
    }

    @BeforeEach
    void previousSite() throws IOException {
        site = tmp.resolve("site-out");
        Files.createDirectories(site.resolve("old"));
        Files.writeString(site.resolve("index.html"), "previous site");
        Files.writeString(site.resolve("old/index.html"), "an old page");
    }

    @Test
    void writesGoToAStagingFolderBesideTheSite() throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new site");
            out.write("politique/a/index.html", "page");
            assertSameFiles(before, snapshot(site));
            List<String> siblings = entriesOf(tmp);
            assertEquals(2, siblings.size(), siblings::toString);
            String staging = siblings.stream().filter(s -> !s.equals("site-out")).findFirst().orElseThrow();
            assertTrue(staging.startsWith(".site-out.building-"), staging);
            assertEquals("page", Files.readString(tmp.resolve(staging).resolve("politique/a/index.html")));
        }
    }

    @Test
    void commitReplacesTheSiteWithWhatWasWritten() throws IOException {
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new site");
            out.write("politique/a/index.html", "é".repeat(3));
            out.copy(new ByteArrayInputStream(new byte[] {1, 2, 3}), "media/a.bin");
            assertEquals(3, out.filesWritten());
            assertEquals("new site".length() + 6 + 3, out.bytesWritten());
            out.commit();
        }
        Map<String, byte[]> after = snapshot(site);
        assertEquals(List.of("index.html", "media/a.bin", "politique/a/index.html"), List.copyOf(after.keySet()),
                "the old site's files are gone");
        assertEquals("new site", Files.readString(site.resolve("index.html")));
        assertEquals("ééé", Files.readString(site.resolve("politique/a/index.html"), StandardCharsets.UTF_8));
        assertEquals(List.of("site-out"), entriesOf(tmp), "no staging or old folder left behind");
    }

    @Test
    void theFirstCommitCreatesTheSite() throws IOException {
        Path fresh = tmp.resolve("deep/new-site");
        try (SiteOutput out = SiteOutput.open(fresh)) {
            out.write("index.html", "x");
            out.commit();
        }
        assertEquals("x", Files.readString(fresh.resolve("index.html")));
        assertEquals(List.of("new-site"), entriesOf(tmp.resolve("deep")));
    }

    @Test
    void closeWithoutCommitLeavesThePreviousSiteByteIdentical() throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "half-built");
            out.write("other/index.html", "half-built");
        }
        assertSameFiles(before, snapshot(site));
        assertEquals(List.of("site-out"), entriesOf(tmp), "the staging folder is thrown away");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../site-out/index.html", "a/../../x", "a/b/../../../x", "..", ".", "a/..", "",
            "/etc/passwd", "/tmp/x", "\\x", "C:x", "c:/x", "a\0b"})
    void pathsLeavingTheSiteAreRejected(String path) throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            assertThrows(IllegalArgumentException.class, () -> out.write(path, "evil"));
            assertThrows(IllegalArgumentException.class, () -> out.copy(new ByteArrayInputStream(new byte[1]), path));
            assertEquals(0, out.filesWritten());
        }
        assertSameFiles(before, snapshot(site));
        assertEquals(List.of("site-out"), entriesOf(tmp), "nothing written beside the site");
    }

    @Test
    void pathsThatStayInsideAreNormalised() throws IOException {
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("a/../b/./index.html", "x");
            out.commit();
        }
        assertEquals("x", Files.readString(site.resolve("b/index.html")));
    }

    @Test
    void refusesAFileAsTarget() throws IOException {
        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThrows(IOException.class, () -> SiteOutput.open(file));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void theTargetPathIsNormalised() throws IOException {
        try (SiteOutput out = SiteOutput.open(site.resolve("sub/../nested"))) {
            out.write("index.html", "x");
            out.commit();
        }
        assertTrue(Files.exists(site.resolve("nested/index.html")));
        assertFalse(Files.exists(site.resolve("sub")));
    }

    @Test
    void aCommitThatFailsPutsThePreviousSiteBack() throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new site");
            // Something removes the staging folder under our feet: the swap cannot complete.
            String staging = entriesOf(tmp).stream().filter(s -> s.startsWith(".site-out.building-")).findFirst().orElseThrow();
            SiteOutput.deleteTree(tmp.resolve(staging));
            assertThrows(IOException.class, out::commit);
        }
        assertSameFiles(before, snapshot(site));
        assertEquals(List.of("site-out"), entriesOf(tmp));
    }

    @Test
    void leftoversOfACrashedBuildAreRemovedButNotThoseOfARunningOne() throws IOException {
        Path crashed = Files.createDirectories(tmp.resolve(".site-out.building-123/politique"));
        Files.writeString(crashed.resolve("index.html"), "x");
        Path setAside = Files.createDirectories(tmp.resolve(".site-out.old-456"));
        Path running = Files.createDirectories(tmp.resolve(".site-out.building-789"));
        Path other = Files.createDirectories(tmp.resolve(".other.building-1"));
        java.nio.file.attribute.FileTime longAgo = java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(java.time.Duration.ofDays(2)));
        for (Path p : List.of(crashed.getParent(), setAside, other)) {
            Files.setLastModifiedTime(p, longAgo);
        }
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new");
            out.commit();
        }
        assertFalse(Files.exists(crashed.getParent()), "a day-old staging folder is a crash's leftover");
        assertFalse(Files.exists(setAside));
        assertTrue(Files.isDirectory(running), "a fresh staging folder may be another build's, running now");
        assertTrue(Files.isDirectory(other), "another output's folders are not ours");
    }
}
