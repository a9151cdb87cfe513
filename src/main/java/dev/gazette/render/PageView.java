package dev.gazette.render;

/**
 * What a page knows of itself.
 *
 * @param kind        the page kind: {@code article}, {@code related}, {@code tag}, {@code rubric},
 *                    {@code archive}, {@code author}, {@code home}, {@code tags}, {@code rubrics}, {@code authors}, {@code 404},
 *                    {@code redirect}
 * @param title       the page's own title (the site's name is added by the layout)
 * @param description a short description for search engines, may be empty
 * @param url         the page's URL, relative to the site's root
 * @param root        the relative path from this page to the site's root ({@code ../../}; empty at
 *                    the root). The 404 page, served at any depth, gets the site's absolute path instead.
 * @param canonical   the page's absolute URL, or empty when the site has no base URL
 */
public record PageView(String kind, String title, String description, String url, String root, String canonical) {
}
