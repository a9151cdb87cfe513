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
        String streamed = Streamed.typeset(html);
        return streamed != null ? streamed : parsed(html);
    }

    /** {@link #html} through a parse of the fragment: for what {@link Streamed} does not read. */
    static String parsed(String html) {
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

    /**
     * {@link #html} in one pass over the markup, without building its tree: the same texts, in the
     * same order, typeset by the same {@link Run}, with the same blocks and skipped elements, and
     * only the texts that change written again. For the markup Gazette itself writes (the
     * sanitizer's: double-quoted attributes, the base entities only, no comment), whose parse
     * prints it back as it is; anything else ({@code null}) goes through the parse. Parsing and
     * printing every article's body again was a seventh of rendering a site
     * (profiled: a cold build of 10,000 articles).
     */
    static final class Streamed {

        private Streamed() {
        }

        /** What a tag says: its name, whether it closes, its {@code lang} (or {@code null}), and where it ends. */
        private record Tag(String name, boolean closing, String lang, int end) {
        }

        /** Tags that make the parse build what the markup does not say: never streamed. */
        private static final Set<String> PARSE_ONLY = Set.of("html", "head", "body", "template", "title", "noscript", "iframe",
                "frameset", "plaintext", "xmp", "table", "tbody", "thead", "tfoot", "tr", "td", "th", "select", "option");

        static String typeset(String html) {
            StringBuilder out = null; // made at the first text that changes
            int copied = 0; // html before this is in out already
            Run run = new Run();
            boolean[] printedAlike = new boolean[1];
            java.util.ArrayDeque<String> open = new java.util.ArrayDeque<>();
            int at = 0;
            int n = html.length();
            while (at < n) {
                if (html.charAt(at) == '<') {
                    Tag tag = tag(html, at);
                    if (tag == null) {
                        return null;
                    }
                    at = tag.end();
                    if (tag.closing()) {
                        if (open.isEmpty() || !open.pop().equals(tag.name())) {
                            return null; // an end tag the parse would match otherwise
                        }
                        if (BLOCKS.contains(tag.name())) {
                            run.newBlock();
                        }
                        continue;
                    }
                    boolean empty = org.jsoup.parser.Tag.valueOf(tag.name()).isEmpty();
                    if (LEFT_AS_WRITTEN.contains(tag.name()) || (tag.lang() != null && !appliesTo(tag.lang()))) {
                        // As the parse's filter: the element is skipped whole, and its tail is not seen.
                        run.prev = 'a';
                        if (!empty) {
                            at = skipElement(html, at, tag.name(), printedAlike);
                            if (at < 0) {
                                return null;
                            }
                        }
                        continue;
                    }
                    if (BLOCKS.contains(tag.name())) {
                        run.newBlock();
                        if (empty) {
                            run.newBlock(); // a leaf's tail comes right after its head
                        }
                    }
                    if (!empty) {
                        open.push(tag.name());
                    }
                    continue;
                }
                int textEnd = html.indexOf('<', at);
                if (textEnd < 0) {
                    textEnd = n;
                }
                String text = decode(html, at, textEnd, printedAlike);
                if (text == null) {
                    return null;
                }
                String typeset = run.apply(text);
                if (!typeset.equals(text) || !printedAlike[0]) {
                    if (out == null) {
                        out = new StringBuilder(n + 64);
                    }
                    out.append(html, copied, at);
                    escape(typeset, out);
                    copied = textEnd;
                }
                at = textEnd;
            }
            if (!open.isEmpty()) {
                return null; // left open: the parse closes it somewhere
            }
            return out == null ? html : out.append(html, copied, n).toString();
        }

        private static boolean isNameChar(char c) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-';
        }

        /**
         * The tag at {@code at}, when the parse's printer would write it as it stands: a lowercase
         * name, then each attribute as one space, a lowercase name, {@code ="}, a value with no
         * {@code <}, {@code >}, no-break space or entity but {@code &amp;} and {@code &quot;}, and
         * {@code "}; an end tag as {@code </name>}. {@code null} for anything else ("<br />", a
         * comment, an attribute without a value, a tag the parse adds elements around).
         */
        private static Tag tag(String html, int at) {
            int n = html.length();
            boolean closing = at + 1 < n && html.charAt(at + 1) == '/';
            int i = at + (closing ? 2 : 1);
            int nameStart = i;
            while (i < n && isNameChar(html.charAt(i))) {
                i++;
            }
            if (i == nameStart || i >= n) {
                return null;
            }
            String name = html.substring(nameStart, i);
            if (PARSE_ONLY.contains(name) || name.charAt(0) < 'a') {
                return null;
            }
            if (closing) {
                return html.charAt(i) == '>' ? new Tag(name, true, null, i + 1) : null;
            }
            String lang = null;
            while (i < n && html.charAt(i) == ' ') {
                int attributeStart = ++i;
                while (i < n && (isNameChar(html.charAt(i)) || html.charAt(i) == '_' || html.charAt(i) == ':')) {
                    i++;
                }
                if (i == attributeStart || i + 1 >= n || html.charAt(i) != '=' || html.charAt(i + 1) != '"') {
                    return null;
                }
                String attribute = html.substring(attributeStart, i);
                int valueStart = i + 2;
                int close = html.indexOf('"', valueStart);
                if (close < 0) {
                    return null;
                }
                for (int k = valueStart; k < close; k++) {
                    char c = html.charAt(k);
                    if (c == '<' || c == '>' || c == NBSP
                            || c == '&' && !html.startsWith("&amp;", k) && !html.startsWith("&quot;", k)) {
                        return null;
                    }
                }
                if (attribute.equals("lang")) {
                    if (lang != null) {
                        return null;
                    }
                    lang = html.substring(valueStart, close).replace("&quot;", "\"").replace("&amp;", "&");
                }
                i = close + 1;
            }
            return i < n && html.charAt(i) == '>' ? new Tag(name, false, lang, i + 1) : null;
        }

        /**
         * Past the end tag of the element {@code name} whose content starts at {@code from}
         * (counting the same elements nested in it), when all of its markup is printed back as it
         * stands; -1 otherwise.
         */
        private static int skipElement(String html, int from, String name, boolean[] printedAlike) {
            int depth = 1;
            int i = from;
            while (true) {
                int lt = html.indexOf('<', i);
                if (lt < 0 || decode(html, i, lt, printedAlike) == null || !printedAlike[0]) {
                    return -1;
                }
                Tag tag = tag(html, lt);
                if (tag == null) {
                    return -1;
                }
                if (tag.name().equals(name)) {
                    depth += tag.closing() ? -1 : 1;
                    if (depth == 0) {
                        return tag.end();
                    }
                }
                i = tag.end();
            }
        }

        /**
         * A text's characters, its entities read: the four the sanitizer writes, and {@code &quot;},
         * which flexmark writes in plain prose; {@code null} for any other. {@code printedAlike[0]}
         * says whether the parse's printer writes the text back as it stands (not so for {@code
         * &quot;}, a {@code >} or a no-break space as they are: it prints {@code "}, {@code &gt;},
         * {@code &nbsp;}).
         */
        private static String decode(String html, int from, int to, boolean[] printedAlike) {
            printedAlike[0] = true;
            StringBuilder text = null;
            int i = from;
            while (i < to) {
                char c = html.charAt(i);
                if (c == '>' || c == NBSP) {
                    printedAlike[0] = false;
                }
                if (c != '&') {
                    if (text != null) {
                        text.append(c);
                    }
                    i++;
                    continue;
                }
                if (text == null) {
                    text = new StringBuilder(to - from).append(html, from, i);
                }
                if (html.startsWith("&amp;", i)) {
                    text.append('&');
                    i += 5;
                } else if (html.startsWith("&lt;", i)) {
                    text.append('<');
                    i += 4;
                } else if (html.startsWith("&gt;", i)) {
                    text.append('>');
                    i += 4;
                } else if (html.startsWith("&nbsp;", i)) {
                    text.append(NBSP);
                    i += 6;
                } else if (html.startsWith("&quot;", i)) {
                    text.append('"');
                    i += 6;
                    printedAlike[0] = false;
                } else {
                    return null;
                }
                if (i > to) {
                    return null;
                }
            }
            return text == null ? html.substring(from, to) : text.toString();
        }

        /** A text as the parse's printer writes it: the base entities, in a text (not an attribute). */
        private static void escape(String text, StringBuilder out) {
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case NBSP -> out.append("&nbsp;");
                    default -> out.append(c);
                }
            }
        }
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
