package dev.gazette.render;

import java.util.List;

/**
 * Where a list page stands among its pages.
 *
 * @param current  the page number, from 1
 * @param total    the number of pages
 * @param previous the previous page's URL, or {@code null} on the first
 * @param next     the next page's URL, or {@code null} on the last
 * @param pages    every page's link (name is the number), for a page bar
 */
public record PagerView(int current, int total, String previous, String next, List<LinkView> pages) {

    public PagerView {
        pages = List.copyOf(pages);
    }
}
