package dev.gazette.model;

import java.util.Objects;

/**
 * Something wrong with the sources or templates, reported to the user with where it is and how
 * to fix it.
 *
 * @param severity whether it stops the build
 * @param file     the file, relative to the folder it was read from (or as given), never null
 * @param line     the 1-based line, or 0 when unknown
 * @param field    the front-matter field or template variable concerned, or {@code null}
 * @param message  what is wrong
 * @param fix      what to do about it, or {@code null} when it is obvious
 */
public record Problem(Severity severity, String file, int line, String field, String message, String fix) {

    /** Whether a problem stops the build. */
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String file, int line, String field, String message, String fix) {
        return new Problem(Severity.ERROR, file, line, field, message, fix);
    }

    public static Problem warning(String file, int line, String field, String message, String fix) {
        return new Problem(Severity.WARNING, file, line, field, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line for a terminal: {@code file:line: error: [field] message. Fix: fix}. */
    public String describe() {
        StringBuilder out = new StringBuilder(file);
        if (line > 0) {
            out.append(':').append(line);
        }
        out.append(": ").append(severity == Severity.ERROR ? "error" : "warning").append(": ");
        if (field != null) {
            out.append('`').append(field).append("`: ");
        }
        out.append(message);
        if (fix != null && !fix.isBlank()) {
            out.append(" Fix: ").append(fix);
        }
        return oneLine(out);
    }

    /**
     * The text with every control character written as an escape ({@code \n}, {@code \u0007}…):
     * a problem is one line of a terminal, and a file name or value holding a newline or an escape
     * sequence must not fake other lines or repaint the screen.
     */
    static String oneLine(CharSequence text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
            if (control && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (!control) {
                    out.append(c);
                } else if (c == '\n') {
                    out.append("\\n");
                } else if (c == '\r') {
                    out.append("\\r");
                } else if (c == '\t') {
                    out.append("\\t");
                } else {
                    out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                }
            }
        }
        return out == null ? text.toString() : out.toString();
    }
}
