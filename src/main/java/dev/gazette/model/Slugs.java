package dev.gazette.model;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns names into slugs: lower-case, words joined by hyphens, accents transliterated
 * ({@code "Sergueï Lavrov"} → {@code serguei-lavrov}). Under {@link SlugRule#ASCII} (the default)
 * other scripts are transliterated too; under {@link SlugRule#UNICODE} their letters are kept
 * ({@code "Театр откроет сезон"} → {@code театр-откроет-сезон}), and Latin text gives the same slug
 * as under the ASCII rule.
 */
public final class Slugs {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    /**
     * Tatweel (the stretching stroke) and the Arabic vowel and other diacritics (harakat, shadda,
     * sukun, superscript alef): most Arabic text is written without them, so a vocalised and an
     * unvocalised spelling of one title must give one slug. The letters (hamza forms included, once
     * composed) stay.
     */
    private static final Pattern ARABIC_MARKS = Pattern.compile("[\u0640\u064B-\u065F\u0670]");

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

    /** The slug of {@code text} under {@code rule}: {@link #of(String)} or {@link #unicodeOf(String)}. */
    public static String of(String text, SlugRule rule) {
        return rule == SlugRule.UNICODE ? unicodeOf(text) : of(text);
    }

    /**
     * The slug of a file's base name under {@code rule}. Under the ASCII rule file names keep the
     * rule they always had ({@link #asciiOf}: no transliteration), so no file-named URL moves; under
     * the Unicode rule they follow it, so that a file {@code gazette new} named after its slug
     * ({@code театр-откроет-сезон.md}) reads back as that slug.
     */
    public static String ofFileName(String baseName, SlugRule rule) {
        return rule == SlugRule.UNICODE ? unicodeOf(baseName) : asciiOf(baseName);
    }

    /**
     * The slug of {@code text} keeping letters and digits of every script: Latin text gives exactly
     * {@link #asciiOf}'s slug (so a site that switches rule keeps its Latin URLs), letters and digits
     * of other scripts are kept as written, lower-cased ({@link Locale#ROOT}) and NFC-normalised, with
     * the marks that belong to them (Greek accents, Devanagari vowel signs). Arabic drops tatweel and
     * harakat ({@link #ARABIC_MARKS}). {@code "افتتاح حديقة"} → {@code افتتاح-حديقة}.
     *
     * <p>Chinese and Japanese write no spaces: a run of their characters stays one word
     * ({@code "地铁新线明年春天开通"} → {@code 地铁新线明年春天开通}). Splitting it at ICU's dictionary word
     * boundaries would need the CJK dictionary the jar leaves out, and would tie URLs to a
     * dictionary version: an ICU upgrade could move them. A run next to Latin letters is a word of
     * its own ({@code "DeepMind 人工智能"} → {@code deepmind-人工智能}).
     */
    public static String unicodeOf(String text) {
        if (text.codePoints().noneMatch(Slugs::keptAsWritten)) {
            return asciiOf(text);
        }
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC);
        String s = Normalizer.normalize(ARABIC_MARKS.matcher(nfc).replaceAll(""), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(s.length());
        int latinFrom = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (!keptAsWritten(c)) {
                i += Character.charCount(c);
                continue;
            }
            int end = i;
            while (end < s.length()) {
                int d = s.codePointAt(end);
                if (!keptAsWritten(d) && !isMark(d)) {
                    break;
                }
                end += Character.charCount(d);
            }
            appendWord(out, asciiOf(s.substring(latinFrom, i)));
            appendWord(out, Normalizer.normalize(s.substring(i, end).toLowerCase(Locale.ROOT), Normalizer.Form.NFC));
            latinFrom = end;
            i = end;
        }
        appendWord(out, asciiOf(s.substring(latinFrom)));
        return out.toString();
    }

    /**
     * Whether the Unicode rule keeps {@code c} as written: a letter or digit that is not Latin and
     * that {@link #asciiOf} cannot make ASCII (a full-width {@code １} is {@code 1} there, as before).
     */
    private static boolean keptAsWritten(int c) {
        return c >= 0x80 && Character.isLetterOrDigit(c)
                && Character.UnicodeScript.of(c) != Character.UnicodeScript.LATIN
                && asciiOf(new String(Character.toChars(c))).isEmpty();
    }

    private static boolean isMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK;
    }

    private static void appendWord(StringBuilder out, String word) {
        if (!word.isEmpty()) {
            if (!out.isEmpty()) {
                out.append('-');
            }
            out.append(word);
        }
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
        return ofTitle(title, maxLength, language, SlugRule.ASCII);
    }

    /**
     * The slug of a headline under {@code rule} (see {@link #ofTitle(String, int, String)}); the
     * length is counted in code points, so that a Chinese or Arabic slug is cut where a reader counts.
     */
    public static String ofTitle(String title, int maxLength, String language, SlugRule rule) {
        String slug = of(title, rule);
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

    /** At most {@code maxLength} code points of {@code slug}, cut at a hyphen when one allows it. */
    private static String cut(String slug, int maxLength) {
        if (slug.codePointCount(0, slug.length()) <= maxLength) {
            return slug;
        }
        int end = slug.offsetByCodePoints(0, maxLength);
        int cut = slug.lastIndexOf('-', end);
        if (cut > 0) {
            return slug.substring(0, cut);
        }
        // One long word (a run of Chinese): never part a letter from its marks.
        while (end > 0 && isMark(slug.codePointAt(end))) {
            end = slug.offsetByCodePoints(end, -1);
        }
        return slug.substring(0, end);
    }

    /** Whether {@code slug} already is a slug (what {@link #of} would return for it). */
    public static boolean isValid(String slug) {
        return VALID.matcher(slug).matches();
    }

    /** Whether {@code slug} already is a slug under {@code rule} (what {@link #of(String, SlugRule)} would return for it). */
    public static boolean isValid(String slug, SlugRule rule) {
        return rule == SlugRule.UNICODE ? !slug.isEmpty() && unicodeOf(slug).equals(slug) : isValid(slug);
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
