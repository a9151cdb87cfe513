package dev.gazette.model;

import java.util.Objects;

/**
 * What an article is known by across steps and builds: its source file's path inside the articles
 * folder ({@code 2025/09/port.md}, {@code /} separators). Unlike a position in a list, it does not
 * change when other articles are added, removed or re-dated, so related lists, pins, the most-read
 * ranking and cached results can hold it from one build to the next.
 *
 * @param path the source file, relative to the articles folder
 */
public record ArticleId(String path) implements Comparable<ArticleId> {

    public ArticleId {
        Objects.requireNonNull(path, "path");
    }

    /** The id of {@code article}. */
    public static ArticleId of(Article article) {
        return new ArticleId(article.source());
    }

    @Override
    public int compareTo(ArticleId other) {
        return path.compareTo(other.path);
    }

    @Override
    public String toString() {
        return path;
    }
}
