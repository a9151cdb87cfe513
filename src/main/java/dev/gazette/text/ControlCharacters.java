package dev.gazette.text;

import dev.gazette.model.Problem;
import java.util.Locale;
import java.util.Optional;

/**
 * The characters no page may carry, and their removal: the one definition for every way text
 * enters Gazette (the bytes of a file, YAML escapes, HTML character references, JSON escapes).
 *
 * <p>They are NUL and the other C0 controls but tab, line feed and carriage return, DEL, and the
 * C1 controls U+0080–U+009F. They come from broken exports and copy-paste, show as nothing or as
 * boxes, and make pages, feeds and sitemaps invalid (XML forbids most of them).
 */
public final class ControlCharacters {

    private ControlCharacters() {
    }

    /** Whether no page may carry {@code c}: C0 controls but tab, line feed and carriage return, DEL, C1 controls. */
    public static boolean is(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
    }

    /** Whether {@code text} holds any control character. */
    public static boolean in(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (is(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Removes control characters from the texts of one file and remembers how many went and where
     * the first was, for one warning per file. Not thread-safe: one tally per file being read.
     */
    public static final class Tally {

        private int count;
        private char first;
        private int firstLine;
        private String firstField;

        /**
         * {@code text} without its control characters; the same instance when it has none.
         *
         * @param line  the 1-based line {@code text} starts on, or 0 when unknown; the first
         *              control's own line is counted from it
         * @param field the field {@code text} is the value of, or {@code null}
         */
        public String strip(String text, int line, String field) {
            int i = 0;
            while (i < text.length() && !is(text.charAt(i))) {
                i++;
            }
            if (i == text.length()) {
                return text;
            }
            int at = line == 0 ? 0 : line + lineBreaks(text, i);
            // Texts are not always met in the order of the file (a page's JSON-LD is read after its
            // text): the first is the one on the earliest line known.
            if (count == 0 || at > 0 && (firstLine == 0 || at < firstLine)) {
                first = text.charAt(i);
                firstLine = at;
                firstField = field;
            }
            StringBuilder kept = new StringBuilder(text.length()).append(text, 0, i);
            for (; i < text.length(); i++) {
                char c = text.charAt(i);
                if (is(c)) {
                    count++;
                } else {
                    kept.append(c);
                }
            }
            return kept.toString();
        }

        /** What was removed so far, or empty when nothing was. */
        public Optional<Removed> removed() {
            return count == 0 ? Optional.empty() : Optional.of(new Removed(count, first, firstLine, firstField));
        }

        /** The line breaks (LF, CRLF or a lone CR) in {@code text} before {@code end}. */
        private static int lineBreaks(String text, int end) {
            int breaks = 0;
            for (int i = 0; i < end; i++) {
                char c = text.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                    breaks++;
                }
            }
            return breaks;
        }
    }

    /**
     * The control characters removed from one file's text.
     *
     * @param count how many
     * @param first the first one
     * @param line  the 1-based line of the first, or 0 when unknown
     * @param field the field that held the first, or {@code null}
     */
    public record Removed(int count, char first, int line, String field) {

        /**
         * The warning for the file: how many were removed and where the first was.
         *
         * @param file       the file, as messages name it
         * @param lineOffset added to {@link #line} for the line in the file (front matter starts on its second line)
         * @param how        how they were written, e.g. {@code " written as YAML escapes"}, or {@code ""}
         * @param fix        what to do about them
         */
        public Problem warning(String file, int lineOffset, String how, String fix) {
            int fileLine = line == 0 ? 0 : line + lineOffset;
            return Problem.warning(file, fileLine, field, String.format(Locale.ROOT,
                    "removed %d control character%s%s (invisible, and invalid in pages and feeds), the first U+%04X%s%s.",
                    count, count == 1 ? "" : "s", how, (int) first, field == null ? "" : " in `" + field + "`",
                    fileLine == 0 ? "" : " on line " + fileLine), fix);
        }
    }
}
