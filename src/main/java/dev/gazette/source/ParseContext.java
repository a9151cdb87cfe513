package dev.gazette.source;

import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every reader needs besides the text: the newsroom's time zone (for dates written without
 * an offset), the site's language (for the stop words a headline's slug leaves out) and the
 * shared, thread-safe markup engines.
 *
 * @param zone      the site's time zone
 * @param language  the site's language (BCP 47), the one of articles that name none
 * @param markdown  the Markdown renderer
 * @param sanitizer the HTML sanitizer
 */
public record ParseContext(ZoneId zone, String language, MarkdownRenderer markdown, HtmlSanitizer sanitizer) {

    public ParseContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /** A context for a French site with fresh engines, for tests and one-off reads. */
    public static ParseContext of(ZoneId zone) {
        return of(zone, "fr");
    }

    /** A context with fresh engines, for tests and one-off reads. */
    public static ParseContext of(ZoneId zone, String language) {
        return new ParseContext(zone, language, new MarkdownRenderer(), new HtmlSanitizer());
    }
}
