package dev.gazette.render;

import dev.gazette.images.ImageInfo;
import java.util.List;

/**
 * What a page's {@code <head>} tells machines: Open Graph and Twitter card, feeds, pagination,
 * indexing and JSON-LD. URLs are absolute where the protocols want them; empty or {@code null}
 * when unknown (no base URL).
 *
 * @param ogType        {@code article} or {@code website}
 * @param title         the title to share
 * @param description   the description to share, may be empty
 * @param url           the page's absolute URL, or empty
 * @param image         the image to share, with an absolute URL, or {@code null}
 * @param imageAlt      its text alternative
 * @param publishedTime an article's publication time (ISO 8601), or {@code null}
 * @param modifiedTime  an article's last change, or {@code null}
 * @param section       an article's rubric, or {@code null}
 * @param tags          an article's tags
 * @param twitterCard   {@code summary_large_image} with an image, else {@code summary}
 * @param twitterSite   the newsroom's account, or empty
 * @param feeds         the feeds to announce
 * @param prev          the previous page of a list, relative to the site's root, or {@code null}
 * @param next          the next page of a list, or {@code null}
 * @param robots        a robots directive ({@code noindex, follow}), or {@code null}
 * @param jsonLd        JSON-LD blocks, each a JSON text safe inside {@code <script>}
 */
public record HeadView(String ogType, String title, String description, String url, ImageInfo image, String imageAlt,
                       String publishedTime, String modifiedTime, String section, List<String> tags, String twitterCard,
                       String twitterSite, List<FeedLinkView> feeds, String prev, String next, String robots,
                       List<String> jsonLd) {

    public HeadView {
        tags = List.copyOf(tags);
        feeds = List.copyOf(feeds);
        // An article's blocks stay as they are, written out only when the page is rendered.
        jsonLd = jsonLd instanceof JsonLdBlocks ? jsonLd : List.copyOf(jsonLd);
    }
}
