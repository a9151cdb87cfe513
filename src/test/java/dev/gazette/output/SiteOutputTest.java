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
        Files.writeString(site.resolve(SiteOutput.MARKER), "made by Gazette");
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
            assertEquals(3, siblings.size(), siblings::toString);
            assertTrue(siblings.contains(".site-out.lock"), siblings::toString);
            String staging = siblings.stream().filter(s -> s.startsWith(".site-out.building-")).findFirst().orElseThrow();
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
            assertEquals(4, out.filesWritten(), "three files and the marker");
            assertTrue(out.bytesWritten() > "new site".length() + 6 + 3);
            out.commit();
        }
        Map<String, byte[]> after = snapshot(site);
        assertEquals(List.of(Manifest.FILE, SiteOutput.MARKER, "index.html", "media/a.bin", "politique/a/index.html"), List.copyOf(after.keySet()),
                "the old site's files are gone");
        assertEquals("new site", Files.readString(site.resolve("index.html")));
        assertEquals("ééé", Files.readString(site.resolve("politique/a/index.html"), StandardCharsets.UTF_8));
        List<String> siblings = entriesOf(tmp);
        assertEquals(3, siblings.size(), siblings::toString);
        assertTrue(siblings.get(1).startsWith(".site-out.old-"), "the previous site is set aside for the next build to take over: " + siblings);
        assertEquals(".site-out.lock", siblings.get(0));
        assertEquals("site-out", siblings.get(2));
        try (SiteOutput next = SiteOutput.open(site)) {
            List<String> during = entriesOf(tmp);
            assertEquals(3, during.size(), during::toString);
            assertTrue(during.get(0).startsWith(".site-out.building-"), "the next build makes its site in it: " + during);
        }
        List<String> after2 = entriesOf(tmp);
        assertTrue(after2.get(1).startsWith(".site-out.old-"), "a build that did not commit sets it aside again: " + after2);
    }

    /** Every folder under {@code root}, each with something in it. */
    private static void assertNoEmptyFolder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path dir : walk.filter(Files::isDirectory).toList()) {
                try (Stream<Path> entries = Files.list(dir)) {
                    assertTrue(entries.findAny().isPresent(), "empty folder " + root.relativize(dir));
                }
            }
        }
    }

    private static Object fileKey(Path file) throws IOException {
        return Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    }

    private void build(Map<String, String> files) throws IOException {
        try (SiteOutput out = SiteOutput.open(site)) {
            Map<String, byte[]> live = snapshot(site);
            files.forEach(out::write);
            assertSameFiles(live, snapshot(site)); // nothing written into the live site, not even a shared file
            out.commit();
        }
    }

    private Map<String, byte[]> expected(Map<String, String> files) {
        Map<String, byte[]> expected = new TreeMap<>();
        files.forEach((k, v) -> expected.put(k, v.getBytes(StandardCharsets.UTF_8)));
        return expected;
    }

    /**
     * The site set aside is where the build after next makes its own: it must come out exactly as a
     * site made in a new folder, whatever the older site held (pages gone, a folder where a file is
     * now, a file added by hand), without a write into the live site's files it shares.
     */
    @Test
    void aSetAsideSiteIsTakenOverAndComesOutExactlyAsANewFolderWould() throws IOException {
        Map<String, String> one = new TreeMap<>(Map.of("a.html", "A1", "b/index.html", "B", "c/x.html", "C", "d/e/f.html", "F"));
        Map<String, String> two = new TreeMap<>(Map.of("a.html", "A2", "b/index.html", "B", "g.html", "G"));
        Map<String, String> three = new TreeMap<>(Map.of("a.html", "A1", "b/index.html", "B", "c", "now a file", "d/e", "a file too"));
        build(one);
        Object b = fileKey(site.resolve("b/index.html"));
        build(two);
        Files.writeString(site.resolve("hand.txt"), "added to the live site by hand");
        Files.createDirectories(site.resolve("empty/folder"));
        for (Map<String, String> next : List.of(three, three, two, one)) {
            build(next);
            Map<String, byte[]> got = snapshot(site);
            got.remove(Manifest.FILE);
            got.remove(SiteOutput.MARKER);
            assertSameFiles(expected(next), got);
            assertNoEmptyFolder(site);
            assertEquals(b, fileKey(site.resolve("b/index.html")), "an unchanged file is the same file: its time stays");
            assertEquals(new TreeMap<>(Manifest.read(site)).keySet(), new java.util.TreeSet<>(snapshot(site).keySet()) {
                {
                    remove(Manifest.FILE);
                }
            });
        }
    }

    /**
     * In a taken-over site, a kept file the survey found as the live site's very copy is kept
     * without a look of its own; a file written twice in one build is what its last write says,
     * though the survey listed it before the first.
     */
    @Test
    void theSurveysWordServesOnceAndAFileWrittenTwiceIsItsLastWrite() throws Exception {
        Map<String, String> one = new TreeMap<>(Map.of("a.html", "A1", "b/index.html", "B", "c.html", "C"));
        build(one);
        build(one);
        Object b = fileKey(site.resolve("b/index.html"));
        try (SiteOutput out = SiteOutput.open(site)) {
            out.awaitSurvey();
            out.write("a.html", "A-other");
            out.write("a.html", "A1");
            out.write("b/index.html", "B");
            assertTrue(out.keep("c.html", Manifest.entryOf("C".getBytes(StandardCharsets.UTF_8))));
            out.write("c.html", "C-other");
            out.commit();
        }
        assertEquals("A1", Files.readString(site.resolve("a.html")), "the last write");
        assertEquals("C-other", Files.readString(site.resolve("c.html")), "written after it was kept");
        assertEquals(b, fileKey(site.resolve("b/index.html")), "kept: the same file");
        assertEquals(Manifest.entryOf("A1".getBytes(StandardCharsets.UTF_8)), Manifest.read(site).get("a.html"));
    }

    @Test
    void aBuildThatFailsInATakenOverSiteLeavesTheLiveOneAsItWas() throws IOException {
        build(Map.of("a.html", "A1", "b/index.html", "B"));
        build(Map.of("a.html", "A2", "b/index.html", "B"));
        Map<String, byte[]> live = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("a.html", "A3");
            out.write("b/index.html", "B changed");
            out.write("z.html", "Z");
        }
        assertSameFiles(live, snapshot(site));
        build(Map.of("a.html", "A4"));
        Map<String, byte[]> got = snapshot(site);
        got.remove(Manifest.FILE);
        got.remove(SiteOutput.MARKER);
        assertSameFiles(expected(Map.of("a.html", "A4")), got);
        assertNoEmptyFolder(site);
    }

    @Test
    void theFirstCommitCreatesTheSite() throws IOException {
        Path fresh = tmp.resolve("deep/new-site");
        try (SiteOutput out = SiteOutput.open(fresh)) {
            out.write("index.html", "x");
            out.commit();
        }
        assertEquals("x", Files.readString(fresh.resolve("index.html")));
        assertEquals(List.of(".new-site.lock", "new-site"), entriesOf(tmp.resolve("deep")));
    }

    @Test
    void closeWithoutCommitLeavesThePreviousSiteByteIdentical() throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "half-built");
            out.write("other/index.html", "half-built");
        }
        assertSameFiles(before, snapshot(site));
        assertEquals(List.of(".site-out.lock", "site-out"), entriesOf(tmp), "the staging folder is thrown away");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x", "../site-out/index.html", "a/../../x", "a/b/../../../x", "..", ".", "a/..", "",
            "/etc/passwd", "/tmp/x", "\\x", "C:x", "c:/x", "a\0b"})
    void pathsLeavingTheSiteAreRejected(String path) throws IOException {
        Map<String, byte[]> before = snapshot(site);
        try (SiteOutput out = SiteOutput.open(site)) {
            assertThrows(IllegalArgumentException.class, () -> out.write(path, "evil"));
            assertThrows(IllegalArgumentException.class, () -> out.copy(new ByteArrayInputStream(new byte[1]), path));
            assertEquals(1, out.filesWritten(), "only the marker");
        }
        assertSameFiles(before, snapshot(site));
        assertEquals(List.of(".site-out.lock", "site-out"), entriesOf(tmp), "nothing written beside the site");
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
        assertEquals(List.of(".site-out.lock", "site-out"), entriesOf(tmp));
    }

    @Test
    void leftoversOfKilledBuildsAreRemovedWhateverTheirAgeButNeverAFolderGazetteDidNotMake() throws IOException {
        Path crashed = Files.createDirectories(tmp.resolve(".site-out.building-123-ab/politique"));
        Files.writeString(crashed.resolve("index.html"), "x");
        Files.writeString(crashed.getParent().resolve(SiteOutput.MARKER), "made by Gazette");
        Path setAside = Files.createDirectories(tmp.resolve(".site-out.old-456"));
        Path notOurs = Files.createDirectories(tmp.resolve(".site-out.building-notes"));
        Files.writeString(notOurs.resolve("todo.txt"), "a user's own file");
        Path other = Files.createDirectories(tmp.resolve(".other.building-1"));
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new");
            out.awaitLeftoversRemoved();
            out.commit();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        assertFalse(Files.exists(crashed.getParent()), "no build holds the lock: a staging folder is a killed build's leftover");
        assertFalse(Files.exists(setAside));
        assertEquals("a user's own file", Files.readString(notOurs.resolve("todo.txt")), "no marker: not ours to delete");
        assertTrue(Files.isDirectory(other), "another output's folders are not ours");
    }

    @Test
    void aSecondBuildIntoTheSameFolderIsToldAnotherIsRunning() throws IOException {
        try (SiteOutput first = SiteOutput.open(site)) {
            SiteOutput.RefusedException e = assertThrows(SiteOutput.RefusedException.class, () -> SiteOutput.open(site));
            assertTrue(e.getMessage().contains("another Gazette build"), e.getMessage());
            assertTrue(e.fix().contains("wait"), e.fix());
            first.write("index.html", "first");
            first.commit();
        }
        try (SiteOutput again = SiteOutput.open(site)) {
            again.write("index.html", "again");
            again.commit();
        }
        assertEquals("again", Files.readString(site.resolve("index.html")), "the lock is released when a build ends");
    }

    @ParameterizedTest
    @ValueSource(strings = {".git", "data", "home"})
    void aNonEmptyFolderGazetteDidNotMakeIsRefusedAndLeftAlone(String name) throws IOException {
        Path folder = Files.createDirectories(tmp.resolve(name).resolve("sub"));
        Files.writeString(folder.resolve("precious.csv"), "page,views\na,1\n");
        Map<String, byte[]> before = snapshot(tmp.resolve(name));
        SiteOutput.RefusedException e = assertThrows(SiteOutput.RefusedException.class, () -> SiteOutput.open(tmp.resolve(name)));
        assertTrue(e.getMessage().contains(SiteOutput.MARKER), e.getMessage());
        assertTrue(e.fix().contains("new or empty folder"), e.fix());
        assertSameFiles(before, snapshot(tmp.resolve(name)));
        assertFalse(entriesOf(tmp).stream().anyMatch(n -> n.startsWith("." + name + ".")), "no lock or staging made beside it");
    }

    @Test
    void anEmptyFolderIsTakenAndGetsTheMarker() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("www"));
        try (SiteOutput out = SiteOutput.open(empty)) {
            out.write("index.html", "x");
            out.commit();
        }
        assertTrue(Files.isRegularFile(empty.resolve(SiteOutput.MARKER)));
        SiteOutput.check(empty); // and the next build may replace it
    }

    @Test
    void theSiteIsReadableByOthers() throws IOException {
        Path fresh = tmp.resolve("public");
        try (SiteOutput out = SiteOutput.open(fresh)) {
            out.write("politique/a/index.html", "x");
            out.commit();
        }
        java.util.Set<java.nio.file.attribute.PosixFilePermission> folder = Files.getPosixFilePermissions(fresh.resolve("politique"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> root = Files.getPosixFilePermissions(fresh);
        java.util.Set<java.nio.file.attribute.PosixFilePermission> file = Files.getPosixFilePermissions(fresh.resolve("politique/a/index.html"));
        for (var perms : List.of(folder, root)) {
            assertTrue(perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)
                    && perms.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE), perms::toString);
        }
        assertTrue(file.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ), file::toString);
    }

    @Test
    void aSymlinkedOutputKeepsItsLinkAndItsTargetIsReplaced() throws IOException {
        Path webRoot = Files.createDirectories(tmp.resolve("var/www/html"));
        Files.writeString(webRoot.resolve(SiteOutput.MARKER), "made by Gazette");
        Files.writeString(webRoot.resolve("index.html"), "old");
        Path link = Files.createSymbolicLink(tmp.resolve("published"), webRoot);
        try (SiteOutput out = SiteOutput.open(link)) {
            out.write("index.html", "new");
            out.commit();
        }
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(webRoot.resolve("index.html")), "the web server's folder has the new site");
        assertTrue(entriesOf(tmp.resolve("var/www")).containsAll(List.of(".html.lock", "html")), "the swap happens beside the target");
    }

    @Test
    void unchangedFilesAreKeptWithTheirTimeAndTheManifestListsEveryFile() throws IOException {
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "home");
            out.write("a/index.html", "a");
            out.write("gone/index.html", "gone");
            out.commit();
        }
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(site.resolve("a/index.html"), old);
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new home");
            out.write("a/index.html", "a");
            out.commit();
            assertEquals(1, out.filesWritten(), "only the home changed");
            assertEquals(2, out.filesUnchanged(), "the page and the marker");
            assertEquals(1, out.filesRemoved());
        }
        assertEquals(old, Files.getLastModifiedTime(site.resolve("a/index.html")));
        assertFalse(Files.exists(site.resolve("gone")));
        Map<String, Manifest.Entry> manifest = Manifest.read(site);
        assertEquals(java.util.Set.of(SiteOutput.MARKER, "index.html", "a/index.html"), manifest.keySet());
        assertEquals(new Manifest.Entry(8, dev.gazette.text.ContentHash.of("new home".getBytes(StandardCharsets.UTF_8))), manifest.get("index.html"));
    }


    @Test
    void aDamagedManifestOnlyCostsRewrites() throws IOException {
        Files.writeString(site.resolve(Manifest.FILE), "not a manifest\n");
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "previous site");
            out.commit();
            assertEquals(0, out.filesUnchanged());
        }
        assertEquals("previous site", Files.readString(site.resolve("index.html")));
        assertEquals(2, Manifest.read(site).size());
    }

    @Test
    void aPathWithATabSurvivesTheManifest() {
        Map<String, Manifest.Entry> entries = Map.of("media/a\tb\\c.png", new Manifest.Entry(3, "0".repeat(32)));
        String text = new String(Manifest.format(entries), StandardCharsets.UTF_8);
        assertEquals(2, text.lines().count());
        assertTrue(text.contains("media/a\\tb\\\\c.png\t3\t"), text);
    }

    @Test
    void onLinuxTheSwapIsOneStep() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux"));
        try (SiteOutput out = SiteOutput.open(site)) {
            out.write("index.html", "new");
            out.commit();
            assertTrue(out.swappedAtomically(), "renameat2(RENAME_EXCHANGE) on this file system");
        }
        assertEquals("new", Files.readString(site.resolve("index.html")));
    }

    @Test
    void aScratchFileLivesInTheStagingFolderAndNeverReachesTheSite() throws IOException {
        try (SiteOutput out = SiteOutput.open(site)) {
            Path scratch = out.scratchFile("bodies");
            Files.writeString(scratch, "the build's own use");
            assertFalse(scratch.startsWith(site), "not in the published folder while the build runs");
            assertTrue(scratch.startsWith(site.getParent()), "beside it, with the staging folder");
            out.write("index.html", "new site");
            out.commit();
            assertFalse(Files.exists(scratch));
        }
        assertEquals(List.of(".gazette-manifest.tsv", SiteOutput.MARKER, "index.html"), entriesOf(site));
        Path abandoned;
        try (SiteOutput out = SiteOutput.open(site)) {
            abandoned = out.scratchFile("bodies");
            Files.writeString(abandoned, "a failed build's");
        }
        assertFalse(Files.exists(abandoned), "a build that does not commit takes its scratch with it");
        assertEquals("new site", Files.readString(site.resolve("index.html")));
    }

    @Test
    void aPlainPathIsItsOwnKeyAndOthersAreNot() {
        Path staging = tmp.resolve("staging");
        for (String plain : List.of("index.html", "articles/slug/index.html", "a/.hidden", "a/.../b", "feeds/tag-x.xml", "a/b.c/d")) {
            assertTrue(SiteOutput.isPlain(plain), plain);
            assertEquals(plain, staging.relativize(staging.resolve(plain).normalize()).toString(), "resolving gives it back: " + plain);
        }
        for (String other : List.of("", "a//b", "a/", "./a", "a/./b", "a/../b", "..", ".", "a\\b", "étiquettes/a.html", "a/b/")) {
            assertFalse(SiteOutput.isPlain(other), other);
        }
        // Seeded: whatever isPlain accepts, resolving and relativizing give back unchanged.
        java.util.Random random = new java.util.Random(5);
        String alphabet = "ab./-_\\é";
        for (int round = 0; round < 5000; round++) {
            StringBuilder b = new StringBuilder();
            for (int k = 1 + random.nextInt(12); k > 0; k--) {
                b.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String r = b.toString();
            if (SiteOutput.isPlain(r)) {
                assertEquals(r, staging.relativize(staging.resolve(r).normalize()).toString().replace('\\', '/'), r);
            }
        }
    }

}
