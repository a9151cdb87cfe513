package dev.gazette.images;

/**
 * An image as pages, feeds and structured data describe it.
 *
 * @param url       where it is published: a path relative to the site's root, or an absolute URL
 * @param width     its width in CSS pixels, or 0 when unknown (a remote image)
 * @param height    its height, or 0 when unknown
 * @param bytes     its size in bytes, or 0 when unknown
 * @param mediaType its media type ({@code image/jpeg}…), or {@code null} when unknown
 */
public record ImageInfo(String url, int width, int height, long bytes, String mediaType) {

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
        return new ImageInfo(baseUrl + url, width, height, bytes, mediaType);
    }
}
