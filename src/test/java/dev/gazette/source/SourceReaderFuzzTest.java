package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gazette.fuzz.Fuzzer;
import dev.gazette.fuzz.Fuzzer.Input;
import dev.gazette.fuzz.Mutator;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of the three source readers through {@link SourceReader#parse}: real samples
 * (the sample articles copied under {@code fuzz/site/articles} and the readers' fixtures),
 * mutated by {@link Mutator}. Whatever the bytes, a source must end as an article or as problems
 * naming its file: no exception, no error, no source dropped without a word.
 */
class SourceReaderFuzzTest {

    private static final ParseContext CTX = ParseContext.of(ZoneId.of("Africa/Casablanca"));
    private static final List<Path> SAMPLE_FOLDERS = List.of(Path.of("src/test/resources/fuzz/site/articles"),
            Path.of("src/test/resources/sources"));
    /** Folders the mutated bytes are read in: mostly none; the file name is sometimes one with no letter to make a slug of. */
    private static final List<String> FOLDERS = List.of("", "", "", "2025/09/", "é ü/", "_/");
    /**
     * Processor time a case may use: the slowest sound case takes about half a second (a long
     * HTML page), a reader gone quadratic takes many; a tighter limit makes each slow case cheap.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final Duration SHRINK_BUDGET = Duration.ofSeconds(5);

    /** Every sample by name, in name order. */
    private static final Map<String, byte[]> SAMPLES = new TreeMap<>();

    @BeforeAll
    static void readSamples() throws IOException {
        for (Path folder : SAMPLE_FOLDERS) {
            try (Stream<Path> walk = Files.walk(folder)) {
                for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                    if (SourceFinder.formatOf(p.getFileName().toString()).isPresent()) {
                        SAMPLES.putIfAbsent(p.getFileName().toString(), Files.readAllBytes(p));
                    }
                }
            }
        }
    }

    @Test
    void markdown() throws IOException {
        fuzz("markdown", 0x6d61726b646f776eL, SourceFormat.MARKDOWN, Fuzzer.cases(800, 1));
    }

    @Test
    void newsText() throws IOException {
        fuzz("newsText", 0x6e65777374657874L, SourceFormat.NEWS_TEXT, Fuzzer.cases(600, 1));
    }

    @Test
    void html() throws IOException {
        fuzz("html", 0x68746d6c70616765L, SourceFormat.HTML, Fuzzer.cases(700, 1));
    }

    private static void fuzz(String method, long baseSeed, SourceFormat format, int cases) throws IOException {
        List<String> names = SAMPLES.keySet().stream().filter(n -> SourceFinder.formatOf(n).orElseThrow() == format).toList();
        List<byte[]> donors = List.copyOf(SAMPLES.values());
        Fuzzer fuzzer = new Fuzzer(SourceReaderFuzzTest.class.getSimpleName() + "#" + method, baseSeed, cases, TIMEOUT, SHRINK_BUDGET);
        Fuzzer.Report report = fuzzer.run(seed -> {
            SplittableRandom random = new SplittableRandom(seed);
            String sample = names.get(random.nextInt(names.size()));
            String name = FOLDERS.get(random.nextInt(FOLDERS.size()))
                    + (random.nextInt(10) == 0 ? "-" + sample.substring(sample.lastIndexOf('.')) : sample);
            Mutator mutator = new Mutator(random, donors);
            byte[] bytes = mutator.mutate(SAMPLES.get(sample));
            List<String> made = new ArrayList<>();
            made.add("sample " + sample + " read as " + name);
            made.addAll(mutator.log());
            return Input.of(seed, name, bytes, made);
        }, SourceReaderFuzzTest::check);
        System.out.println(report.summary());
        if (!report.failures().isEmpty()) {
            fail(report.describe());
        }
    }

    /** Parses the one file of {@code input} and checks what came back. */
    static void check(Input input) {
        Map.Entry<String, byte[]> file = input.files().entrySet().iterator().next();
        String name = file.getKey();
        ParsedSource parsed = SourceReader.parse(name, file.getValue(), CTX);
        Fuzzer.require(parsed != null, "parse returned null", () -> name);
        List<Problem> problems = parsed.problems();
        for (Problem p : problems) {
            Fuzzer.require(name.equals(p.file()), "a problem does not name the file", p::describe);
            Fuzzer.require(!p.message().isBlank(), "a problem has no message", p::describe);
            Fuzzer.require(p.line() >= 0, "a problem has a negative line", p::describe);
            p.describe(); // what the terminal shows must not throw either
        }
        Article a = parsed.article();
        boolean errors = problems.stream().anyMatch(Problem::isError);
        Fuzzer.require(a != null || errors, "no article and no error: the source was dropped silently", problems::toString);
        Fuzzer.require(a == null || !errors, "an article despite an error", problems::toString);
        if (a != null) {
            Fuzzer.require(name.equals(a.source()), "the article does not name its file", a::source);
            Fuzzer.require(!a.title().isBlank(), "the article has a blank title", a::toString);
            Fuzzer.require(Slugs.isValid(a.slug()),
                    "the article's slug is not a clean URL segment", a::slug);
        }
    }
}
