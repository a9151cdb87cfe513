package dev.gazette.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.related.TextAnalyzer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The search page's analyzer (analyzer.js, run by Node) gives a word list the terms the build
 * gives it ({@link TextAnalyzer}): otherwise a query would look for terms the index does not hold.
 * The list is a file of hard cases (elisions, plurals, accents, Porter's examples) and, for French,
 * every line of the sample site's articles. Skipped without Node, unless the browser tests are
 * required (CI).
 */
class AnalyzerParityTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"fr", "en", "ar"})
    void browserTermsAreTheBuildTerms(String language) throws Exception {
        requireNode();
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("src/test/resources/search/words-" + language + ".txt")));
        if (language.equals("fr")) {
            try (Stream<Path> files = Files.list(Path.of("articles"))) {
                // The sources, not the pictures beside them.
                for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".md") || f.toString().endsWith(".txt")).sorted().toList()) {
                    Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(lines::add);
                }
            }
        }
        TextAnalyzer analyzer = new TextAnalyzer();
        StringBuilder input = new StringBuilder("{\"language\":").append(JsonText.quote(language)).append(",\"data\":{\"stop\":")
                .append(JsonText.array(TextAnalyzer.stopWords(language))).append(",\"elisions\":")
                .append(JsonText.array(TextAnalyzer.elisions(language))).append("},\"lines\":").append(JsonText.array(lines)).append("}");
        Path file = Files.writeString(dir.resolve("input.json"), input);
        List<String> browser = node(file);
        assertEquals(lines.size(), browser.size(), "one output line per input line");
        List<String> differences = new ArrayList<>();
        int terms = 0;
        for (int i = 0; i < lines.size(); i++) {
            List<String> java = SearchIndex.terms(lines.get(i), language, analyzer);
            terms += java.size();
            String expected = String.join(" ", java);
            if (!expected.equals(browser.get(i))) {
                differences.add("«" + lines.get(i) + "»\n  Java: " + expected + "\n  JS:   " + browser.get(i));
            }
        }
        assertTrue(terms > 50, "the list has words: " + terms);
        assertTrue(differences.isEmpty(), differences.size() + " of " + lines.size() + " lines differ:\n" + String.join("\n", differences.subList(0, Math.min(20, differences.size()))));
    }

    private static void requireNode() {
        boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, "node")));
        if (!found) {
            if ("required".equals(System.getenv("GAZETTE_BROWSER_TESTS"))) {
                throw new AssertionError("the analyzer parity test needs Node.js: install it (Debian: apt-get install nodejs)");
            }
            Assumptions.abort("Node.js is not installed: the browser's analyzer is not compared");
        }
    }

    private List<String> node(Path input) throws IOException, InterruptedException {
        Path out = dir.resolve("out.txt");
        Process p = new ProcessBuilder("node", "src/test/search/parity.mjs", input.toString()).redirectErrorStream(false)
                .redirectOutput(out.toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("node took more than 2 minutes");
        }
        assertEquals(0, p.exitValue(), () -> "node failed: " + read(dir.resolve("err.txt")));
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        return lines;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
