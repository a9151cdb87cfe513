package dev.gazette.render;

import dev.gazette.cache.Fingerprint;
import dev.gazette.web.JsonLd;
import dev.gazette.web.NewsArticleFacts;
import java.util.AbstractList;
import java.util.List;

/**
 * An article page's JSON-LD blocks (its {@code NewsArticle}, then its {@code BreadcrumbList}), as
 * the list of JSON texts the templates print, written out only when the page is rendered. A page
 * is first fingerprinted to learn whether the last build's copy still stands, and for that the
 * facts the blocks are made from say as much as the texts: most pages of a publish are kept, and
 * never need their JSON.
 */
final class JsonLdBlocks extends AbstractList<String> implements Fingerprint.Derived {

    /** What the blocks are made from: one record, so that the fingerprint walks it as data. */
    record Facts(NewsArticleFacts article, List<JsonLd.Crumb> trail) {
        Facts {
            trail = List.copyOf(trail);
        }
    }

    private final Facts facts;
    /** The texts, once written; a page is rendered on one thread, but a repeat is harmless. */
    private volatile List<String> texts;

    JsonLdBlocks(NewsArticleFacts article, List<JsonLd.Crumb> trail) {
        this.facts = new Facts(article, trail);
    }

    @Override
    public Object inputs() {
        return facts;
    }

    private List<String> texts() {
        List<String> t = texts;
        if (t == null) {
            t = List.of(JsonLd.newsArticle(facts.article()), JsonLd.breadcrumbs(facts.trail()));
            texts = t;
        }
        return t;
    }

    @Override
    public String get(int index) {
        return texts().get(index);
    }

    @Override
    public int size() {
        return 2;
    }
}
