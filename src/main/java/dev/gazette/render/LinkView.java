package dev.gazette.render;

/**
 * A named link.
 *
 * @param name  the text to show
 * @param url   the target, relative to the site's root
 * @param count how many articles it leads to (tags and rubrics), or 0
 */
public record LinkView(String name, String url, int count) {
}
