package dev.gazette.markup;

import dev.gazette.text.ControlCharacters;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;

/**
 * Cleans HTML that comes from sources (raw HTML in Markdown, saved article pages) so it can be
 * published inside our pages: scripts, frames, styles, event handlers and {@code javascript:} URLs
 * go; the structure of an article (paragraphs, headings, lists, tables, quotes, figures, images,
 * links) stays, without the control characters that character references ({@code &#1;}) or
 * Markdown's entities write. Thread-safe.
 */
public final class HtmlSanitizer {

    private static final String SAFE_BASE = "https://sanitizer.invalid/";
    private final Safelist safelist;

    public HtmlSanitizer() {
        this.safelist = Safelist.relaxed()
                .addTags("figure", "figcaption", "abbr", "mark", "s", "del", "ins", "time", "hr", "small")
                .addAttributes(":all", "lang", "title")
                .addAttributes("h1", "id").addAttributes("h2", "id").addAttributes("h3", "id")
                .addAttributes("h4", "id").addAttributes("h5", "id").addAttributes("h6", "id")
                .addAttributes("table", "class")
                .addAttributes("time", "datetime")
                .addAttributes("abbr", "title")
                .addAttributes("a", "hreflang")
                .addEnforcedAttribute("a", "rel", "noopener")
                .preserveRelativeLinks(true);
    }

    /** A safe copy of the HTML fragment {@code html}, as compact HTML; see {@link #sanitize(String, ControlCharacters.Tally)}. */
    public String sanitize(String html) {
        return sanitize(html, new ControlCharacters.Tally());
    }

    /**
     * A safe copy of the HTML fragment {@code html}, as compact HTML. Control characters go from
     * its text and attribute values, raw or written as character references, and are counted in
     * {@code controls} as the field {@code body}.
     */
    public String sanitize(String html, ControlCharacters.Tally controls) {
        Document dirty = Jsoup.parseBodyFragment(html, SAFE_BASE);
        Document clean = new Cleaner(safelist).clean(dirty);
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        // Headings inside an article start at h2: the page's title is its only h1.
        clean.body().select("h1").tagName("h2");
        removeControls(clean.body(), controls);
        return clean.body().html();
    }

    /** Parsing decoded the references: what is left of a control is now a character to remove. */
    private static void removeControls(Element body, ControlCharacters.Tally controls) {
        NodeTraversor.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                String text = t.getWholeText();
                String kept = controls.strip(text, 0, "body");
                if (kept != text) {
                    t.text(kept);
                }
            } else if (node instanceof Element e) {
                for (Attribute a : e.attributes()) {
                    String value = a.getValue();
                    String kept = controls.strip(value, 0, "body");
                    if (kept != value) {
                        a.setValue(kept);
                    }
                }
            }
        }, body);
    }

    /** The text of an HTML fragment, whitespace collapsed; for leads and summaries. */
    public static String textOf(String html) {
        return Jsoup.parseBodyFragment(html).body().text();
    }

    /**
     * The words of HTML that {@link #sanitize} produced, for indexing: tags become spaces, entities
     * are decoded, nothing is parsed into a tree. Several times faster than {@link #textOf}, and only
     * for well-formed output of our own (a {@code <} in text is always escaped there), never for
     * display.
     */
    public static String plainText(String sanitizedHtml) {
        // By runs between tags, not character by character: this reads every body once per build.
        int n = sanitizedHtml.length();
        StringBuilder text = new StringBuilder(n);
        boolean entities = false;
        int amp = sanitizedHtml.indexOf('&'); // the next '&' at or after i, or one inside a tag behind it
        int i = 0;
        while (i < n) {
            int tag = sanitizedHtml.indexOf('<', i);
            int end = tag < 0 ? n : tag;
            if (!entities && amp >= 0) {
                if (amp < i) {
                    amp = sanitizedHtml.indexOf('&', i);
                }
                entities = amp >= 0 && amp < end;
            }
            text.append(sanitizedHtml, i, end);
            if (tag < 0) {
                break;
            }
            text.append(' ');
            int close = sanitizedHtml.indexOf('>', tag + 1);
            i = close < 0 ? n : close + 1;
        }
        return entities ? Parser.unescapeEntities(text.toString(), false) : text.toString();
    }
}
