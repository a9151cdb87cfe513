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
 * @param author  the author pages, e.g. {@code auteurs/{slug}/}
 */
public record Permalinks(String article, String tag, String rubric, String author) {

    /** The author pages of a French (or any non-English) site. */
    public static final String AUTHOR_FR = "auteurs/{slug}/";
    /** The author pages of an English site. */
    public static final String AUTHOR_EN = "authors/{slug}/";

    public Permalinks {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(tag, "tag");
        Objects.requireNonNull(rubric, "rubric");
        Objects.requireNonNull(author, "author");
    }

    /** Patterns with the French author pages ({@code auteurs/{slug}/}). */
    public Permalinks(String article, String tag, String rubric) {
        this(article, tag, rubric, AUTHOR_FR);
    }

    public static Permalinks defaults() {
        return new Permalinks("{rubric}/{slug}/", "tags/{slug}/", "rubriques/{slug}/");
    }

    /** The default author pattern for a site in {@code language}: readers of an English site read {@code authors/}. */
    public static String defaultAuthor(String language) {
        return language.toLowerCase(java.util.Locale.ROOT).startsWith("en") ? AUTHOR_EN : AUTHOR_FR;
    }
}
