package dev.gazette.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import dev.gazette.output.SiteOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build never destroys what it did not make: an output folder that is a repository, a data
 * folder or a home folder is refused before anything is read; so is one holding an input; linked
 * articles cannot smuggle in files from elsewhere; a symlinked output is followed.
 */
class OutputSafetyTest {

    @TempDir
    Path tmp;

    private Path articles;

    private void goodSite() throws IOException {
        articles = Files.createDirectories(tmp.resolve("articles"));
        Files.writeString(articles.resolve("bon.md"), "---\ntitle: Un bon article\ndate: 2025-09-01T10:00:00+01:00\ncategory: Politique\n---\nCorps.\n");
    }

    private BuildReport build(Path out, Path config) {
        return SiteBuilder.build(new BuildOptions(articles, tmp.resolve("templates"), out, config, null, false, false, FixtureSite.NOW, 2));
    }

    /** Every file under {@code root}, links not followed, with its bytes. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(root.relativize(p).toString(), Files.isRegularFile(p) ? Files.readString(p) : "");
            }
        }
        return files;
    }

    private static Problem onlyError(BuildReport report) {
        assertFalse(report.succeeded());
        List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertTrue(errors.get(0).fix() != null && !errors.get(0).fix().isBlank());
        return errors.get(0);
    }

    @Test
    void aRepositoryGivenAsOutputIsRefusedAndUntouched() throws IOException {
        goodSite();
        Path git = Files.createDirectories(tmp.resolve(".git/objects/ab"));
        Files.writeString(git.resolve("cdef"), "blob");
        Files.writeString(tmp.resolve(".git/HEAD"), "ref: refs/heads/main\n");
        Map<String, String> before = tree(tmp.resolve(".git"));
        Problem p = onlyError(build(tmp.resolve(".git"), null));
        assertEquals("--out", p.file());
        assertTrue(p.message().contains("did not make"), p.message());
        assertEquals(before, tree(tmp.resolve(".git")));
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(".git", "articles"), siblings.map(s -> s.getFileName().toString()).sorted().toList(),
                    "refused before any lock or staging folder is made");
        }
    }

    @Test
    void aDataFolderHoldingTheMostReadFileIsRefused() throws IOException {
        goodSite();
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("most-read.csv"), "page,views\nbon,12\n");
        Files.writeString(tmp.resolve("site.yml"), "title: Gazette\nmostRead: data/most-read.csv\n");
        Problem p = onlyError(build(data, tmp.resolve("site.yml")));
        assertEquals("page,views\nbon,12\n", Files.readString(data.resolve("most-read.csv")));
        assertEquals("--out", p.file());
    }

    @Test
    void evenASiteGazetteMadeIsRefusedWhenItHoldsTheMostReadFile() throws IOException {
        goodSite();
        Path out = Files.createDirectories(tmp.resolve("site-out"));
        Files.writeString(out.resolve(SiteOutput.MARKER), "made by Gazette");
        Files.writeString(out.resolve("most-read.csv"), "page,views\nbon,12\n");
        Files.writeString(tmp.resolve("site.yml"), "title: Gazette\nmostRead: site-out/most-read.csv\n");
        Problem p = onlyError(build(out, tmp.resolve("site.yml")));
        assertTrue(p.message().contains("most-read"), p.message());
        assertTrue(Files.exists(out.resolve("most-read.csv")));
    }

    @Test
    void anEmptyFolderIsBuiltIntoAndMarked() throws IOException {
        goodSite();
        Path out = Files.createDirectories(tmp.resolve("public"));
        BuildReport report = build(out, null);
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertTrue(Files.isRegularFile(out.resolve(SiteOutput.MARKER)));
        assertTrue(build(out, null).succeeded(), "a folder Gazette made may be replaced");
    }

    @Test
    void aSymlinkedOutputUpdatesItsTarget() throws IOException {
        goodSite();
        Path webRoot = Files.createDirectories(tmp.resolve("www/html"));
        Path link = Files.createSymbolicLink(tmp.resolve("site-out"), webRoot);
        assertTrue(build(link, null).succeeded());
        assertTrue(Files.isSymbolicLink(link));
        assertTrue(Files.isRegularFile(webRoot.resolve("index.html")), "the web server's folder holds the site");
        Files.writeString(articles.resolve("deux.md"), "---\ntitle: Deuxième\ndate: 2025-09-02T10:00:00+01:00\ncategory: Politique\n---\nCorps.\n");
        assertTrue(build(link, null).succeeded());
        assertTrue(Files.isSymbolicLink(link), "still a link after the second build");
        assertTrue(Files.readString(webRoot.resolve("index.html")).contains("Deuxième"), "the target was updated");
    }

    @Test
    void aLinkedArticleFromOutsideIsRefusedLikeALinkedImage() throws IOException {
        goodSite();
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Files.writeString(outside.resolve("secret.md"), "---\ntitle: Secret\ndate: 2025-09-01\n---\nNot for publication.\n");
        Files.createSymbolicLink(articles.resolve("lien.md"), outside.resolve("secret.md"));
        Problem p = onlyError(build(tmp.resolve("site-out"), null));
        assertEquals("lien.md", p.file());
        assertTrue(p.message().contains("outside the articles folder"), p.message());
        assertFalse(Files.exists(tmp.resolve("site-out")));
    }

    @Test
    void aFolderGivenAsImageIsSaidToBeAFolder() throws IOException {
        goodSite();
        Files.createDirectories(articles.resolve("images"));
        Files.writeString(articles.resolve("photo.md"), "---\ntitle: Photo\ndate: 2025-09-01\nimage: images\n---\nx\n");
        Problem p = onlyError(build(tmp.resolve("site-out"), null));
        assertEquals("photo.md", p.file());
        assertTrue(p.message().contains("is a folder"), p.message());
    }

    @Test
    void aFailedBuildLeavesNoStagingFolder() throws IOException {
        goodSite();
        Files.writeString(articles.resolve("cassé.md"), "---\ntitle: Cassé\n---\nno date\n");
        assertFalse(build(tmp.resolve("site-out"), null).succeeded());
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertEquals(List.of(".site-out.lock", "articles"), siblings.map(s -> s.getFileName().toString()).sorted().toList());
        }
    }
}
