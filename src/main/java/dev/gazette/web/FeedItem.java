package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * An article as a feed lists it. URLs are absolute.
 *
 * @param url         the article's page, also its permanent id
 * @param title       the headline, plain text
 * @param summaryHtml the description, HTML (the writers escape it as text, as both formats require)
 * @param published   the publication time, in the site's time zone
 * @param updated     the last change (the publication time when never updated)
 * @param authors     the authors' names, may be empty
 * @param categories  the rubric then the tags, by name
 * @param image       the article's image, or {@code null}
 */
public record FeedItem(String url, String title, String summaryHtml, ZonedDateTime published, ZonedDateTime updated,
                       List<String> authors, List<String> categories, ImageInfo image) {

    public FeedItem {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(published, "published");
        summaryHtml = summaryHtml == null ? "" : summaryHtml;
        updated = updated == null ? published : updated;
        authors = List.copyOf(authors);
        categories = List.copyOf(categories);
    }
}
