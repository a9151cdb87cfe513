package dev.gazette.pipeline;

/**
 * An article the publishing rules left out of a build, and why.
 *
 * @param source the source file, relative to the articles folder
 * @param reason {@link #DRAFT} or {@link #FUTURE}
 * @param date   the article's publication time as written in ISO 8601 (for a future article, when it
 *               will be published)
 */
public record SkippedArticle(String source, String reason, String date) {

    /** A draft ({@code draft: true}), published only with {@code --drafts}. */
    public static final String DRAFT = "draft";
    /** Dated after the build's reference time, published only with {@code --future} (or once that time comes). */
    public static final String FUTURE = "future";

    /** "articles/x.md: draft (publish it with --drafts, or set draft: false)": one line of the build's summary. */
    public String describe() {
        return source + ": " + (reason.equals(DRAFT) ? "draft (--drafts publishes it; or set `draft: false`)"
                : "dated " + date + ", after the build's time (--future publishes it now)");
    }
}
