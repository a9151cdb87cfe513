package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same sources give the same bytes whatever the number of threads: parsing, text analysis,
 * the related index and rendering all run in parallel, and their results must not depend on which
 * thread got which article first (term ids, sums, tie-breaks).
 */
class ParallelDeterminismTest {

    private static final String[] TOPICS = {
        "diplomatie ministre entretien homologue coopération ambassade accord",
        "football match équipe but victoire entraîneur championnat",
        "énergie hydrogène gazoduc production investissement centrale",
        "budget finances dette recettes impôts loi croissance",
        "culture festival musique artistes exposition théâtre cinéma",
    };
    private static final String[] RUBRICS = {"Politique", "Sport", "Économie", "Économie", "Culture"};

    /** A corpus of {@code n} articles on a few topics, some without tags, words drawn with a fixed seed. */
    private static void corpus(Path articles, int n) throws IOException {
        Random random = new Random(42);
        Files.createDirectories(articles);
        for (int i = 0; i < n; i++) {
            int topic = i % TOPICS.length;
            String[] words = TOPICS[topic].split(" ");
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 3; p++) {
                for (int w = 0; w < 40; w++) {
                    body.append(random.nextInt(3) == 0 ? words[random.nextInt(words.length)] : "mot" + random.nextInt(400)).append(' ');
                }
                body.append("\n\n");
            }
            String tags = i % 3 == 0 ? "" : "tags: [" + words[i % words.length] + ", " + words[(i + 1) % words.length] + "]\n";
            Files.writeString(articles.resolve(String.format("a%03d.md", i)), "---\ntitle: " + words[i % words.length] + " numéro " + i
                    + "\ndate: 2025-0" + (1 + i % 9) + "-" + String.format("%02d", 1 + i % 28) + "T10:00:00+01:00\ncategory: "
                    + RUBRICS[topic] + "\n" + tags + "---\n" + body);
        }
    }

    @Test
    void oneThreadAndFourThreadsWriteTheSameSite(@TempDir Path tmp) throws IOException {
        Path articles = tmp.resolve("articles");
        corpus(articles, 240);
        Instant now = Instant.parse("2025-12-31T00:00:00Z");
        BuildReport one = SiteBuilder.build(new BuildOptions(articles, tmp.resolve("no-templates"), tmp.resolve("one"), null,
                "https://example.org/", false, false, now, 1));
        BuildReport four = SiteBuilder.build(new BuildOptions(articles, tmp.resolve("no-templates"), tmp.resolve("four"), null,
                "https://example.org/", false, false, now, 4));
        assertTrue(one.succeeded(), one.problems()::toString);
        assertTrue(four.succeeded(), four.problems()::toString);
        assertEquals(240, one.articles());
        List<Path> files = SiteBuilderTest.filesUnder(tmp.resolve("one"), "");
        assertEquals(files.stream().map(p -> tmp.resolve("one").relativize(p)).toList(),
                SiteBuilderTest.filesUnder(tmp.resolve("four"), "").stream().map(p -> tmp.resolve("four").relativize(p)).toList());
        for (Path file : files) {
            Path twin = tmp.resolve("four").resolve(tmp.resolve("one").relativize(file));
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(twin), file.toString());
        }
        assertTrue(files.size() > 500, "a site worth comparing: " + files.size() + " files");
    }
}
