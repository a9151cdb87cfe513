package dev.gazette.intake;

import java.time.ZonedDateTime;

/**
 * The date {@code gazette import --date-fallback} gives a page that states none: the file's own
 * time (its last modification, as saved), or one date for all. Without it such a page is skipped
 * with its reason: a date is never guessed silently, and each one used is a warning.
 *
 * @param date    the date for all, or {@code null} for each file's time
 * @param dayOnly whether that date is a day without a time ({@code 2025-09-11})
 */
public record DateFallback(ZonedDateTime date, boolean dayOnly) {

    /** Each file's last-modified time. */
    public static DateFallback fileTime() {
        return new DateFallback(null, false);
    }

    /** {@code date} for every page without one; {@code dayOnly} when it gives no time. */
    public static DateFallback of(ZonedDateTime date, boolean dayOnly) {
        return new DateFallback(java.util.Objects.requireNonNull(date, "date"), dayOnly);
    }

    /** Whether each file's time is used. */
    public boolean usesFileTime() {
        return date == null;
    }
}
