package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** List pagination counted from the oldest article: a new article changes the first page only. */
class ListPagesTest {

    /** The articles of each page, by their rank from the oldest (0 is the oldest). */
    private static List<List<Integer>> pages(int count, int size) {
        List<List<Integer>> out = new ArrayList<>();
        for (int p = 1; p <= SitePlanner.listPages(count, size); p++) {
            List<Integer> page = new ArrayList<>();
            for (int k = SitePlanner.pageStart(p, count, size); k < SitePlanner.pageStart(p + 1, count, size); k++) {
                page.add(count - 1 - k);
            }
            out.add(page);
        }
        return out;
    }

    @Test
    void everyArticleIsOnExactlyOnePageInOrder() {
        for (int size = 1; size <= 7; size++) {
            for (int count = 0; count <= 60; count++) {
                List<Integer> all = new ArrayList<>();
                pages(count, size).forEach(all::addAll);
                List<Integer> expected = new ArrayList<>();
                for (int r = count - 1; r >= 0; r--) {
                    expected.add(r);
                }
                assertEquals(expected, all, count + " articles, " + size + " a page");
            }
        }
    }

    @Test
    void theFirstPageHoldsOneToTwoPagesWorthAndTheOthersExactlyOne() {
        assertEquals(List.of(List.of(2, 1, 0)), pages(3, 2), "shorter than two pages: one page");
        assertEquals(List.of(List.of(3, 2), List.of(1, 0)), pages(4, 2));
        assertEquals(List.of(List.of(4, 3, 2), List.of(1, 0)), pages(5, 2));
        assertEquals(List.of(List.of()), pages(0, 20), "an empty list still has its page");
        for (int count = 40; count <= 200; count++) {
            List<List<Integer>> pages = pages(count, 20);
            assertTrue(pages.get(0).size() >= 20 && pages.get(0).size() < 40, "first page of " + count);
            for (int p = 1; p < pages.size(); p++) {
                assertEquals(20, pages.get(p).size(), "page " + (p + 1) + " of " + count);
            }
        }
    }

    @Test
    void aNewArticleLeavesEveryPageButTheFirstAsItWasUntilAPageIsAdded() {
        int size = 20;
        int changedOthers = 0;
        for (int count = 40; count < 400; count++) {
            List<List<Integer>> before = pages(count, size);
            List<List<Integer>> after = pages(count + 1, size);
            if (before.size() == after.size()) {
                assertEquals(before.subList(1, before.size()), after.subList(1, after.size()), "publishing the article " + (count + 1));
            } else {
                changedOthers++;
            }
        }
        assertEquals(18, changedOthers, "a page is added once every 20 articles, between 40 and 400");
    }
}
