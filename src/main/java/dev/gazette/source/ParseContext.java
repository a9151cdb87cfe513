package dev.gazette.source;

import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What every reader needs besides the text: the newsroom's time zone (for dates written without
 * an offset) and the shared, thread-safe markup engines.
 *
 * @param zone      the site's time zone
 * @param markdown  the Markdown renderer
 * @param sanitizer the HTML sanitizer
 */
public record ParseContext(ZoneId zone, MarkdownRenderer markdown, HtmlSanitizer sanitizer) {

    public ParseContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(sanitizer, "sanitizer");
    }

    /** A context with fresh engines, for tests and one-off reads. */
    public static ParseContext of(ZoneId zone) {
        return new ParseContext(zone, new MarkdownRenderer(), new HtmlSanitizer());
    }
}
