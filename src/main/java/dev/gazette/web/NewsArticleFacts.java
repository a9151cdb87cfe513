package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * What structured data says of an article. URLs are absolute.
 *
 * @param url          the article's canonical URL
 * @param headline     the title
 * @param description  the lead, plain text, may be empty
 * @param published    the publication time
 * @param modified     the last change (the publication time when never updated)
 * @param authors      the authors; empty for an unsigned article (the publisher signs it)
 * @param image        the article's image with an absolute URL, or {@code null}
 * @param section      the rubric's name, or {@code null}
 * @param keywords     the tags' names
 * @param language     the article's language (BCP 47)
 * @param publisher    the publication's name
 * @param publisherUrl the publication's home page
 * @param logo         the publication's logo with an absolute URL, or {@code null}
 */
public record NewsArticleFacts(String url, String headline, String description, ZonedDateTime published,
                               ZonedDateTime modified, List<Author> authors, ImageInfo image, String section,
                               List<String> keywords, String language, String publisher, String publisherUrl,
                               ImageInfo logo) {

    /**
     * Who signs the article.
     *
     * @param name         the name as the site spells it
     * @param url          the author's page (absolute), or {@code null}
     * @param organization whether the byline is the publication itself ("La Rédaction"), not a person
     */
    public record Author(String name, String url, boolean organization) {
        public Author {
            Objects.requireNonNull(name, "name");
        }

        /** A person without a page of their own. */
        public static Author person(String name) {
            return new Author(name, null, false);
        }
    }

    public NewsArticleFacts {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(publisher, "publisher");
        modified = modified == null ? published : modified;
        authors = List.copyOf(authors);
        keywords = List.copyOf(keywords);
        description = description == null ? "" : description;
    }
}
