package dev.gazette.config;

import java.util.Objects;

/**
 * URL patterns, relative to the site's root, of the pages that have one per article or per term.
 * Placeholders: {@code {slug}}, {@code {rubric}} (the rubric's slug, or {@code non-classe}),
 * {@code {year}}, {@code {month}}, {@code {day}} (articles only). Every pattern names a folder: the
 * page is its {@code index.html}, so URLs stay clean.
 *
 * @param article the article pages, e.g. {@code {rubric}/{slug}/}
 * @param tag     the tag pages, e.g. {@code tags/{slug}/}
 * @param rubric  the rubric pages, e.g. {@code rubriques/{slug}/}
 */
public record Permalinks(String article, String tag, String rubric) {

    public Permalinks {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(rubric, "rubric");
    }

    public static Permalinks defaults() {
        return new Permalinks("{rubric}/{slug}/", "tags/{slug}/", "rubriques/{slug}/");
    }
}
