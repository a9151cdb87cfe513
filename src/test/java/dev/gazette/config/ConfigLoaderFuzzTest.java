package dev.gazette.config;

import static org.junit.jupiter.api.Assertions.fail;

import dev.gazette.fuzz.Fuzzer;
import dev.gazette.fuzz.Fuzzer.Input;
import dev.gazette.fuzz.Mutator;
import dev.gazette.fuzz.Texts;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of {@link ConfigLoader#parse} with mutations of the sample {@code site.yml}
 * (pieces of articles' front matter spliced in too). The text is decoded leniently, so lone
 * surrogates reach the parser. Whatever the text, the loader returns a configuration and
 * problems naming the file, never an exception.
 */
class ConfigLoaderFuzzTest {

    private static final String NAME = "site.yml";
    private static final Path SAMPLE = Path.of("src/test/resources/fuzz/site/site.yml");
    private static final List<Path> DONORS = List.of(SAMPLE,
            Path.of("src/test/resources/fuzz/site/articles/2025-09-05-maroc-russie-partenariats.md"),
            Path.of("src/test/resources/fuzz/site/articles/2025-08-31-chan-2024-maroc-sacre.md"));
    private static final int CASES = Fuzzer.cases(800, 1);

    @Test
    void siteYml() throws IOException {
        byte[] sample = Files.readAllBytes(SAMPLE);
        List<byte[]> donors = new ArrayList<>();
        for (Path p : DONORS) {
            donors.add(Files.readAllBytes(p));
        }
        Fuzzer fuzzer = new Fuzzer(ConfigLoaderFuzzTest.class.getSimpleName() + "#siteYml", 0x736974652e796d6cL, CASES,
                Duration.ofSeconds(2), Duration.ofSeconds(5));
        Fuzzer.Report report = fuzzer.run(seed -> {
            Mutator mutator = new Mutator(new SplittableRandom(seed), donors);
            byte[] bytes = mutator.mutate(sample);
            return Input.of(seed, NAME, bytes, mutator.log());
        }, ConfigLoaderFuzzTest::check);
        System.out.println(report.summary());
        if (!report.failures().isEmpty()) {
            fail(report.describe());
        }
    }

    static void check(Input input) {
        String text = Texts.lenientUtf8(input.files().get(NAME));
        ConfigLoader.Result result = ConfigLoader.parse(text, NAME);
        Fuzzer.require(result != null, "parse returned null", () -> "");
        Fuzzer.require(result.config() != null, "no configuration, not even the defaults", result.problems()::toString);
        for (Problem p : result.problems()) {
            Fuzzer.require(NAME.equals(p.file()), "a problem does not name the file", p::describe);
            Fuzzer.require(!p.message().isBlank(), "a problem has no message", p::describe);
            p.describe();
        }
        SiteConfig config = result.config();
        // What every build asks of the configuration first must work on whatever came back.
        config.locale();
        config.permalinks();
        if (result.ok()) {
            Fuzzer.require(config.baseUrl().isEmpty() || ConfigLoader.checkBaseUrl(config.baseUrl()) == null,
                    "an accepted baseUrl that is not a base URL", config::baseUrl);
        }
    }
}
