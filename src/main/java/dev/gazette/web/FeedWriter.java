package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Writes a {@link Feed} as RSS 2.0 (with its {@code atom:link rel="self"}, as the RSS Advisory
 * Board recommends) and as Atom 1.0 (RFC 4287). Dates keep the offset of the site's time zone.
 */
public final class FeedWriter {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    /** RFC 822 dates as RSS wants them; the formatter's month and day names are always English. */
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final String GENERATOR = "Gazette";

    private FeedWriter() {
    }

    /** The RSS 2.0 document. */
    public static byte[] rss(Feed feed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try (XmlOut x = XmlOut.open(bytes)) {
            x.start("rss").attribute("version", "2.0").namespace("atom", ATOM).namespace("dc", DC);
            x.start("channel");
            x.leaf("title", feed.title());
            x.leaf("link", feed.pageUrl());
            x.leaf("description", feed.description());
            if (feed.language() != null) {
                x.leaf("language", feed.language());
            }
            x.leaf("lastBuildDate", rfc822(feed.updated()));
            x.leaf("generator", GENERATOR);
            x.empty("atom:link", "href", feed.rssUrl(), "rel", "self", "type", "application/rss+xml");
            for (FeedItem item : feed.items()) {
                x.start("item");
                x.leaf("title", item.title());
                x.leaf("link", item.url());
                x.start("guid").attribute("isPermaLink", "true").text(item.url()).end();
                x.leaf("pubDate", rfc822(item.published()));
                if (!item.summaryHtml().isEmpty()) {
                    x.leaf("description", item.summaryHtml());
                }
                // RSS's own <author> must be an e-mail address; newsrooms name people, hence dc:creator.
                for (String author : item.authors()) {
                    x.leaf("dc:creator", author);
                }
                for (String category : item.categories()) {
                    x.leaf("category", category);
                }
                ImageInfo image = item.image();
                if (image != null && image.bytes() > 0 && image.mediaType() != null) {
                    x.empty("enclosure", "url", image.url(), "length", Long.toString(image.bytes()), "type", image.mediaType());
                }
                x.end();
            }
        }
        return bytes.toByteArray();
    }

    /** The Atom 1.0 document. */
    public static byte[] atom(Feed feed) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(8 * 1024);
        try (XmlOut x = XmlOut.open(bytes)) {
            x.start("feed").namespace("", ATOM);
            if (feed.language() != null) {
                x.attribute("xml:lang", feed.language());
            }
            x.start("title").attribute("type", "text").text(feed.title()).end();
            x.start("subtitle").attribute("type", "text").text(feed.description()).end();
            x.empty("link", "rel", "self", "type", "application/atom+xml", "href", feed.atomUrl());
            x.empty("link", "rel", "alternate", "type", "text/html", "href", feed.pageUrl());
            x.leaf("id", feed.pageUrl());
            x.leaf("updated", iso(feed.updated()));
            x.leaf("generator", GENERATOR);
            // Atom requires an author for every entry: the publication stands in for unsigned ones.
            x.start("author").leaf("name", feed.publisher() == null ? feed.title() : feed.publisher()).end();
            for (FeedItem item : feed.items()) {
                x.start("entry");
                x.start("title").attribute("type", "text").text(item.title()).end();
                x.empty("link", "rel", "alternate", "type", "text/html", "href", item.url());
                x.leaf("id", item.url());
                x.leaf("published", iso(item.published()));
                x.leaf("updated", iso(item.updated()));
                for (String author : item.authors()) {
                    x.start("author").leaf("name", author).end();
                }
                for (String category : item.categories()) {
                    x.empty("category", "term", category);
                }
                if (!item.summaryHtml().isEmpty()) {
                    x.start("summary").attribute("type", "html").text(item.summaryHtml()).end();
                }
                ImageInfo image = item.image();
                if (image != null && image.bytes() > 0 && image.mediaType() != null) {
                    x.empty("link", "rel", "enclosure", "type", image.mediaType(), "length", Long.toString(image.bytes()),
                            "href", image.url());
                }
                x.end();
            }
        }
        return bytes.toByteArray();
    }

    static String rfc822(ZonedDateTime t) {
        return RFC_822.format(t);
    }

    static String iso(ZonedDateTime t) {
        return ISO.format(t.withNano(0));
    }
}
