package dev.gazette.images;

import java.net.URI;
import java.net.URISyntaxException;

/** Checks the image references that sources give, before anything is copied or linked. */
public final class ImagePaths {

    private ImagePaths() {
    }

    /**
     * Why {@code image} cannot be used, or {@code null} when it can: an absolute http(s) URL, or a
     * relative path that stays inside the source folder.
     */
    public static String check(String image) {
        return check(image, 0);
    }

    /**
     * Why {@code image}, written in the source {@code source} (a path relative to the source folder),
     * cannot be used, or {@code null} when it can: an absolute http(s) URL, or a path relative to
     * the source's own folder that stays inside the source folder ({@code ../images/a.jpg} is fine
     * from {@code 2025/a.md}).
     */
    public static String check(String source, String image) {
        int depth = 0;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '/') {
                depth++;
            }
        }
        return check(image, depth);
    }

    private static String check(String image, int startDepth) {
        String v = image.strip();
        if (v.isEmpty()) {
            return "the image path is empty.";
        }
        if (v.startsWith("http://") || v.startsWith("https://")) {
            try {
                URI uri = new URI(v);
                return uri.getHost() == null ? "`" + v + "` is not a valid URL." : null;
            } catch (URISyntaxException e) {
                return "`" + v + "` is not a valid URL (" + e.getReason() + ").";
            }
        }
        if (v.contains(":") || v.startsWith("/") || v.startsWith("\\") || v.startsWith("~")) {
            return "`" + v + "` is not a path inside the articles folder.";
        }
        int depth = startDepth;
        for (String part : v.replace('\\', '/').split("/")) {
            if (part.equals("..")) {
                depth--;
                if (depth < 0) {
                    return "`" + v + "` tries to leave the articles folder.";
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                depth++;
            }
        }
        return null;
    }

    /** Whether {@code image} is a URL rather than a file to publish. */
    public static boolean isUrl(String image) {
        return image.startsWith("http://") || image.startsWith("https://");
    }
}
