package dev.gazette.render;

import dev.gazette.model.ArticleId;
import dev.gazette.images.ImageInfo;
import java.util.List;
import java.util.Map;

/**
 * What the pages need beyond the index, from files beside the articles: image sizes, the "most
 * read" ranking, the publication's logo, whether feeds are published.
 *
 * @param images   each published local image (by its URL relative to the site's root) with its size
 * @param mostRead articles, most read first; empty for no "most read" block
 * @param logo     the publication's logo, or {@code null}
 * @param feeds    whether the site publishes feeds (it does when it has a base URL)
 * @param socialImage the image social networks show for pages without one of their own, or {@code null}
 *                 for the logo
 */
public record WebExtras(Map<String, ImageInfo> images, List<ArticleId> mostRead, ImageInfo logo, boolean feeds, ImageInfo socialImage) {

    /** Nothing extra: no sizes, no ranking, no logo, no feeds. */
    public static final WebExtras NONE = new WebExtras(Map.of(), List.of(), null, false, null);

    /** Without a social image of the site's own. */
    public WebExtras(Map<String, ImageInfo> images, List<ArticleId> mostRead, ImageInfo logo, boolean feeds) {
        this(images, mostRead, logo, feeds, null);
    }

    public WebExtras {
        images = Map.copyOf(images);
        mostRead = List.copyOf(mostRead);
    }
}
