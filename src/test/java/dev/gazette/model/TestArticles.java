package dev.gazette.model;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/** Articles for unit tests, with only the fields a test cares about. */
public final class TestArticles {

    public static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    private TestArticles() {
    }

    /** An article in the sample newsroom's zone, published at {@code date} ({@code 2025-09-09T18:36}). */
    public static Article article(String source, String slug, String title, String date, String rubric, String... tags) {
        return new Article(source, SourceFormat.MARKDOWN, slug, title, ZonedDateTime.of(java.time.LocalDateTime.parse(date), ZONE),
                null, rubric == null ? null : Term.of(rubric), Arrays.stream(tags).map(Term::of).toList(), List.of(), "", "<p>Corps.</p>",
                null, "", false, null, List.of(), List.of());
    }

    /** {@code a} with editor pins and related-title hints. */
    public static Article withRelated(Article a, List<String> pins, List<String> titles) {
        return new Article(a.source(), a.format(), a.slug(), a.title(), a.date(), a.updated(), a.rubric(), a.tags(), a.authors(),
                a.lead(), a.bodyHtml(), a.image(), a.caption(), a.draft(), a.language(), pins, titles);
    }
}
