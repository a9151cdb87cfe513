package dev.gazette.source;

import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import dev.gazette.model.SlugRule;
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
 * @param fallbackDate the date of a page that gives none, or {@code null} (the build's case: such a
 *                     page is an error); only {@code gazette import --date-fallback} sets it
 * @param slugs     the site's slug rule, for titles, file names, tags, rubrics and pins
 */
public record ParseContext(ZoneId zone, String language, MarkdownRenderer markdown, HtmlSanitizer sanitizer,
                           FallbackDate fallbackDate, SlugRule slugs) {

    public ParseContext {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(markdown, "markdown");
        Objects.requireNonNull(sanitizer, "sanitizer");
        Objects.requireNonNull(slugs, "slugs");
    }

    /** A context for a site with ASCII slugs. */
    public ParseContext(ZoneId zone, String language, MarkdownRenderer markdown, HtmlSanitizer sanitizer, FallbackDate fallbackDate) {
        this(zone, language, markdown, sanitizer, fallbackDate, SlugRule.ASCII);
    }

    /** A context without a fallback date: a page without a date is an error. */
    public ParseContext(ZoneId zone, String language, MarkdownRenderer markdown, HtmlSanitizer sanitizer) {
        this(zone, language, markdown, sanitizer, null);
    }

    /** This context, dating the pages that give no date with {@code fallback} (and a warning). */
    public ParseContext withFallbackDate(FallbackDate fallback) {
        return new ParseContext(zone, language, markdown, sanitizer, fallback, slugs);
    }

    /** This context, making slugs by {@code rule}. */
    public ParseContext withSlugs(SlugRule rule) {
        return new ParseContext(zone, language, markdown, sanitizer, fallbackDate, rule);
    }

    /**
     * The date given to a page that states none, and where it comes from, for the warning.
     *
     * @param date    the date
     * @param dayOnly whether it gives the day without a time (shown without one, as a page's own)
     * @param origin  what it is, e.g. "the file's time" or "the date given with --date-fallback"
     */
    public record FallbackDate(java.time.ZonedDateTime date, boolean dayOnly, String origin) {

        public FallbackDate {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(origin, "origin");
        }
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
