package dev.gazette.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code robots.txt}: every crawler may read everything, and is told where the sitemaps are.
 * Crawlers only read it at a host's root, so a site published in a sub-folder should have the
 * host's own file name the sitemaps instead (the README says so).
 */
public final class RobotsTxt {

    private RobotsTxt() {
    }

    /** The file's text for the sitemaps at {@code sitemapUrls} (absolute; may be empty). */
    public static byte[] of(List<String> sitemapUrls) {
        StringBuilder out = new StringBuilder("User-agent: *\nAllow: /\n");
        if (!sitemapUrls.isEmpty()) {
            out.append('\n');
            for (String url : sitemapUrls) {
                out.append("Sitemap: ").append(url).append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
