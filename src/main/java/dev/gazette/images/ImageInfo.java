package dev.gazette.images;

/**
 * An image as pages, feeds and structured data describe it.
 *
 * @param url       where it is published: a path relative to the site's root, or an absolute URL
 * @param width     its width in CSS pixels, or 0 when unknown (a remote image)
 * @param height    its height, or 0 when unknown
 * @param bytes     its size in bytes, or 0 when unknown
 * @param mediaType its media type ({@code image/jpeg}…), or {@code null} when unknown
 * @param renditions smaller copies of it, narrowest first ({@link Renditions}); empty for none
 */
public record ImageInfo(String url, int width, int height, long bytes, String mediaType, java.util.List<Rendition> renditions) {

    /**
     * A smaller copy of an image, for {@code srcset}.
     *
     * @param url    where it is published, relative to the site's root
     * @param width  its width in pixels
     * @param height its height in pixels
     */
    public record Rendition(String url, int width, int height) {
    }

    public ImageInfo {
        renditions = renditions == null ? java.util.List.of() : java.util.List.copyOf(renditions);
    }

    /** An image without smaller copies. */
    public ImageInfo(String url, int width, int height, long bytes, String mediaType) {
        this(url, width, height, bytes, mediaType, java.util.List.of());
    }

    /** This image with smaller copies. */
    public ImageInfo withRenditions(java.util.List<Rendition> renditions) {
        return new ImageInfo(url, width, height, bytes, mediaType, renditions);
    }

    /** A remote image: only its URL is known. */
    public static ImageInfo remote(String url) {
        return new ImageInfo(url, 0, 0, 0, null);
    }

    public boolean hasSize() {
        return width > 0 && height > 0;
    }

    /** This image with its URL made absolute against {@code baseUrl} (ending with {@code /}). */
    public ImageInfo absolute(String baseUrl) {
        if (url.startsWith("http://") || url.startsWith("https://")) {
            return this;
        }
        // Feeds and structured data name one image: its copies stay with the pages.
        return new ImageInfo(baseUrl + url, width, height, bytes, mediaType);
    }
}
