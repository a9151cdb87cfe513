package dev.gazette.source;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates editors write: ISO 8601 with or without time and offset
 * ({@code 2025-09-09}, {@code 2025-09-09 18:36}, {@code 2025-09-09T18:36:00+01:00}) and the French
 * newsroom form ({@code 09/09/2025 à 18h36}, {@code Le 09/09/2025 18:36}). A date without an offset
 * is read in the site's time zone; every result is expressed in that zone.
 */
public final class Dates {

    // Years of any length are matched, so that a five-digit year is told it is out of range rather
    // than that it is no date at all.
    private static final Pattern ISO_LOCAL = Pattern.compile(
            "([+-]?\\d{4,9})-(\\d{2})-(\\d{2})(?:[T ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?)?");
    /** A time followed by a space and an offset or {@code Z}: the space goes before the ISO reading. */
    private static final Pattern SPACED_OFFSET = Pattern.compile("(\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s+([+-]\\d{2}:?\\d{2}|Z)$");
    private static final Pattern RFC_1123 = Pattern.compile(
            "(?:[A-Z][a-z]{2},\\s*)?\\d{1,2}\\s+[A-Z][a-z]{2}\\s+\\d{4}\\s+\\d{2}:\\d{2}(?::\\d{2})?\\s+(?:GMT|UT|[+-]\\d{4})");
    private static final Pattern FRENCH = Pattern.compile(
            "(?i)(?:le\\s+)?(\\d{1,2})/(\\d{1,2})/(\\d{4,9})(?:\\s*(?:à|a)?\\s*(\\d{1,2})\\s*[h:]\\s*(\\d{2})?)?");

    /**
     * The years an article may carry. Feeds (RFC 822, RFC 3339), sitemaps (W3C datetime) and
     * JSON-LD write the year in four digits, and their formatters fail past 9999 ("Field Year
     * cannot be printed"): such a date only failed later, while writing, with no file named.
     * Nothing in a newsroom's archive predates the year 1000, so a year below it (0, or before
     * Christ) is a typing mistake too, and both are told at read time.
     */
    static final int FIRST_YEAR = 1000;
    static final int LAST_YEAR = 9999;

    private Dates() {
    }

    /**
     * Parses {@code text}.
     *
     * @throws DateTimeParseException when it is no date Gazette reads, or falls outside the years
     *                                1000 to 9999, with a message saying why
     */
    public static ZonedDateTime parse(String text, ZoneId zone) {
        return parse(text, zone, zone);
    }

