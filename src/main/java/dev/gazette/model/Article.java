package dev.gazette.model;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One article, whatever format it was read from. Pure data: parsing fills it once, later steps
 * only read it.
 *
 * @param source        the source file, relative to the source folder, with {@code /} separators;
 *                      the key used in messages
 * @param format        the format it was read from
 * @param slug          the URL-safe name, unique in a site
 * @param title         the headline, plain text
 * @param date          the publication time, in the site's time zone
 * @param updated       the last update time, or {@code null}
 * @param rubric        the rubric (category), or {@code null} when the source names none
 * @param tags          the tags, as written (deduplicated by their slug)
 * @param authors       the authors, in byline order
 * @param lead          the lead paragraph (chapô), plain text, may be empty
 * @param body          the body, sanitized HTML (held in memory, or kept in the build's file of bodies)
 * @param image         the main image, a path relative to the article's own folder (as the README tells
 *                      editors to write it) or an absolute URL; or {@code null}
 * @param caption       the image caption, plain text, may be empty
 * @param draft         whether the article is a draft
 * @param language      the article's language (BCP 47), or {@code null} for the site's
 * @param pinnedSlugs   related articles the editor pinned, by slug
 * @param relatedTitles related articles the source names by title only (editor hints)
 * @param aliases       the article's old addresses that must lead to it, as the editor wrote them
 *                      (site-relative paths such as {@code /politique/ancien-titre/}, or absolute URLs)
 * @param legacySlug    the slug Gazette gave this article's title before stop words were left out
 *                      ({@link Slugs#legacyOfTitle}), when its slug comes from its title and differs;
 *                      else {@code null}. Its old URL is redirected to the new one.
 * @param featured      0 when the editor did not feature the article; else its weight (front matter
 *                      {@code featured: true} is 1, {@code featured: 5} is 5): the newest featured article
 *                      leads the home page, ties going to the higher weight
 * @param dateOnly      whether the source gave the publication day without a time ({@code 2025-09-09}):
 *                      the time is then midnight, and pages do not show it
 */
public record Article(
        String source,
        SourceFormat format,
        String slug,
        String title,
        ZonedDateTime date,
        ZonedDateTime updated,
        Term rubric,
        List<Term> tags,
        List<String> authors,
        String lead,
        Body body,
        String image,
        String caption,
        boolean draft,
        String language,
        List<String> pinnedSlugs,
        List<String> relatedTitles,
        List<String> aliases,
        String legacySlug,
        int featured,
        boolean dateOnly) {

    public Article {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(date, "date");
        tags = List.copyOf(tags);
        authors = List.copyOf(authors);
        lead = lead == null ? "" : lead;
        body = body == null ? Body.EMPTY : body;
        caption = caption == null ? "" : caption;
        pinnedSlugs = List.copyOf(pinnedSlugs);
        relatedTitles = List.copyOf(relatedTitles);
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        legacySlug = legacySlug == null || legacySlug.equals(slug) ? null : legacySlug;
        if (featured < 0) {
            throw new IllegalArgumentException("featured must be 0 or more: " + featured);
        }
    }

    /** An article with no old addresses, not featured, whose date has a time. */
    public Article(String source, SourceFormat format, String slug, String title, ZonedDateTime date, ZonedDateTime updated,
            Term rubric, List<Term> tags, List<String> authors, String lead, String bodyHtml, String image, String caption,
            boolean draft, String language, List<String> pinnedSlugs, List<String> relatedTitles) {
        this(source, format, slug, title, date, updated, rubric, tags, authors, lead, Body.of(bodyHtml), image, caption, draft,
                language, pinnedSlugs, relatedTitles, List.of(), null, 0, false);
    }

    /** An article not featured, whose date has a time. */
    public Article(String source, SourceFormat format, String slug, String title, ZonedDateTime date, ZonedDateTime updated,
            Term rubric, List<Term> tags, List<String> authors, String lead, String bodyHtml, String image, String caption,
            boolean draft, String language, List<String> pinnedSlugs, List<String> relatedTitles, List<String> aliases,
            String legacySlug) {
        this(source, format, slug, title, date, updated, rubric, tags, authors, lead, Body.of(bodyHtml), image, caption, draft,
                language, pinnedSlugs, relatedTitles, aliases, legacySlug, 0, false);
    }

    /** The same article with another body (its images published, their URLs rewritten for its page). */
    public Article withBody(String html) {
        return withBody(Body.of(html));
    }

    /** The same article with another body, or the same body kept elsewhere (in the build's file of bodies). */
    public Article withBody(Body other) {
        return new Article(source, format, slug, title, date, updated, rubric, tags, authors, lead, other, image, caption, draft,
                language, pinnedSlugs, relatedTitles, aliases, legacySlug, featured, dateOnly);
    }

    /** The body's sanitized HTML; read from the build's file of bodies when kept there: ask once per use. */
    public String bodyHtml() {
        return body.html();
    }

    /** The same article with another main image (a picture found beside a plain-text article). */
    public Article withImage(String image) {
        return new Article(source, format, slug, title, date, updated, rubric, tags, authors, lead, body, image, caption, draft,
                language, pinnedSlugs, relatedTitles, aliases, legacySlug, featured, dateOnly);
    }

    /**
     * The same article with its rubric, tags and authors replaced by equal instances from
     * {@code terms} and {@code names}: an archive's articles then share one copy of each tag
     * instead of one per article (a tenth of what 10^5 articles hold once their bodies are kept aside).
     */
    public Article withSharedTerms(java.util.function.UnaryOperator<Term> terms, java.util.function.UnaryOperator<String> names) {
        return new Article(source, format, slug, title, date, updated, rubric == null ? null : terms.apply(rubric),
                tags.stream().map(terms).toList(), authors.stream().map(names).toList(), lead, body, image, caption, draft,
                language, pinnedSlugs, relatedTitles, aliases, legacySlug, featured, dateOnly);
    }

    /** The same article at its slug under the old rule ({@link #legacySlug()}), which it then no longer redirects from. */
    public Article withLegacySlug() {
        return legacySlug == null ? this : new Article(source, format, legacySlug, title, date, updated, rubric, tags, authors, lead,
                body, image, caption, draft, language, pinnedSlugs, relatedTitles, aliases, null, featured, dateOnly);
    }

    /**
     * The authors as terms, keyed like tags ("Salma Benali" and "salma benali" are one author),
     * in byline order; a name without a letter or digit, and a name repeated, are left out. Their
     * slugs follow the site's {@code rule}, as its tags' do.
     */
    public List<Term> authorTerms(SlugRule rule) {
        List<Term> terms = new java.util.ArrayList<>(authors.size());
        for (String name : authors) {
            Term t = Term.of(name, rule);
            if (!t.slug().isEmpty() && !terms.contains(t)) {
                terms.add(t);
            }
        }
        return terms;
    }

    /** The time of the last change: {@link #updated()} when set, else {@link #date()}. */
    public ZonedDateTime lastModified() {
        return updated != null && updated.isAfter(date) ? updated : date;
    }
}
