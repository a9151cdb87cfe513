package dev.gazette.render;

import java.util.List;

/**
 * What every page knows of the site.
 *
 * @param title       the site's name
 * @param description the site's one-line description, may be empty
 * @param language    the site's language (BCP 47)
 * @param baseUrl     the absolute URL the site is published at, or empty
 * @param rubrics     the rubrics, for the navigation
 * @param tagIndexUrl the page listing every tag
 * @param rubricIndexUrl the page listing every rubric
 * @param archiveUrl  the archive's first page
 * @param authorIndexUrl the page listing every author
 * @param year        the year of the build's reference time, for the footer
 * @param searchUrl   the search page, or empty when the site has none ({@code search: false})
 */
public record SiteView(String title, String description, String language, String baseUrl, List<LinkView> rubrics,
                       String tagIndexUrl, String rubricIndexUrl, String archiveUrl, String authorIndexUrl, int year, String searchUrl) {

    public SiteView {
        rubrics = List.copyOf(rubrics);
    }
}
