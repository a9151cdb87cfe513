package dev.gazette.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Where a list page stands among its pages.
 *
 * @param current  the page number, from 1
 * @param total    the number of pages
 * @param previous the previous page's URL, or {@code null} on the first
 * @param next     the next page's URL, or {@code null} on the last
 * @param pages    the page bar: the first and last pages, the pages near the current one, and a gap
 *                 (a link with a {@code null} URL) wherever pages are skipped
 */
public record PagerView(int current, int total, String previous, String next, List<LinkView> pages) {

    /** Pages shown on each side of the current one. */
    static final int NEAR = 2;

    public PagerView {
        pages = List.copyOf(pages);
    }

    /**
     * The pager of page {@code current} of {@code total}. The bar holds a bounded number of links
     * whatever the list's length: an archive of 50,000 pages must not give every page 50,000 links.
     */
    public static PagerView of(int current, int total, IntFunction<String> urlOf) {
        List<LinkView> bar = new ArrayList<>(2 * NEAR + 5);
        int last = 0;
        for (int n : barPages(current, total)) {
            if (n > last + 1) {
                bar.add(new LinkView("…", null, 0));
            }
            bar.add(new LinkView(Integer.toString(n), urlOf.apply(n), 0));
            last = n;
        }
        return new PagerView(current, total, current > 1 ? urlOf.apply(current - 1) : null,
                current < total ? urlOf.apply(current + 1) : null, bar);
    }

    /** The page numbers in the bar, ascending. A gap of a single page shows that page instead. */
    static List<Integer> barPages(int current, int total) {
        List<Integer> numbers = new ArrayList<>();
        int from = Math.max(1, current - NEAR);
        int to = Math.min(total, current + NEAR);
        if (from == 3) {
            from = 1;
        }
        if (to == total - 2) {
            to = total;
        }
        if (from > 1) {
            numbers.add(1);
        }
        for (int n = from; n <= to; n++) {
            numbers.add(n);
        }
        if (to < total) {
            numbers.add(total);
        }
        return numbers;
    }
}
