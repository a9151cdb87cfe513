package dev.gazette.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Turns names into slugs: ASCII, lower-case, words joined by hyphens, accents transliterated
 * ({@code "Sergueï Lavrov"} → {@code serguei-lavrov}).
 */
public final class Slugs {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");

    private Slugs() {
    }

    /** The slug of {@code text}; empty when the text has no letter or digit. */
    public static String of(String text) {
        String expanded = expandLigatures(text);
        String decomposed = Normalizer.normalize(expanded, Normalizer.Form.NFKD);
        String bare = COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(bare.length());
        boolean pendingHyphen = false;
        for (int i = 0; i < bare.length(); i++) {
            char c = bare.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                if (pendingHyphen && !out.isEmpty()) {
                    out.append('-');
                }
                pendingHyphen = false;
                out.append(c);
            } else {
                pendingHyphen = true;
            }
        }
        return out.toString();
    }

    /**
     * The slug of a headline, cut at a word boundary so URLs stay readable: at most
     * {@code maxLength} characters when the first word allows it.
     */
    public static String ofTitle(String title, int maxLength) {
        String slug = of(title);
        if (slug.length() <= maxLength) {
            return slug;
        }
        int cut = slug.lastIndexOf('-', maxLength);
        return cut > 0 ? slug.substring(0, cut) : slug.substring(0, maxLength);
    }

    /** Whether {@code slug} already is a slug (what {@link #of} would return for it). */
    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    // Letters that Unicode decomposition leaves alone but every reader transliterates.
    private static String expandLigatures(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case 'œ' -> out.append("oe");
                case 'Œ' -> out.append("OE");
                case 'æ' -> out.append("ae");
                case 'Æ' -> out.append("AE");
                case 'ß' -> out.append("ss");
                case 'ø' -> out.append('o');
                case 'Ø' -> out.append('O');
                case 'ł' -> out.append('l');
                case 'Ł' -> out.append('L');
                case 'đ', 'ð' -> out.append('d');
                case 'Đ', 'Ð' -> out.append('D');
                case 'þ' -> out.append("th");
                case 'Þ' -> out.append("TH");
                case 'ı' -> out.append('i');
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
