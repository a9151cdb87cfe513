package dev.gazette.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
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

    /**
     * The slug of {@code text}; empty when the text has no letter or digit. Letters of other
     * scripts than Latin (Arabic, Chinese, Cyrillic, Greek…) are transliterated first, with
     * ICU's {@code Any-Latin; Latin-ASCII}: {@code "المغرب"} → {@code almghrb}, {@code "Россия"} →
     * {@code rossia}, {@code "人工智能"} → {@code ren-gong-zhi-neng}. A text in Latin letters
     * only never reaches ICU, so its slug is what it always was.
     */
    public static String of(String text) {
        return asciiOf(hasOtherScript(text) ? Transliteration.toLatin(text) : text);
    }

    /**
     * The slug of {@code text} keeping only its Latin letters and digits, as Gazette made every
     * slug before it transliterated other scripts: the old rule of {@link #legacyOfTitle}, and
     * the rule for file names, so that no file name changes meaning (and URL).
     */
    public static String asciiOf(String text) {
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
     * Words a headline's slug leaves out in French: articles, elided forms ({@code l'}, {@code d'},
     * {@code qu'}), the commonest prepositions and conjunctions. Short on purpose: a word missing
     * here costs a few characters of URL, a word wrongly here would cost meaning.
     */
    public static final Set<String> FRENCH_STOP_WORDS = Set.of(
            "le", "la", "les", "l", "de", "du", "des", "d", "un", "une", "au", "aux", "et", "ou", "en", "a",
            "pour", "par", "sur", "dans", "avec", "entre", "sous", "chez", "vers", "qu", "que", "qui", "se", "s",
            "son", "sa", "ses", "ce", "ces", "y");

    /** Words a headline's slug leaves out in English. */
    public static final Set<String> ENGLISH_STOP_WORDS = Set.of(
            "a", "an", "the", "of", "and", "or", "to", "in", "on", "at", "for", "by", "with", "from", "as",
            "is", "are", "its", "into");

    /**
     * The slug of a headline in a French site (see {@link #ofTitle(String, int, String)}).
     */
    public static String ofTitle(String title, int maxLength) {
        return ofTitle(title, maxLength, "fr");
    }

    /**
     * The slug of a headline: its words without the stop words of {@code language} (French for
     * {@code fr…} or {@code null}, English for {@code en…}; none for another language), cut at a
     * word boundary so URLs stay readable: at most {@code maxLength} characters when the first
     * word allows it. A headline made only of stop words keeps them all, so it still has a slug.
     *
     * @param language the article's language, or the site's (BCP 47), or {@code null} for French
     */
    public static String ofTitle(String title, int maxLength, String language) {
        String slug = of(title);
        Set<String> stop = stopWords(language);
        StringBuilder kept = new StringBuilder(slug.length());
        for (String word : slug.split("-")) {
            if (!word.isEmpty() && !stop.contains(word)) {
                if (!kept.isEmpty()) {
                    kept.append('-');
                }
                kept.append(word);
            }
        }
        return cut(kept.isEmpty() ? slug : kept.toString(), maxLength);
    }

    /**
     * The slug of a headline as Gazette made it before stop words were left out: every word, cut at
     * a word boundary. Kept so that the URLs published under that rule still lead to their articles
     * (the build redirects them).
     */
    public static String legacyOfTitle(String title, int maxLength) {
        // A title without a Latin letter had no slug at all under the old rule: nothing to redirect.
        String legacy = cut(asciiOf(title), maxLength);
        return legacy.isEmpty() ? null : legacy;
    }

    /** Whether {@code text} holds a letter or digit of a script other than Latin. */
    static boolean hasOtherScript(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x80 && Character.isLetterOrDigit(c)) {
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script != Character.UnicodeScript.LATIN && script != Character.UnicodeScript.COMMON
                        && script != Character.UnicodeScript.INHERITED) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * ICU's transliterator, built on first use: it takes a tenth of a second to build and a site
     * in Latin letters never needs it. ICU does not promise that one instance may be used by
     * several threads at once, and articles are read in parallel, so calls take turns.
     */
    private static final class Transliteration {

        private static final com.ibm.icu.text.Transliterator TO_LATIN =
                com.ibm.icu.text.Transliterator.getInstance("Any-Latin; Latin-ASCII");

        static String toLatin(String text) {
            try {
                synchronized (TO_LATIN) {
                    return TO_LATIN.transliterate(text);
                }
            } catch (RuntimeException e) {
                // The jar carries only the data transliteration needs (see the pom's shade filter):
                // a script whose rules want more keeps its Latin letters only, as before, and the
                // article gets a slug from those or is told to give one.
                return text;
            }
        }
    }

    /** The stop words of {@code language} (BCP 47): French for {@code fr…} and {@code null}, English for {@code en…}. */
    static Set<String> stopWords(String language) {
        String primary = language == null ? "fr" : language.strip().toLowerCase(Locale.ROOT);
        int dash = primary.indexOf('-') >= 0 ? primary.indexOf('-') : primary.indexOf('_');
        primary = dash < 0 ? primary : primary.substring(0, dash);
        return switch (primary) {
            case "fr", "" -> FRENCH_STOP_WORDS;
            case "en" -> ENGLISH_STOP_WORDS;
            default -> Set.of();
        };
    }

    private static String cut(String slug, int maxLength) {
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
