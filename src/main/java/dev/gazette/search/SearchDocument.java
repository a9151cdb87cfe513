package dev.gazette.search;

import dev.gazette.model.ArticleId;
import dev.gazette.related.RelatedIndex;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * One article as the search index sees it: what is analysed, and what a result shows.
 *
 * @param id        the article's stable id (its key in the index derives from it and {@code day})
 * @param day       the publication day, in the site's time zone
 * @param url       the article's page, relative to the site's root
 * @param title     the headline, plain text
 * @param lead      the lead, plain text, may be empty
 * @param body      the body's start as plain text (what a snippet may show after the lead), may be empty
 * @param language  the language the text was analysed in (BCP 47)
 * @param analysis  the text's analysis for related content ({@link RelatedIndex#analyze}): the same
 *                  terms and weighted counts (title and lead boosted), so that a build that has it
 *                  (the cache) does not analyse the text twice; its multi-word names are left out
 * @param rubric    the rubric, or {@code null}
 * @param tags      the tags
 * @param dateIso   the publication time for {@code <time datetime>}
 * @param dateLabel the publication date as pages show it
 */
public record SearchDocument(ArticleId id, LocalDate day, String url, String title, String lead, String body, String language,
                             RelatedIndex.Analysis analysis, Facet rubric, List<Facet> tags, String dateIso, String dateLabel) {

    /** A rubric or a tag: its slug (what filters match) and its name (what readers see). */
    public record Facet(String slug, String name) {
        public Facet {
            Objects.requireNonNull(slug, "slug");
            Objects.requireNonNull(name, "name");
        }
    }

    public SearchDocument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(analysis, "analysis");
        lead = lead == null ? "" : lead;
        body = body == null ? "" : body;
        tags = List.copyOf(tags);
        dateIso = dateIso == null ? "" : dateIso;
        dateLabel = dateLabel == null ? "" : dateLabel;
    }
}
