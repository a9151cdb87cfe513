package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.gazette.fuzz.Fuzzer;
import dev.gazette.fuzz.Fuzzer.Input;
import dev.gazette.fuzz.Mutator;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded fuzzing of whole builds: the fixture site under {@code fuzz/site} (sample articles in the
 * three formats, their images, {@code site.yml}, the most-read file) with one or two articles and
 * maybe the configuration mutated, built over a previous output in a folder of its own. Whatever
 * the sources, the build returns a report, writes nothing outside its output folder, and when it
 * fails leaves the previous site byte for byte as it was.
 */
class BuildFuzzTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fuzz/site");
    private static final String CONFIG = "site.yml";
    private static final int CASES = Fuzzer.cases(60, 20);
    private static final int MAX_FILE = 32 * 1024;
    /**
     * Not a file of the site: the build's flags, kept with the files so that a case is its input
     * alone (and shrinking may drop them).
     */
    private static final String FLAGS = "(build flags)";

    @TempDir
    static Path tmp;

    /** The fixture's files by path relative to the site's folder. */
    private static final Map<String, byte[]> PRISTINE = new TreeMap<>();
    /** The fixture site as built, the previous output of every case. */
    private static Map<String, byte[]> previousOutput;

    @BeforeAll
    static void buildTheFixtureOnce() throws IOException {
        try (Stream<Path> walk = Files.walk(FIXTURE)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                PRISTINE.put(FIXTURE.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        FixtureSite site = site(Files.createDirectory(tmp.resolve("pristine")), PRISTINE);
        BuildReport report = SiteBuilder.build(new BuildOptions(site.articles, site.root.resolve("templates"), site.out,
                site.root.resolve(CONFIG), null, false, false, FixtureSite.NOW, 2));
        assertTrue(report.succeeded(), () -> "the fixture site must build: " + report.problems());
        previousOutput = site.output();
    }

    @Test
    void mutatedSites() throws IOException {
        List<String> articles = PRISTINE.keySet().stream()
                .filter(n -> n.startsWith("articles/") && n.matches(".*\\.(md|txt|html)")).toList();
        List<byte[]> donors = PRISTINE.entrySet().stream().filter(e -> articles.contains(e.getKey()) || e.getKey().equals(CONFIG))
                .map(Map.Entry::getValue).toList();
        Fuzzer fuzzer = new Fuzzer(BuildFuzzTest.class.getSimpleName() + "#mutatedSites", 0x6275696c64736974L, CASES,
                Duration.ofSeconds(20), Duration.ofSeconds(15));
        Fuzzer.Report report = fuzzer.run(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            Set<String> targets = new LinkedHashSet<>();
            if (random.nextBoolean()) {
                targets.add(CONFIG);
            }
            int count = 1 + (random.nextInt(3) == 0 ? 1 : 0);
            for (int i = 0; i < count; i++) {
                targets.add(articles.get(random.nextInt(articles.size())));
            }
            Map<String, byte[]> files = new LinkedHashMap<>(PRISTINE);
            List<String> made = new ArrayList<>();
            // Publishing drafts and future articles too, sometimes: far dates then reach the pages.
            boolean drafts = random.nextInt(3) == 0;
            boolean future = random.nextInt(3) == 0;
            if (drafts || future) {
                files.put(FLAGS, ((drafts ? "--drafts\n" : "") + (future ? "--future\n" : "")).getBytes(StandardCharsets.UTF_8));
                made.add("build with" + (drafts ? " --drafts" : "") + (future ? " --future" : ""));
            }
            for (String target : targets) {
                Mutator mutator = new Mutator(random, donors);
                boolean gentle = random.nextBoolean();
                byte[] bytes = gentle ? mutator.mutateValues(PRISTINE.get(target)) : mutator.mutate(PRISTINE.get(target));
                mutator.log().forEach(m -> made.add(target + ": " + m));
                if (bytes.length > MAX_FILE) {
                    // The readers' own fuzz tests try the big inputs; here they would only make builds slow.
                    bytes = Arrays.copyOf(bytes, MAX_FILE);
                    made.add(target + ": truncate to " + MAX_FILE + " bytes");
                }
                files.put(target, bytes);
            }
            if (files.containsKey(FLAGS)) {
                targets.add(FLAGS);
            }
            return new Input(seed, files, targets, made);
        }, BuildFuzzTest::check);
        System.out.println(report.summary());
        if (!report.failures().isEmpty()) {
            fail(report.describe());
        }
    }

    /** Builds the site of {@code input} in a folder of its own, over the previous output, and checks what the build did. */
    static void check(Input input) throws IOException {
        Path dir = Files.createTempDirectory(tmp, "case-");
        try {
            Map<String, byte[]> files = new LinkedHashMap<>(input.files());
            String flags = files.containsKey(FLAGS) ? new String(files.remove(FLAGS), StandardCharsets.UTF_8) : "";
            FixtureSite site = site(dir, files);
            for (Map.Entry<String, byte[]> page : previousOutput.entrySet()) {
                Path file = site.out.resolve(page.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, page.getValue());
            }
            Map<String, String> outside = outsideOutput(site);
            Map<String, byte[]> before = site.output();

            BuildReport report = SiteBuilder.build(new BuildOptions(site.articles, site.root.resolve("templates"), site.out,
                    files.containsKey(CONFIG) ? site.root.resolve(CONFIG) : null, null, flags.contains("--drafts"),
                    flags.contains("--future"), FixtureSite.NOW, 2));

            Fuzzer.require(report != null, "the build returned no report", () -> "");
            Map<String, String> after = outsideOutput(site);
            Fuzzer.require(after.equals(outside), "the build wrote, or left, something outside its output folder",
                    () -> difference(outside, after));
            List<String> leftovers = leftovers(site);
            Fuzzer.require(leftovers.isEmpty(), "the build left its staging folder behind", leftovers::toString);
            List<Problem> errors = report.problems().stream().filter(Problem::isError).toList();
            if (report.succeeded()) {
                Fuzzer.require(errors.isEmpty(), "a build that succeeded reports errors", errors::toString);
                Fuzzer.require(Files.isDirectory(site.out), "a build that succeeded has no output folder", () -> "");
            } else {
                Fuzzer.require(!errors.isEmpty(), "a build that failed reports no error", report.problems()::toString);
                Map<String, byte[]> now = site.output();
                Fuzzer.require(now.keySet().equals(before.keySet()) && before.entrySet().stream()
                                .allMatch(e -> Arrays.equals(e.getValue(), now.get(e.getKey()))),
                        "a build that failed changed the previous output", () -> difference(digest(before), digest(now)));
            }
        } finally {
            deleteTree(dir);
        }
    }

    /** A fixture site in {@code dir} holding {@code files}. */
    private static FixtureSite site(Path dir, Map<String, byte[]> files) throws IOException {
        FixtureSite site = new FixtureSite(dir);
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path file = site.root.resolve(f.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, f.getValue());
        }
        return site;
    }

    /**
     * Every entry of the case's folder but the output folder and its hidden siblings
     * ({@code .site-out.*}, the build's staging and set-aside folders): a file's size and
     * modification time, a folder or a link as such.
     */
    private static Map<String, String> outsideOutput(FixtureSite site) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        String hidden = "." + site.out.getFileName() + ".";
        Files.walkFileTree(site.tmp, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                if (dir.equals(site.out) || isHiddenSibling(dir)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                entries.put(site.tmp.relativize(dir) + "/", "folder");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (!isHiddenSibling(file)) {
                    entries.put(site.tmp.relativize(file).toString(), attrs.isSymbolicLink() ? "link"
                            : attrs.size() + " bytes, modified " + attrs.lastModifiedTime().toInstant());
                }
                return FileVisitResult.CONTINUE;
            }

            private boolean isHiddenSibling(Path p) {
                return site.out.getParent().equals(p.getParent()) && p.getFileName().toString().startsWith(hidden);
            }
        });
        return entries;
    }

    /** The build's staging folders still beside the output folder. */
    private static List<String> leftovers(FixtureSite site) throws IOException {
        String staging = "." + site.out.getFileName() + ".building-";
        try (Stream<Path> siblings = Files.list(site.out.getParent())) {
            return siblings.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(staging)).sorted().toList();
        }
    }

    private static Map<String, String> digest(Map<String, byte[]> files) {
        Map<String, String> out = new TreeMap<>();
        files.forEach((k, v) -> out.put(k, v.length + " bytes, hash " + Arrays.hashCode(v)));
        return out;
    }

    /** The entries added, removed and changed, for the failure message. */
    private static String difference(Map<String, String> before, Map<String, String> after) {
        List<String> lines = new ArrayList<>();
        before.forEach((k, v) -> {
            if (!after.containsKey(k)) {
                lines.add("removed " + k);
            } else if (!after.get(k).equals(v)) {
                lines.add("changed " + k + " (" + v + " → " + after.get(k) + ")");
            }
        });
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(k -> lines.add("added " + k));
        return String.join("; ", lines.subList(0, Math.min(lines.size(), 10))) + (lines.size() > 10 ? "; …" : "");
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
