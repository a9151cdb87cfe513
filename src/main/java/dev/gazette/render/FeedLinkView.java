package dev.gazette.render;

/**
 * A feed a page announces with {@code <link rel="alternate">}.
 *
 * @param title the feed's title
 * @param url   its absolute URL
 * @param type  its media type ({@code application/rss+xml} or {@code application/atom+xml})
 */
public record FeedLinkView(String title, String url, String type) {
}
