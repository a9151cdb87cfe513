package dev.gazette.render;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Dates as a newsroom writes them, in the site's language and time zone: the dateline
 * ("Le 09/09/2025 à 18h36"), the day ("9 septembre 2025") and the machine-readable form for
 * {@code <time datetime>}. The zone and locale come from the configuration, never the machine.
 */
public final class DateLabels {

    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private final ZoneId zone;
    private final DateTimeFormatter dateline;
    private final DateTimeFormatter datelineDay;
    private final DateTimeFormatter day;
    /** French writes the first of the month as an ordinal: "1er septembre 2025", "2 septembre 2025". */
    private final boolean french;
    private final DateTimeFormatter month;

    public DateLabels(Locale locale, ZoneId zone) {
        this.zone = zone;
        String language = locale.getLanguage();
        this.french = language.equals("fr");
        if (language.equals("fr")) {
            this.dateline = DateTimeFormatter.ofPattern("'Le' dd/MM/yyyy 'à' HH'h'mm", locale);
            this.datelineDay = DateTimeFormatter.ofPattern("'Le' dd/MM/yyyy", locale);
            this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            this.month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        } else if (language.equals("en")) {
            this.dateline = DateTimeFormatter.ofPattern("MMMM d, yyyy, h:mm a", Locale.ENGLISH);
            this.datelineDay = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
            this.day = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);
            this.month = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
        } else if (language.equals("ar")) {
            // "11 شتنبر 2025، 10:00": the month named as the locale names it (ar-MA: the Maghreb's
            // months), Western digits as Maghreb newspapers print them, the Arabic comma.
            this.dateline = DateTimeFormatter.ofPattern("d MMMM yyyy، HH:mm", locale);
            this.datelineDay = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            this.day = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
            this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        } else {
            this.dateline = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
            this.datelineDay = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
            this.month = DateTimeFormatter.ofPattern("LLLL yyyy", locale);
        }
    }

    /** "Le 09/09/2025 à 18h36". */
    public String dateline(ZonedDateTime t) {
        return dateline.format(t.withZoneSameInstant(zone));
    }

    /**
     * The dateline of a time whose source may have given only the day: "Le 09/09/2025" then, never
     * "Le 09/09/2025 à 00h00".
     */
    public String dateline(ZonedDateTime t, boolean dayOnly) {
        // A day-only date is midnight in the site's zone, where it was read: no conversion can move it.
        return dayOnly ? datelineDay.format(t.withZoneSameInstant(zone)) : dateline(t);
    }

    /** "9 septembre 2025"; "1er septembre 2025" in French. */
    public String day(ZonedDateTime t) {
        ZonedDateTime local = t.withZoneSameInstant(zone);
        String label = day.format(local);
        if (french && local.getDayOfMonth() == 1 && label.startsWith("1 ")) {
            return "1er" + label.substring(1);
        }
        return label;
    }

    /** "septembre 2025", "September 2025". */
    public String month(java.time.YearMonth m) {
        return month.format(m);
    }

    /** "2025-09-09T18:36:00+01:00", for {@code datetime} attributes and feeds. */
    public String iso(ZonedDateTime t) {
        return ISO.format(t.withZoneSameInstant(zone));
    }
}
