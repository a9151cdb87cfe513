package dev.gazette.render;

import java.util.List;

/**
 * An article as its own page shows it.
 *
 * @param teaser       the fields lists show (URL, title, lead, rubric, dates, image)
 * @param updatedIso   the update time, ISO 8601, or {@code null}
 * @param updatedLine  the update time as a dateline, or {@code null}
 * @param authors      the authors' names, in byline order, as the article writes them
 * @param authorLinks  the same authors, each named as the site spells it and linking to the author's page
 * @param bodyHtml     the body, sanitized HTML (the only value templates print unescaped; typeset when printed)
 * @param caption      the image caption, may be empty
 * @param tags         the tags, linking to their pages
 * @param related      the related articles, best first (the article page's block)
 * @param relatedUrl   the article's related-content page
 */
public record ArticleView(TeaserView teaser, String updatedIso, String updatedLine, List<String> authors,
                          List<LinkView> authorLinks, BodyHtml bodyHtml, String caption, List<LinkView> tags, List<TeaserView> related,
                          String relatedUrl) {

    public ArticleView {
        authors = List.copyOf(authors);
        authorLinks = List.copyOf(authorLinks);
        tags = List.copyOf(tags);
        related = List.copyOf(related);
    }
}
