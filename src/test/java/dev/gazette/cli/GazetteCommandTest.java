package dev.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, driven as {@link Main} drives it. */
class GazetteCommandTest {

    private static final Pattern SUMMARY = Pattern.compile(
            "Built (.+): (\\d+) articles? \\((\\d+) skipped\\), (\\d+) pages? \\((.+)\\), (?:\\d+ feeds, \\d+ sitemap URLs, \\d+ news sitemap articles, )?(\\d+) warnings?; (\\d+) pages? rendered; files: (\\d+) written, (\\d+) unchanged, (\\d+) removed; in \\d+[.,]\\d{2} s\\.");

    /** Exit code and what was printed. */
    record Run(int exit, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run run(String... args) {
        CommandLine cl = GazetteCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** A two-article site in {@code tmp}: {@code articles/}, {@code site.yml}; an empty template folder (default theme). */
    static void tinySite(Path tmp) throws IOException {
        Path articles = Files.createDirectories(tmp.resolve("articles"));
        Files.createDirectories(tmp.resolve("templates"));
        Files.writeString(articles.resolve("un.md"), "---\ntitle: Premier article\ndate: 2025-09-01T10:00:00+01:00\n"
                + "category: Politique\ntags: [Maroc, Russie]\n---\nCorps du premier.\n");
        Files.writeString(articles.resolve("deux.md"), "---\ntitle: Deuxième article\ndate: 2025-09-02 11:00\n"
                + "category: Économie\ntags: [Maroc]\n---\nCorps du second.\n");
        Files.writeString(articles.resolve("futur.md"), "---\ntitle: Pas encore\ndate: 2030-01-01\n---\nDemain.\n");
        Files.writeString(tmp.resolve("site.yml"), "title: Petite Gazette\nlanguage: fr\ntimeZone: Africa/Casablanca\n");
    }

    static String[] buildArgs(Path tmp, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("build", "--source", tmp.resolve("articles").toString(),
                "--templates", tmp.resolve("templates").toString(), "--out", tmp.resolve("out").toString(),
                "--config", tmp.resolve("site.yml").toString(), "--now", "2025-09-13T00:00:00Z", "--jobs", "1"));
        if (!List.of(more).contains("--base-url")) {
            args.addAll(List.of("--base-url", "https://example.org/"));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    static long htmlFilesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".html")).count();
        }
    }

    /** A command that fails the way a bug does. */
    @picocli.CommandLine.Command(name = "boom")
    static final class Boom implements java.util.concurrent.Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("unexpected state");
        }
    }

    @Test
    void anInternalErrorHasItsOwnExitCodeAndAsksForABugReport() {
        CommandLine cl = GazetteCommand.commandLine();
        cl.addSubcommand("boom", new Boom());
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute("boom");
        assertEquals(GazetteCommand.INTERNAL_ERROR, exit);
        assertEquals(3, exit, "never 1, which means errors in the site");
        assertTrue(err.toString().contains("gazette: internal error: java.lang.IllegalStateException: unexpected state"), err.toString());
        assertTrue(err.toString().contains("please report it") || err.toString().contains("Please report it"), err.toString());
        assertTrue(err.toString().lines().count() < 15, "a few frames, not a screenful");
    }

    @Test
    void version() {
        Run r = run("--version");
        assertEquals(0, r.exit());
        assertTrue(r.out().startsWith("gazette "), r.out());
        assertEquals("", r.err());
    }

    @Test
    void help() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("Usage: gazette"), r.out());
        assertTrue(r.out().contains("build"), r.out());
    }

    @Test
    void buildHelpListsTheOptionsAndExitCodes() {
        for (String[] args : new String[][] {{"build", "--help"}, {"help", "build"}}) {
            Run r = run(args);
            assertEquals(0, r.exit(), String.join(" ", args));
            for (String option : List.of("--source", "--templates", "--out", "--config", "--base-url", "--drafts", "--future",
                    "--now", "--jobs", "--quiet")) {
                assertTrue(r.out().contains(option), option + " in " + r.out());
            }
            assertTrue(r.out().contains("Exit codes"), r.out());
        }
    }

    @Test
    void noCommandIsBadUsage() {
        Run r = run();
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("gazette build"), r.err());
    }

    @Test
    void unknownOptionIsBadUsage() {
        Run r = run("build", "--colour");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--colour"), r.err());
        assertEquals("", r.out());
        assertEquals(2, run("--nope").exit());
        assertEquals(2, run("publish").exit());
    }

    @Test
    void badValuesAreBadUsage(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Run r = run("build", "--now", "nonsense");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--now") && r.err().contains("nonsense"), r.err());
        assertFalse(r.err().contains("gazette: internal error"), r.err());
        assertEquals(2, run(buildArgs(tmp, "--now", "2025-09-13")).exit(), "a time without offset");
        Run zero = run("build", "--source", tmp.resolve("articles").toString(), "--out", tmp.resolve("out").toString(), "--jobs", "0");
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--jobs must be between"), zero.err());
        assertEquals(2, run(buildArgs(tmp, "--jobs", "many")).exit());
        String articles = tmp.resolve("articles").toString();
        String out = tmp.resolve("out").toString();
        Run tooMany = run("build", "--source", articles, "--out", out, "--jobs", "100000");
        assertEquals(2, tooMany.exit(), tooMany.err());
        assertTrue(tooMany.err().contains("--jobs must be between 1 and"), tooMany.err());
        Run missingTemplates = run("build", "--source", articles, "--out", out, "--templates", tmp.resolve("no-such-theme").toString());
        assertEquals(2, missingTemplates.exit(), missingTemplates.err());
        assertTrue(missingTemplates.err().contains("no-such-theme") && missingTemplates.err().contains("does not exist"), missingTemplates.err());
        Files.writeString(tmp.resolve("theme.txt"), "not a folder");
        Run fileTemplates = run("build", "--source", articles, "--out", out, "--templates", tmp.resolve("theme.txt").toString());
        assertEquals(2, fileTemplates.exit(), fileTemplates.err());
        assertTrue(fileTemplates.err().contains("is not a folder"), fileTemplates.err());
        assertFalse(Files.exists(tmp.resolve("out")), "nothing built on bad usage");
    }

    @Test
    void theSummaryCountsRedirects(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Files.writeString(tmp.resolve("articles/un.md"), "---\ntitle: Premier article\ndate: 2025-09-01T10:00:00+01:00\n"
                + "category: Politique\naliases: [/politique/premier/]\n---\nCorps du premier.\n");
        Matcher one = SUMMARY.matcher(run(buildArgs(tmp)).outLines().get(0));
        assertTrue(one.matches(), one::toString);
        assertTrue(one.group(5).endsWith(", 1 redirect"), one.group(5));
        Files.writeString(tmp.resolve("articles/un.md"), "---\ntitle: Premier article\ndate: 2025-09-01T10:00:00+01:00\n"
                + "category: Politique\naliases: [/politique/premier/, /premier.html]\n---\nCorps du premier.\n");
        Matcher two = SUMMARY.matcher(run(buildArgs(tmp)).outLines().get(0));
        assertTrue(two.matches(), two::toString);
        assertTrue(two.group(5).endsWith(", 2 redirects"), two.group(5));
    }

    @Test
    void aSuccessfulBuildPrintsOneSummaryLineThenTheSkippedArticles(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Files.writeString(tmp.resolve("articles/brouillon.md"), "---\ntitle: Pas fini\ndate: 2025-09-01\ndraft: true\n---\nx\n");
        Run r = run(buildArgs(tmp));
        assertEquals(0, r.exit(), r.err());
        assertEquals("", r.err());
        assertEquals(3, r.outLines().size(), r.out());
        assertEquals("Skipped brouillon.md: draft (--drafts publishes it; or set `draft: false`)", r.outLines().get(1));
        assertTrue(r.outLines().get(2).startsWith("Skipped futur.md: dated 2030-01-01T00:00"), r.out());
        assertTrue(r.outLines().get(2).endsWith("after the build's time (--future publishes it now)"), r.out());
        assertEquals(1, run(buildArgs(tmp, "--quiet")).outLines().size(), "--quiet prints the summary only");
        Matcher m = SUMMARY.matcher(r.outLines().get(0));
        assertTrue(m.matches(), r.out());
        assertEquals(tmp.resolve("out").toString(), m.group(1));
        assertEquals("2", m.group(2));
        assertEquals("2", m.group(3), "the draft and the future article are skipped");
        assertEquals(htmlFilesUnder(tmp.resolve("out")), Long.parseLong(m.group(4)), "every page counted");
        assertTrue(m.group(5).contains("2 articles"), m.group(5));
        assertTrue(m.group(5).contains("1 home"), m.group(5));
        assertEquals("0", m.group(6));
        assertTrue(Files.isRegularFile(tmp.resolve("out/index.html")));
        long files;
        try (Stream<Path> walk = Files.walk(tmp.resolve("out"))) {
            files = walk.filter(Files::isRegularFile).count();
        }
        assertEquals(m.group(4), m.group(7), "a first build renders every page");
        assertEquals(files - 1, Long.parseLong(m.group(8)), "a first build writes every file (the manifest is not counted)");
        assertEquals("0", m.group(9));
        assertEquals("0", m.group(10));
    }

    @Test
    void aRebuildWritesOnlyWhatChangedAndRemovesWhatIsGone(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        assertEquals(0, run(buildArgs(tmp)).exit());
        Path home = tmp.resolve("out/index.html");
        Path kept = tmp.resolve("out/assets/gazette.css");
        java.nio.file.attribute.FileTime old = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(kept, old);
        Files.setLastModifiedTime(home, old);

        Matcher same = SUMMARY.matcher(run(buildArgs(tmp)).outLines().get(0));
        assertTrue(same.matches());
        assertEquals("0", same.group(7), "nothing changed: no page rendered (the cache knows every page's fingerprint)");
        assertEquals("0", same.group(8), "nothing changed: nothing written");
        assertEquals("0", same.group(10));
        assertEquals(old, Files.getLastModifiedTime(kept), "an unchanged file keeps its time, so uploads skip it");

        Files.writeString(tmp.resolve("articles/trois.md"), "---\ntitle: Troisième article\ndate: 2025-09-03T10:00:00+01:00\n"
                + "category: Économie\ntags: [Russie]\n---\nCorps du troisième, sans rapport.\n"); // the menu keeps its order
        Matcher more = SUMMARY.matcher(run(buildArgs(tmp)).outLines().get(0));
        assertTrue(more.matches());
        assertTrue(Long.parseLong(more.group(7)) < Long.parseLong(more.group(4)), "only pages whose inputs changed are rendered: " + more.group());
        assertTrue(Files.readString(tmp.resolve("out/index.html")).contains("Troisième article"));

        Files.delete(tmp.resolve("articles/deux.md"));
        Matcher less = SUMMARY.matcher(run(buildArgs(tmp)).outLines().get(0));
        assertTrue(less.matches());
        assertTrue(Long.parseLong(less.group(8)) > 0, "the home and lists changed");
        assertTrue(Long.parseLong(less.group(10)) > 0, "the deleted article's pages are removed");
        assertEquals(old, Files.getLastModifiedTime(kept));
        assertTrue(Files.getLastModifiedTime(home).compareTo(old) > 0, "the home page changed and was written");
        String manifest = Files.readString(tmp.resolve("out/" + dev.gazette.output.Manifest.FILE));
        assertTrue(manifest.contains("index.html\t"), manifest);
        assertFalse(manifest.contains("deuxieme-article"), "the manifest lists the site as it is now");
    }

    @Test
    void futureAndTimings(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Run r = run(buildArgs(tmp, "--future", "--timings"));
        assertEquals(0, r.exit(), r.err());
        assertEquals(3, r.outLines().size(), r.out());
        Matcher m = SUMMARY.matcher(r.outLines().get(0));
        assertTrue(m.matches(), r.out());
        assertEquals("3", m.group(2));
        assertTrue(r.outLines().get(1).startsWith("Steps: look "), r.out());
        assertTrue(r.outLines().get(1).contains(", output ") && r.outLines().get(1).contains(", config "), r.out());
        assertEquals("Related lists: 3 computed, 0 kept.", r.outLines().get(2), "a first build computes every list");
        Run again = run(buildArgs(tmp, "--future", "--timings"));
        assertEquals(2, again.outLines().size(), "nothing changed: no related step, " + again.out());
        assertTrue(again.outLines().get(1).startsWith("Steps: up-to-date "), again.out());
    }

    @Test
    void warningsArePrintedUnlessQuiet(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Files.writeString(tmp.resolve("articles/trois.md"), "---\ntitle: T\ndate: 2025-09-03\ncategorie: X\n---\nx\n");
        Run loud = run(buildArgs(tmp));
        assertEquals(0, loud.exit());
        assertTrue(loud.err().contains("trois.md:4: warning: `categorie`"), loud.err());
        assertTrue(loud.out().contains(", 1 warning;"), loud.out());
        Run quiet = run(buildArgs(tmp, "--quiet"));
        assertEquals(0, quiet.exit());
        assertEquals("", quiet.err());
        assertTrue(SUMMARY.matcher(quiet.outLines().get(0)).matches(), quiet.out());
    }

    @Test
    void aBrokenSiteExits1AndPrintsEveryProblemWithItsFile(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Files.createDirectories(tmp.resolve("out"));
        Files.writeString(tmp.resolve("out/" + dev.gazette.output.SiteOutput.MARKER), "made by Gazette");
        Files.writeString(tmp.resolve("out/index.html"), "previous");
        Files.writeString(tmp.resolve("articles/sans-titre.md"), "---\ndate: 2025-09-01\n---\nx\n");
        Files.writeString(tmp.resolve("articles/mauvaise-date.md"), "---\ntitle: T\ndate: hier\n---\nx\n");
        Files.writeString(tmp.resolve("articles/bis.md"), "---\ntitle: T\ndate: 2025-09-01\nslug: un\n---\nx\n");
        Run r = run(buildArgs(tmp, "--quiet"));
        assertEquals(1, r.exit(), r.out() + r.err());
        assertEquals("", r.out());
        List<String> lines = r.err().lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("sans-titre.md:1: error: `title`") && l.contains("Fix:")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("mauvaise-date.md:3: error: `date`") && l.contains("Fix:")), r.err());
        assertTrue(lines.stream().anyMatch(l -> l.contains("un.md") && l.contains("bis.md") && l.contains("Fix:")), r.err());
        assertTrue(lines.get(lines.size() - 1).startsWith("Build failed: 3 errors"), r.err());
        Files.delete(tmp.resolve("articles/sans-titre.md"));
        Files.delete(tmp.resolve("articles/bis.md"));
        Run one = run(buildArgs(tmp, "--quiet"));
        List<String> oneLines = one.err().lines().toList();
        assertTrue(oneLines.get(oneLines.size() - 1).startsWith("Build failed: 1 error, 0 warnings,"), one.err());
        assertEquals("previous", Files.readString(tmp.resolve("out/index.html")));
    }

    @Test
    void aMissingSourceFolderExits1NamingIt(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Run r = run("build", "--source", tmp.resolve("absent").toString(), "--out", tmp.resolve("out").toString(),
                "--config", tmp.resolve("site.yml").toString(), "--now", "2025-09-13T00:00:00Z");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains(tmp.resolve("absent").toString()), r.err());
        assertFalse(Files.exists(tmp.resolve("out")));
    }

    @Test
    void aBadBaseUrlExits1(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        Run r = run(buildArgs(tmp, "--base-url", "gazette.example.ma"));
        assertEquals(1, r.exit());
        assertTrue(r.err().startsWith("--base-url: error:"), r.err());
    }

    @Test
    void theSummaryDoesNotDependOnTheMachinesLocale(@TempDir Path tmp) throws IOException {
        tinySite(tmp);
        java.util.Locale saved = java.util.Locale.getDefault();
        try {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("tr-TR"));
            Run r = run(buildArgs(tmp));
            assertEquals(0, r.exit(), r.err());
            assertTrue(r.outLines().get(0).matches(".*; in \\d+\\.\\d{2} s\\."), r.out());
        } finally {
            java.util.Locale.setDefault(saved);
        }
    }
}
