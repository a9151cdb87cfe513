package dev.gazette.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MostReadTest {

    /** Three articles: positions 0, 1, 2 (newest first). */
    private static final Map<String, Integer> BY_URL = Map.of("politique/a/", 0, "sport/b/", 1, "culture/c/", 2);
    private static final Map<String, Integer> BY_SLUG = Map.of("a", 0, "b", 1, "c", 2);
    private static final Function<String, Optional<Integer>> RESOLVE =
            MostRead.resolver(BY_URL, s -> Optional.ofNullable(BY_SLUG.get(s)), "https://ex.ma/news/");

    @Test
    void slugsAndUrlsInAnyFormAreRankedByViews() {
        String csv = """
                page,vues
                b,100
                https://ex.ma/news/culture/c/index.html?utm_source=x,250
                /news/politique/a/#top,90
                "a","1,000"
                """;
        MostRead.Parsed parsed = MostRead.parse(csv, "most-read.csv");
        assertEquals(List.of(), parsed.problems());
        assertEquals(4, parsed.rows().size());
        MostRead.Ranking ranking = MostRead.rank(parsed.rows(), RESOLVE, 5, "most-read.csv");
        assertEquals(List.of(0, 2, 1), ranking.articles(), "a: 90 + 1,000 views");
        assertEquals(List.of(), ranking.problems());
    }

    @Test
    void semicolonsTabsHeadersInAnyOrderAndTies() {
        MostRead.Parsed parsed = MostRead.parse("\uFEFFviews;slug\r\n5;c\r\n5;b\r\n", "f.csv");
        assertEquals(List.of(1, 2), MostRead.rank(parsed.rows(), RESOLVE, 5, "f.csv").articles(), "a tie goes to the newer article");
        parsed = MostRead.parse("a\t7\nc\t9\n", "f.tsv");
        assertEquals(List.of(2), MostRead.rank(parsed.rows(), RESOLVE, 1, "f.tsv").articles());
    }

    @Test
    void unknownArticlesAndBadCountsAreWarningsNamingTheLine() {
        String csv = "slug,views\nnowhere,10\nb,lots\nonly-one-column\nc,3\n";
        MostRead.Parsed parsed = MostRead.parse(csv, "m.csv");
        assertEquals(2, parsed.problems().size());
        assertTrue(parsed.problems().stream().noneMatch(Problem::isError));
        assertEquals(3, parsed.problems().get(0).line());
        assertEquals(4, parsed.problems().get(1).line());
        MostRead.Ranking ranking = MostRead.rank(parsed.rows(), RESOLVE, 5, "m.csv");
        assertEquals(List.of(2), ranking.articles());
        assertEquals(1, ranking.problems().size());
        assertEquals(2, ranking.problems().get(0).line());
        assertTrue(ranking.problems().get(0).message().contains("`nowhere`"));
    }

    @Test
    void aFloodOfUnknownPagesIsSummedUp() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            csv.append("/page-").append(i).append("/,").append(i).append('\n');
        }
        MostRead.Ranking ranking = MostRead.rank(MostRead.parse(csv.toString(), "m.csv").rows(), RESOLVE, 5, "m.csv");
        assertEquals(MostRead.MAX_UNKNOWN_REPORTED + 1, ranking.problems().size());
        assertTrue(ranking.problems().get(MostRead.MAX_UNKNOWN_REPORTED).message().startsWith("40 more lines"));
    }

    @Test
    void viewCounts() {
        assertEquals(12500, MostRead.views("12 500"));
        assertEquals(12500, MostRead.views("12.500"));
        assertEquals(12500, MostRead.views("12\u202F500"));
        assertEquals(-1, MostRead.views("12.5"));
        assertEquals(-1, MostRead.views("-3"));
    }
}
