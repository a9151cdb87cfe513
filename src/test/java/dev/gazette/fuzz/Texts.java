package dev.gazette.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Fuzz inputs as text: decoded leniently for parsers that take strings, shown compactly in failure messages. */
public final class Texts {

    private Texts() {
    }

    /**
     * The bytes as UTF-8, keeping what a strict decoder would reject: a three-byte sequence for a
     * surrogate becomes that lone surrogate (as Java strings allow), any other invalid byte
     * U+FFFD. This is how a lone surrogate reaches code that takes a {@code String}.
     */
    public static String lenientUtf8(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length);
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            int cp = length == 0 ? -1 : length == 1 ? b : b & (0xFF >> (length + 1));
            for (int k = 1; k < length && cp >= 0; k++) {
                if (i + k >= bytes.length || (bytes[i + k] & 0xC0) != 0x80) {
                    cp = -1;
                } else {
                    cp = cp << 6 | (bytes[i + k] & 0x3F);
                }
            }
            boolean overlong = cp >= 0 && (length == 3 && cp < 0x800 || length == 4 && (cp < 0x10000 || cp > 0x10FFFF));
            if (cp < 0 || overlong) {
                out.append('\uFFFD');
                i++;
            } else {
                out.appendCodePoint(cp);
                i += length;
            }
        }
        return out.toString();
    }

    /** {@code bytes} as two hex digits each, space-separated. */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(out.length() == 0 ? "" : " ").append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    /**
     * A Java-like string literal of {@code bytes}, at most about {@code max} characters: control,
     * invisible and non-ASCII characters escaped as {@code \\uXXXX}, bytes that are not UTF-8 as
     * {@code \\xNN}, and a run of one unit repeated many times as {@code «unit»×N}.
     */
    public static String show(byte[] bytes, int max) {
        List<String> tokens = tokens(bytes);
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        while (i < tokens.size()) {
            if (out.length() > max) {
                out.append("\"… (").append(tokens.size() - i).append(" more characters)");
                return out.toString();
            }
            int bestUnit = 0;
            int bestRepeats = 0;
            for (int unit = 1; unit <= 8 && i + unit <= tokens.size(); unit++) {
                int repeats = 1;
                while (i + (repeats + 1) * unit <= tokens.size() && same(tokens, i, i + repeats * unit, unit)) {
                    repeats++;
                }
                if (repeats >= 6 && repeats * unit >= 16 && repeats * unit > bestRepeats * bestUnit) {
                    bestUnit = unit;
                    bestRepeats = repeats;
                }
            }
            if (bestUnit > 0) {
                out.append("\"+«").append(String.join("", tokens.subList(i, i + bestUnit))).append("»×").append(bestRepeats).append("+\"");
                i += bestUnit * bestRepeats;
            } else {
                out.append(tokens.get(i));
                i++;
            }
        }
        return out.append('"').toString().replace("+\"\"", "").replace("\"\"+", "");
    }

    private static boolean same(List<String> tokens, int a, int b, int length) {
        for (int k = 0; k < length; k++) {
            if (!tokens.get(a + k).equals(tokens.get(b + k))) {
                return false;
            }
        }
        return true;
    }

    /** One escaped token per character or invalid byte. */
    private static List<String> tokens(byte[] bytes) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < bytes.length) {
            int b = bytes[i] & 0xFF;
            int length = b < 0x80 ? 1 : b >= 0xC2 && b < 0xE0 ? 2 : b >= 0xE0 && b < 0xF0 ? 3 : b >= 0xF0 && b < 0xF5 ? 4 : 0;
            boolean valid = length > 0 && i + length <= bytes.length;
            for (int k = 1; valid && k < length; k++) {
                valid = (bytes[i + k] & 0xC0) == 0x80;
            }
            String decoded = valid ? new String(bytes, i, length, StandardCharsets.UTF_8) : "\uFFFD";
            if (!valid || decoded.equals("\uFFFD")) {
                tokens.add(String.format("\\x%02X", b));
                i++;
                continue;
            }
            tokens.add(escape(decoded));
            i += length;
        }
        return tokens;
    }

    private static String escape(String ch) {
        return switch (ch) {
            case "\n" -> "\\n";
            case "\r" -> "\\r";
            case "\t" -> "\\t";
            case "\"" -> "\\\"";
            case "\\" -> "\\\\";
            default -> {
                int cp = ch.codePointAt(0);
                if (cp >= 0x20 && cp < 0x7F) {
                    yield ch;
                }
                if (Character.isLetterOrDigit(cp) && cp < 0x3000 && Character.charCount(cp) == 1) {
                    yield ch; // é, ü, ß: readable as they are
                }
                StringBuilder u = new StringBuilder();
                for (char c : ch.toCharArray()) {
                    u.append(String.format("\\u%04X", (int) c));
                }
                yield u.toString();
            }
        };
    }
}
