package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PagerViewTest {

    private static List<Integer> list(String numbers) {
        return java.util.Arrays.stream(numbers.split(" ")).map(Integer::valueOf).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1|1|1",
            "1|2|1 2",
            "2|2|1 2",
            "1|5|1 2 3 4 5",
            "3|5|1 2 3 4 5",
            "1|6|1 2 3 6",
            "1|10|1 2 3 10",
            "4|10|1 2 3 4 5 6 10",
            "5|10|1 2 3 4 5 6 7 10",
            "6|10|1 4 5 6 7 8 9 10",
            "7|10|1 5 6 7 8 9 10",
            "10|10|1 8 9 10",
            "25000|50000|1 24998 24999 25000 25001 25002 50000",
    })
    void barPages(int current, int total, String expected) {
        assertEquals(list(expected), PagerView.barPages(current, total));
    }

    @Test
    void barPagesAlwaysHoldTheEndsAndTheNeighboursWithoutOnePageGaps() {
        for (int total = 1; total <= 60; total++) {
            for (int current = 1; current <= total; current++) {
                List<Integer> bar = PagerView.barPages(current, total);
                String where = current + "/" + total + ": " + bar;
                assertEquals(1, bar.get(0), where);
                assertEquals(total, bar.get(bar.size() - 1), where);
                for (int n = Math.max(1, current - PagerView.NEAR); n <= Math.min(total, current + PagerView.NEAR); n++) {
                    assertTrue(bar.contains(n), where);
                }
                for (int i = 1; i < bar.size(); i++) {
                    int step = bar.get(i) - bar.get(i - 1);
                    assertTrue(step == 1 || step >= 3, "ascending, and never a gap hiding a single page: " + where);
                }
                assertTrue(bar.size() <= 2 * PagerView.NEAR + 5, where);
            }
        }
    }

    @Test
    void theBarOfAHugeListStaysSmall() {
        for (int current : new int[] {1, 2, 3, 4, 5, 24_999, 49_996, 49_997, 49_998, 50_000}) {
            PagerView pager = PagerView.of(current, 50_000, n -> "archives/page/" + n + "/");
            assertTrue(pager.pages().size() <= 2 * PagerView.NEAR + 5 + 2, current + ": " + pager.pages().size());
        }
    }

    @Test
    void ofGivesLinksGapsPreviousAndNext() {
        PagerView pager = PagerView.of(6, 10, n -> SiteUrls.paged("tags/maroc/", n));
        assertEquals(6, pager.current());
        assertEquals(10, pager.total());
        assertEquals("tags/maroc/page/5/", pager.previous());
        assertEquals("tags/maroc/page/7/", pager.next());
        assertEquals(List.of("1", "…", "4", "5", "6", "7", "8", "9", "10"), pager.pages().stream().map(LinkView::name).toList());
        assertEquals("tags/maroc/", pager.pages().get(0).url());
        assertNull(pager.pages().get(1).url(), "a gap has no link");
        assertEquals("tags/maroc/page/10/", pager.pages().get(8).url());
    }

    @Test
    void firstAndLastPagesHaveNoPreviousOrNext() {
        PagerView first = PagerView.of(1, 3, n -> "p" + n);
        assertNull(first.previous());
        assertEquals("p2", first.next());
        PagerView last = PagerView.of(3, 3, n -> "p" + n);
        assertEquals("p2", last.previous());
        assertNull(last.next());
        PagerView only = PagerView.of(1, 1, n -> "p" + n);
        assertNull(only.previous());
        assertNull(only.next());
        assertEquals(1, only.pages().size());
    }
}
