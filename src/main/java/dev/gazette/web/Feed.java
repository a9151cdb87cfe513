package dev.gazette.web;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * One feed, in both formats: the whole site's, a rubric's or a tag's. Every URL is absolute.
 *
 * @param title       the feed's title ("Gazette du Maroc – Politique")
 * @param description one line about it (RSS requires one; may repeat the title)
 * @param language    the language of its items (BCP 47)
 * @param pageUrl     the HTML page the feed follows (the home, rubric or tag page)
 * @param rssUrl      where the RSS 2.0 version is published
 * @param atomUrl     where the Atom 1.0 version is published
 * @param publisher   the site's name, the Atom feed's author when an item names none
 * @param updated     the latest change among the items (the build time when there are none)
 * @param items       the items, newest first
 */
public record Feed(String title, String description, String language, String pageUrl, String rssUrl, String atomUrl,
                   String publisher, ZonedDateTime updated, List<FeedItem> items) {

    public Feed {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(pageUrl, "pageUrl");
        Objects.requireNonNull(rssUrl, "rssUrl");
        Objects.requireNonNull(atomUrl, "atomUrl");
        Objects.requireNonNull(updated, "updated");
        description = description == null || description.isBlank() ? title : description;
        items = List.copyOf(items);
    }
}
