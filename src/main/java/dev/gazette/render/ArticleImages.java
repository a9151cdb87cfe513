package dev.gazette.render;

import dev.gazette.model.Article;
import dev.gazette.images.ImageInfo;
import dev.gazette.text.UrlPaths;
import java.util.Map;

/** Finds an article's published image and what is known of it (size, bytes, type). */
final class ArticleImages {

    private final Map<String, String> urls;
    private final Map<String, ImageInfo> images;

    /**
     * @param urls   published URL of each local image, by the article source's reference ({@code source|image})
     * @param images each published local image, by its URL
     */
    ArticleImages(Map<String, String> urls, Map<String, ImageInfo> images) {
        this.urls = urls;
        this.images = images;
    }

    /** The article's image, or {@code null}: a local one as published, or a remote URL as it is. */
    ImageInfo of(Article a) {
        if (a.image() == null) {
            return null;
        }
        String url = urls.get(a.source() + "|" + a.image());
        if (url == null) {
            return a.image().startsWith("http://") || a.image().startsWith("https://") ? ImageInfo.remote(a.image()) : null;
        }
        ImageInfo known = images.get(url);
        return linked(known != null ? known : ImageInfo.remote(url));
    }

    /**
     * A local image as pages, feeds and structured data link it: its path and its copies' paths
     * percent-encoded (a file `photo été.jpg`, a folder `images/театр/`), as every other address
     * of the site is. The maps above stay keyed by the paths on disk.
     */
    private static ImageInfo linked(ImageInfo info) {
        return new ImageInfo(UrlPaths.encode(info.url()), info.width(), info.height(), info.bytes(), info.mediaType(),
                info.renditions().stream().map(r -> new ImageInfo.Rendition(UrlPaths.encode(r.url()), r.width(), r.height())).toList());
    }
}
