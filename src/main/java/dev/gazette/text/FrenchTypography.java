package dev.gazette.text;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/**
 * French typography, applied when a page shows French text: the one place that knows it. The model
 * keeps what the editor wrote; pages show it typeset:
 *
 * <ul>
 *   <li>the straight apostrophe becomes the typographic one: {@code l'homme} → {@code l’homme};</li>
 *   <li>straight double quotes become guillemets with no-break spaces (U+00A0) inside:
 *       {@code "oui"} → {@code « oui »}; guillemets already typed get those spaces too;</li>
 *   <li>a no-break space goes before {@code : ; ! ?}: U+00A0 before the colon, the narrow one
 *       (U+202F) before {@code ; ! ?}, as the Imprimerie nationale's rules have it. A space typed
 *       there is replaced, a missing one added; a no-break space already there is kept. A colon
 *       not followed by a space ({@code 18:36}) and punctuation inside a word ({@code ;)}) are left.</li>
 * </ul>
 *
 * Only text is touched: never a URL written in the text ({@code https://…}, {@code www.…}), and in
 * HTML never a tag, an attribute, {@code <code>}, {@code <pre>}, {@code <kbd>}, {@code <samp>},
 * {@code <script>} or {@code <style>}, nor an element marked in another language ({@code lang="en"}).
 * The same input always gives the same output, so builds stay byte-identical.
 */
public final class FrenchTypography {

    static final char NBSP = '\u00A0';
    static final char NNBSP = '\u202F';

    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|ftp://|mailto:|www\\.)\\S+");
    private static final Set<String> LEFT_AS_WRITTEN = Set.of("code", "pre", "kbd", "samp", "var", "script", "style", "textarea", "math", "svg");
    private static final Set<String> BLOCKS = Set.of("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "th", "div",
            "figcaption", "dd", "dt", "section", "article", "aside", "header", "footer", "caption", "br", "hr", "ul", "ol", "table", "tr");

    private FrenchTypography() {
    }

    /** Whether text in {@code language} (a BCP 47 tag: {@code fr}, {@code fr-MA}) is typeset. */
    public static boolean appliesTo(String language) {
        if (language == null) {
            return false;
        }
        String l = language.toLowerCase(Locale.ROOT);
        return l.equals("fr") || l.startsWith("fr-") || l.startsWith("fr_");
    }

    /** Plain text typeset (a title, a lead, a caption); {@code null} stays {@code null}. */
    public static String text(String plain) {
        if (plain == null || plain.isEmpty()) {
            return plain;
        }
        return new Run().apply(plain);
    }

