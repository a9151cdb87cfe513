package dev.gazette.render;

import java.util.List;

/**
 * What the search page's form offers, beside the site's view: the filters' choices that every
 * result set shares (the tags offered are those of the results, which the page's script reads).
 *
 * @param index   the search index's folder, relative to the site's root
 * @param rubrics the rubrics, by slug (the value a filter sends) and name
 * @param years   the years that have articles, newest first
 */
public record SearchView(String index, List<Option> rubrics, List<String> years) {

    /** A choice of a filter: the value sent, the label shown. */
    public record Option(String value, String label) {
    }

    public SearchView {
        rubrics = List.copyOf(rubrics);
        years = List.copyOf(years);
    }
}
