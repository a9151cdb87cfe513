package dev.gazette.render;

import java.util.List;

/**
 * A home-page section: a rubric and its latest articles.
 *
 * @param rubric   the rubric's link
 * @param articles its latest articles
 */
public record SectionView(LinkView rubric, List<TeaserView> articles) {

    public SectionView {
        articles = List.copyOf(articles);
    }
}