    /**
     * Parses {@code text}, reading a date without an offset in {@code readZone} (the zone a page
     * states for itself), and expresses the result in the site's {@code zone}.
     *
     * @throws DateTimeParseException as {@link #parse(String, ZoneId)}
     */
    public static ZonedDateTime parse(String text, ZoneId readZone, ZoneId zone) {
        // French typography puts no-break spaces around "à" and in "18 h 36"; pages saved from news
        // sites keep them, and the patterns below only know the ordinary space.
        String t = text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ').strip();
        ZonedDateTime date = read(t, readZone).withZoneSameInstant(zone);
        // Checked in the site's zone, where 9999-12-31T23:00-05:00 is already the year 10000.
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new DateTimeParseException("`" + t + "` falls in the year " + date.getYear() + "; Gazette reads the years "
                    + FIRST_YEAR + " to " + LAST_YEAR, t, 0);
        }
        return date;
    }

    private static ZonedDateTime read(String t, ZoneId zone) {
        try {
            // Pages write an offset after a space (`2015-07-10 09:53:00 -0400`) and RFC 1123
            // (`Fri, 10 Jul 2015 13:53:00 GMT`, from HTTP headers saved into meta tags).
            if (RFC_1123.matcher(t).matches()) {
                return ZonedDateTime.parse(t.replaceAll("\\s+", " "), DateTimeFormatter.RFC_1123_DATE_TIME).withZoneSameInstant(zone);
            }
            t = SPACED_OFFSET.matcher(t).replaceFirst("$1$2");
            if (t.length() > 16 && (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$"))) {
                String normalised = t.replace(' ', 'T');
                if (normalised.matches(".*[+-]\\d{4}$")) {
                    normalised = normalised.substring(0, normalised.length() - 2) + ":" + normalised.substring(normalised.length() - 2);
                }
                return OffsetDateTime.parse(normalised).atZoneSameInstant(zone);
            }
            Matcher iso = ISO_LOCAL.matcher(t);
            if (iso.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                return local(day, iso.group(4), iso.group(5), iso.group(6), zone);
            }
            Matcher fr = FRENCH.matcher(t);
            if (fr.matches()) {
                LocalDate day = LocalDate.of(Integer.parseInt(fr.group(3)), Integer.parseInt(fr.group(2)), Integer.parseInt(fr.group(1)));
                return local(day, fr.group(4), fr.group(5) == null && fr.group(4) != null ? "00" : fr.group(5), null, zone);
            }
        } catch (java.time.DateTimeException e) {
            throw new DateTimeParseException("`" + t + "` is not a valid date (" + e.getMessage() + ")", t, 0);
        }
        throw new DateTimeParseException("`" + t + "` is not a date Gazette reads", t, 0);
    }

    /**
     * Whether {@code text}, a date {@link #parse} reads, gives only the day ({@code 2025-09-09},
     * {@code 09/09/2025}): its time is then midnight, which pages must not show as "à 00h00".
     */
    public static boolean dayOnly(String text) {
        String t = text.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2007', ' ').strip();
        Matcher iso = ISO_LOCAL.matcher(t);
        if (iso.matches()) {
            return iso.group(4) == null;
        }
        Matcher fr = FRENCH.matcher(t);
        return fr.matches() && fr.group(4) == null;
    }

    private static ZonedDateTime local(LocalDate day, String hour, String minute, String second, ZoneId zone) {
        LocalTime time = hour == null ? LocalTime.MIDNIGHT
                : LocalTime.of(Integer.parseInt(hour), Integer.parseInt(minute), second == null ? 0 : Integer.parseInt(second));
        return ZonedDateTime.of(LocalDateTime.of(day, time), zone);
    }

    /**
     * Parses a date as pages print it, besides the forms of {@link #parse}: compact ISO
     * ({@code 20150710}, {@code 20150710T095300}) and the day with the month's name, in English,
     * French, Spanish, Portuguese or German ({@code July 10, 2015 9:53 AM}, {@code 10 juillet 2015},
     * {@code Published 10 Jul 2015 09:53}). Only the HTML reader uses it: editors write the forms of
     * {@link #parse}, and a page's own printed date is the best it has.
     *
     * @throws DateTimeParseException when it is none of these
     */
    static ZonedDateTime parsePage(String text, ZoneId readZone, ZoneId zone) {
        try {
            return parse(text, readZone, zone);
        } catch (DateTimeParseException e) {
            String t = text.replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
            Matcher compact = COMPACT.matcher(t);
            if (compact.matches()) {
                String iso = compact.group(1) + "-" + compact.group(2) + "-" + compact.group(3)
                        + (compact.group(4) == null ? "" : "T" + compact.group(4) + ":" + compact.group(5)
                        + (compact.group(6) == null ? "" : ":" + compact.group(6)));
                return parse(iso, readZone, zone);
            }
            Matcher named = DAY_MONTH.matcher(t);
            int day;
            int month;
            int year;
            String time;
            if (named.find()) {
                day = Integer.parseInt(named.group(1));
                month = monthOf(named.group(2));
                year = Integer.parseInt(named.group(3));
                time = t.substring(named.end());
            } else {
                named = MONTH_DAY.matcher(t);
                if (!named.find()) {
                    throw e;
                }
                month = monthOf(named.group(1));
                day = Integer.parseInt(named.group(2));
                year = Integer.parseInt(named.group(3));
                time = t.substring(named.end());
            }
            String iso = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
            Matcher clock = CLOCK.matcher(time);
            if (clock.find()) {
                int hour = Integer.parseInt(clock.group(1));
                String ampm = clock.group(3) == null ? "" : clock.group(3).toLowerCase(java.util.Locale.ROOT);
                if (ampm.startsWith("p") && hour < 12) {
                    hour += 12;
                } else if (ampm.startsWith("a") && hour == 12) {
                    hour = 0;
                }
                iso += String.format(java.util.Locale.ROOT, " %02d:%s", hour, clock.group(2));
            }
            return parse(iso, readZone, zone);
        }
    }

    /** Whether {@code text}, a date {@link #parsePage} reads, gives only the day. */
    static boolean pageDayOnly(String text) {
        try {
            parse(text, ZoneId.of("UTC"));
            return dayOnly(text);
        } catch (DateTimeParseException e) {
            Matcher compact = COMPACT.matcher(text.strip());
            if (compact.matches()) {
                return compact.group(4) == null;
            }
            Matcher day = DAY_MONTH.matcher(text);
            Matcher month = MONTH_DAY.matcher(text);
            String rest = day.find() ? text.substring(day.end()) : month.find() ? text.substring(month.end()) : "";
            return !CLOCK.matcher(rest).find();
        }
    }

    private static int monthOf(String name) {
        String n = java.text.Normalizer.normalize(name.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").replace(".", "");
        for (int m = 0; m < MONTH_NAMES.length; m++) {
            for (String candidate : MONTH_NAMES[m].split("\\|")) {
                if (n.equals(candidate) || n.length() >= 3 && candidate.startsWith(n)) {
                    return m + 1;
                }
            }
        }
        throw new DateTimeParseException("`" + name + "` is not a month", name, 0);
    }

    private static final String[] MONTH_NAMES = {
            "january|janvier|enero|janeiro|januar|jan", "february|fevrier|febrero|fevereiro|februar|feb|fev",
            "march|mars|marzo|marco|marz|mar", "april|avril|abril|apr|avr|abr", "may|mai|mayo|maio",
            "june|juin|junio|junho|juni|jun", "july|juillet|julio|julho|juli|jul|juil",
            "august|aout|agosto|aug|ago", "september|septembre|septiembre|setembro|sept|sep|set",
            "october|octobre|octubre|outubro|oktober|oct|okt|out", "november|novembre|noviembre|novembro|nov",
            "december|decembre|diciembre|dezembro|dezember|dec|dez|dic"};
    private static final String MONTH = "(\\p{L}{3,10}\\.?)";
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:T?(\\d{2})(\\d{2})(\\d{2})?)?");
    /** {@code 10 July 2015}, {@code 10 de julio de 2015}, {@code 10. Juli 2015}. */
    private static final Pattern DAY_MONTH = Pattern.compile("(?iu)\\b(\\d{1,2})(?:er)?\\.?\\s+(?:de\\s+)?" + MONTH + "\\s+(?:de\\s+)?(\\d{4})\\b");
    /** {@code July 10, 2015}. */
    private static final Pattern MONTH_DAY = Pattern.compile("(?iu)\\b" + MONTH + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b");
    private static final Pattern CLOCK = Pattern.compile("(?i)\\b(\\d{1,2})[:h](\\d{2})(?::\\d{2})?\\s*([ap]\\.?m\\.?)?");

    /**
     * The offset {@code text} states ({@code +02:00}, {@code -0400}, {@code Z}), if any: a page that
     * writes one date with its offset and another without means the same zone for both.
     */
    static java.util.Optional<ZoneId> statedOffset(String text) {
        String t = SPACED_OFFSET.matcher(text.strip()).replaceFirst("$1$2");
        Matcher m = STATED_OFFSET.matcher(t);
        if (!m.find() || t.length() <= 16) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(java.time.ZoneOffset.of(m.group(1).length() == 5 && !m.group(1).contains(":")
                    ? m.group(1).substring(0, 3) + ":" + m.group(1).substring(3) : m.group(1)));
        } catch (java.time.DateTimeException e) {
            return java.util.Optional.empty();
        }
    }

    private static final Pattern STATED_OFFSET = Pattern.compile("\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?([+-]\\d{2}:?\\d{2}|Z)$");

    /** The forms {@link #parse} reads, for error messages. */
    public static final String FORMS = "`2025-09-09T18:36:00+01:00`, `2025-09-09 18:36:00 +0100`, `2025-09-09 18:36` (site time zone), `2025-09-09` or `09/09/2025 à 18h36`";
}