    /**
     * An HTML fragment (a sanitized body) with its text nodes typeset, and nothing else changed:
     * tags, attributes, code and elements in another language are kept as they are.
     */
    public static String html(String html) {
        if (html == null || html.isEmpty()) {
            return html;
        }
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        Run run = new Run();
        doc.body().filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof Element e && e != doc.body()) {
                    String name = e.normalName();
                    if (LEFT_AS_WRITTEN.contains(name) || (e.hasAttr("lang") && !appliesTo(e.attr("lang")))) {
                        // Code stands like a word: a colon after it is still French punctuation.
                        run.prev = 'a';
                        return FilterResult.SKIP_ENTIRELY;
                    }
                    if (BLOCKS.contains(name)) {
                        run.newBlock();
                    }
                } else if (node instanceof TextNode t) {
                    String typeset = run.apply(t.getWholeText());
                    if (!typeset.equals(t.getWholeText())) {
                        t.text(typeset);
                    }
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                if (node instanceof Element e && BLOCKS.contains(e.normalName())) {
                    run.newBlock();
                }
                return FilterResult.CONTINUE;
            }
        });
        return doc.body().html();
    }

    /** One pass over consecutive texts; {@link #prev} carries the last character from one text node to the next. */
    private static final class Run {

        /** The character before the text being read; {@code \n} at the start of a block. */
        char prev = '\n';
        /** Whether a straight double quote opened a quotation that is not closed yet (in this block). */
        boolean quoting;

        /** A block starts: quotations do not run from one paragraph into the next. */
        void newBlock() {
            prev = '\n';
            quoting = false;
        }

        String apply(String s) {
            if (!hasMarks(s)) {
                // Most text nodes of a page hold none of the marks typeset: nothing to do but carry the last character.
                if (!s.isEmpty()) {
                    prev = s.charAt(s.length() - 1);
                }
                return s;
            }
            boolean[] url = new boolean[s.length()];
            if (mayHoldUrl(s)) {
                Matcher m = URL.matcher(s);
                while (m.find()) {
                    for (int k = m.start(); k < m.end(); k++) {
                        url[k] = true;
                    }
                }
            }
            StringBuilder out = new StringBuilder(s.length() + 8);
            int n = s.length();
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                char next = i + 1 < n ? s.charAt(i + 1) : '\0';
                if (url[i]) {
                    out.append(c);
                } else if (c == '\'') {
                    out.append('\u2019');
                } else if (c == '"') {
                    if (!quoting && opens(last(out))) {
                        out.append('«').append(NBSP);
                        i = skipSpaces(s, i);
                        quoting = true;
                    } else {
                        trimSpaces(out);
                        out.append(NBSP).append('»');
                        quoting = false;
                    }
                } else if (c == '«') {
                    out.append('«');
                    if (next == ' ' || next == '\t') {
                        out.append(NBSP);
                        i = skipSpaces(s, i);
                    } else if (next != '\0' && !isNoBreak(next) && !Character.isWhitespace(next)) {
                        out.append(NBSP);
                    }
                } else if (c == '»') {
                    char before = last(out);
                    if (!isNoBreak(before) && before != '\n') {
                        trimSpaces(out);
                        out.append(NBSP);
                    }
                    out.append('»');
                } else if ((c == ':' || c == ';' || c == '!' || c == '?') && endsClause(next, c)) {
                    char before = last(out);
                    if (Character.isWhitespace(before) && before != '\n' && !isNoBreak(before)) {
                        trimSpaces(out);
                        if (!wordBefore(last(out))) {
                            // A space after a block's start or another mark (`?? `): nothing to bind to.
                            out.append(' ');
                        } else {
                            out.append(c == ':' ? NBSP : NNBSP);
                        }
                    } else if (wordBefore(before)) {
                        out.append(c == ':' ? NBSP : NNBSP);
                    }
                    out.append(c);
                } else {
                    out.append(c);
                }
            }
            if (out.length() > 0) {
                prev = out.charAt(out.length() - 1);
            }
            return out.toString();
        }

        /** Whether {@code s} holds a character {@link #apply} may change: an apostrophe, a quote, a guillemet or {@code : ; ! ?}. */
        private static boolean hasMarks(String s) {
            for (int i = 0; i < s.length(); i++) {
                switch (s.charAt(i)) {
                    case '\'', '"', '«', '»', ':', ';', '!', '?':
                        return true;
                    default:
                        break;
                }
            }
            return false;
        }

        /**
         * Whether {@link #URL} can match in {@code s}: it needs {@code ://}, {@code mailto:} or
         * {@code www.}. The expression, tried at every word, was most of the typesetting's time.
         */
        private static boolean mayHoldUrl(String s) {
            if (s.contains("://")) {
                return true;
            }
            for (int i = 0; i < s.length(); i++) {
                char c = (char) (s.charAt(i) | 0x20);
                if ((c == 'm' && s.regionMatches(true, i, "mailto:", 0, 7)) || (c == 'w' && s.regionMatches(true, i, "www.", 0, 4))) {
                    return true;
                }
            }
            return false;
        }

        /** The last character written, or the one before this text when nothing is written yet. */
        private char last(StringBuilder out) {
            return out.length() == 0 ? prev : out.charAt(out.length() - 1);
        }

        /** Removes the ordinary spaces at the end of {@code out} (those of this text node only). */
        private static void trimSpaces(StringBuilder out) {
            int end = out.length();
            while (end > 0 && (out.charAt(end - 1) == ' ' || out.charAt(end - 1) == '\t')) {
                end--;
            }
            out.setLength(end);
        }

        /** The index of the last ordinary space after {@code i}, or {@code i} when none follows. */
        private static int skipSpaces(String s, int i) {
            while (i + 1 < s.length() && (s.charAt(i + 1) == ' ' || s.charAt(i + 1) == '\t')) {
                i++;
            }
            return i;
        }

        /** A double quote after this opens a quotation; after a word or a mark it closes one. */
        private static boolean opens(char before) {
            return before == '\n' || Character.isWhitespace(before) || isNoBreak(before) || "([{-–—/«\u2018\u201C".indexOf(before) >= 0;
        }

        /** What may stand right before {@code : ; ! ?} with a no-break space between: a word, a number, a closing mark. */
        private static boolean wordBefore(char before) {
            return Character.isLetterOrDigit(before) || ")]}»’\"%…*°".indexOf(before) >= 0;
        }

        /** {@code : ; ! ?} end a clause when followed by a space, the end, or closing punctuation (not in {@code 18:36} or {@code ;)}). */
        private static boolean endsClause(char next, char mark) {
            if (next == '\0' || Character.isWhitespace(next) || isNoBreak(next)) {
                return true;
            }
            // Not `;)`: a wink, not a clause.
            return mark != ':' && (mark == ';' ? "»\"" : "!?»\").…,").indexOf(next) >= 0;
        }

        private static boolean isNoBreak(char c) {
            return c == NBSP || c == NNBSP || c == '\u2007' || c == '\u2009' || c == '\u2060';
        }
    }
}
