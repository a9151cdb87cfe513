package dev.gazette.intake;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gazette.fuzz.Fuzzer;
import dev.gazette.fuzz.Fuzzer.Input;
import dev.gazette.fuzz.Mutator;
import dev.gazette.intake.ImportReport.Outcome;
import dev.gazette.intake.ImportReport.Status;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.Problem;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the import: the saved-page fixtures, mutated by {@link Mutator}, imported one
 * by one into a fresh folder. Whatever the bytes: no exception; a page is imported or skipped
 * with an error naming it; what is written reads back as an article with the page's title and
 * slug; nothing is written but the article and its images; and the Markdown converter alone keeps
 * the words of every body it is given.
 */
class ImportFuzzTest {

    private static final Path PAGES = Path.of("src/test/resources/intake/pages");
    private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");
    private static final Importer.Settings SETTINGS = new Importer.Settings(ZONE, "fr", null);
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final Map<String, byte[]> SAMPLES = new TreeMap<>();

    @BeforeAll
    static void readSamples() throws IOException {
        try (Stream<Path> list = Files.list(PAGES)) {
            for (Path p : list.filter(p -> p.toString().endsWith(".html")).sorted().toList()) {
                SAMPLES.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        }
    }

    @Test
    void importingMutatedPages() throws IOException {
        List<String> names = List.copyOf(SAMPLES.keySet());
        List<byte[]> donors = List.copyOf(SAMPLES.values());
        // A case reads its page twice (the import, then this check) and the import reads its
        // Markdown back: a 400 KB page of nested tables takes jsoup 1 to 3 s per parse on a shared
        // machine, so the limit is higher than the readers' own fuzz test's 2 s.
        Fuzzer fuzzer = new Fuzzer("ImportFuzzTest#importingMutatedPages", 0x696d706f7274L, Fuzzer.cases(300, 1),
                Duration.ofSeconds(10), Duration.ofSeconds(5));
        Fuzzer.Report report = fuzzer.run(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String sample = names.get(random.nextInt(names.size()));
            Mutator mutator = new Mutator(random, donors);
            byte[] bytes = mutator.mutate(SAMPLES.get(sample));
            List<String> made = new ArrayList<>();
            made.add("sample " + sample);
            made.addAll(mutator.log());
            return Input.of(seed, sample, bytes, made);
        }, ImportFuzzTest::check);
        System.out.println(report.summary());
        if (!report.failures().isEmpty()) {
            fail(report.describe());
        }
    }

    static void check(Input input) {
        Map.Entry<String, byte[]> file = input.files().entrySet().iterator().next();
        Path tmp;
        try {
            tmp = Files.createTempDirectory("gazette-import-fuzz");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Path page = tmp.resolve("in").resolve(file.getKey());
            Files.createDirectories(page.getParent());
            Files.write(page, file.getValue());
            Path out = tmp.resolve("out");
            ImportReport report = Importer.run(List.of(page), out, SETTINGS);
            Fuzzer.require(report.outcomes().size() == 1, "one outcome per page", report::toString);
            Outcome o = report.outcomes().get(0);
            for (Problem p : o.problems()) {
                Fuzzer.require(p.file().equals(o.source()), "a problem does not name the page", p::describe);
            }
            if (o.status() == Status.SKIPPED) {
                Fuzzer.require(o.problems().stream().anyMatch(Problem::isError), "skipped without an error", o::toString);
                return;
            }
            ParsedSource read = SourceReader.parse(file.getKey(), file.getValue(), ParseContext.of(ZONE, "fr"));
            Path written = out.resolve(o.written());
            ParsedSource back = SourceReader.parse(o.written(), Files.readAllBytes(written), ParseContext.of(ZONE, "fr"));
            Fuzzer.require(back.article() != null, "the imported article does not read", back.problems()::toString);
            Fuzzer.require(back.article().title().equals(read.article().title()), "the title changed",
                    () -> back.article().title() + " / " + read.article().title());
            try (Stream<Path> walk = Files.walk(out)) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    String rel = out.relativize(p).toString().replace('\\', '/');
                    Fuzzer.require(rel.equals(o.written()) || rel.startsWith(SavedImages.FOLDER), "wrote something else", () -> rel);
                }
            }
            String body = read.article().bodyHtml();
            String md = HtmlToMarkdown.convert(body);
            Fuzzer.require(md.equals(HtmlToMarkdown.convert(body)), "the conversion is not deterministic", () -> md);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            try (Stream<Path> walk = Files.walk(tmp)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }
    }

    /** Words a body shows, for the converter's own round trip. */
    static String words(String html) {
        return Jsoup.parseBodyFragment(html).body().text().replaceAll("\\s+", " ").strip();
    }

    @Test
    void converterKeepsTheWordsOfFixtureBodies() throws IOException {
        for (Map.Entry<String, byte[]> e : SAMPLES.entrySet()) {
            ParsedSource read = SourceReader.parse(e.getKey(), e.getValue(), ParseContext.of(ZONE, "fr"));
            if (read.article() != null) {
                String body = read.article().bodyHtml();
                String back = MARKDOWN.toHtml(HtmlToMarkdown.convert(body));
                if (!words(back).equals(words(body))) {
                    fail(e.getKey() + ": " + words(body) + "\n!=\n" + words(back));
                }
            }
        }
    }
}
