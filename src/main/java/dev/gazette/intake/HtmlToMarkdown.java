package dev.gazette.intake;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A sanitized article body in Markdown, for editors to read and edit. Paragraphs, headings,
 * lists, quotes, code, links, emphasis and images become Markdown; what Markdown cannot say
 * (figures with captions, tables, media, anything else) stays HTML, which Markdown allows and
 * the build sanitizes again. One paragraph a line, so the output only changes where the text does.
 */
final class HtmlToMarkdown {

    private static final Set<String> RAW_BLOCKS = Set.of("figure", "table", "video", "audio", "picture", "iframe", "dl",
            "details", "object", "math", "svg");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "header", "footer", "aside",
            "span", "body", "center");
    /** Characters Markdown reads as markup anywhere in a line; {@code |} makes tables, {@code ~} strikethrough. */
    private static final Pattern INLINE_SPECIAL = Pattern.compile("([\\\\`*_\\[\\]<|~])");
    /** What starts a block when it starts a line: a heading, a quote, a list item, a rule. */
    private static final Pattern LINE_START = Pattern.compile("^(\\s*)[#>+=-]");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\s*\\d+)[.)]");
    private static final Pattern ENTITY = Pattern.compile("&(?=[#A-Za-z0-9]+;)");

    private HtmlToMarkdown() {
    }

    /** The Markdown of {@code html}, a fragment; blocks are separated by a blank line, and it ends with a line break. */
    static String convert(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.outputSettings().prettyPrint(false);
        Element body = doc.body();
        StringBuilder out = new StringBuilder();
        blocks(body, out);
        String md = out.toString().replaceAll("\n{3,}", "\n\n").strip();
        return md.isEmpty() ? "" : md + "\n";
    }

    private static void blocks(Element parent, StringBuilder out) {
        StringBuilder inline = new StringBuilder();
        for (Node child : parent.childNodes()) {
            if (child instanceof Element e && isBlock(e)) {
                flush(inline, out);
                block(e, out);
            } else {
                inline(child, inline);
            }
        }
        flush(inline, out);
    }

    private static boolean isBlock(Element e) {
        return e.isBlock() || RAW_BLOCKS.contains(e.normalName());
    }

    private static void flush(StringBuilder inline, StringBuilder out) {
        String text = inline.toString().strip();
        if (!text.isEmpty()) {
            out.append(lineStart(text)).append("\n\n");
        }
        inline.setLength(0);
    }

    private static void block(Element e, StringBuilder out) {
        String name = e.normalName();
        switch (name) {
            case "p" -> paragraph(e, out);
            case "h1", "h2", "h3", "h4", "h5", "h6" -> {
                String text = inlineOf(e).replace("\\\n", " ").replace("\n", " ").strip();
                if (text.endsWith("#")) {
                    text = text.substring(0, text.length() - 1) + "\\#"; // else a closing sequence, dropped
                }
                if (!text.isEmpty()) {
                    out.append("#".repeat(name.charAt(1) - '0')).append(' ').append(text).append("\n\n");
                }
            }
            case "ul", "ol" -> list(e, out, "");
            case "blockquote" -> {
                StringBuilder inner = new StringBuilder();
                blocks(e, inner);
                String quoted = inner.toString().strip();
                if (!quoted.isEmpty()) {
                    for (String line : quoted.split("\n", -1)) {
                        out.append(line.isEmpty() ? ">" : "> " + line).append('\n');
                    }
                    out.append('\n');
                }
            }
            case "pre" -> {
                String code = e.wholeText();
                String fence = "```";
                while (code.contains(fence)) {
                    fence += "`";
                }
                out.append(fence).append('\n').append(code.endsWith("\n") ? code : code + "\n").append(fence).append("\n\n");
            }
            case "hr" -> out.append("* * *\n\n");
            default -> {
                if (CONTAINERS.contains(name) || name.equals("li")) {
                    blocks(e, out);
                } else {
                    raw(e, out);
                }
            }
        }
    }

    private static void paragraph(Element p, StringBuilder out) {
        // A paragraph holding a block (invalid, but sanitized pages keep it) is read as its blocks.
        if (p.children().stream().anyMatch(HtmlToMarkdown::isBlock)) {
            blocks(p, out);
            return;
        }
        String text = inlineOf(p).strip();
        if (!text.isEmpty()) {
            out.append(lineStart(text)).append("\n\n");
        }
    }

    /** HTML kept as an HTML block: on one line, so no blank line inside ends it early. */
    private static void raw(Element e, StringBuilder out) {
        String html = e.outerHtml().replaceAll("\\s*\n\\s*", " ").strip();
        if (!html.isEmpty()) {
            out.append(html).append("\n\n");
        }
    }

    private static void list(Element list, StringBuilder out, String indent) {
        boolean ordered = list.normalName().equals("ol");
        int n = ordered && list.hasAttr("start") && list.attr("start").matches("\\d{1,6}") ? Integer.parseInt(list.attr("start")) : 1;
        for (Element li : list.children()) {
            if (!li.normalName().equals("li")) {
                continue;
            }
            String marker = ordered ? (n++) + ". " : "- ";
            String pad = " ".repeat(marker.length());
            StringBuilder text = new StringBuilder();
            StringBuilder nested = new StringBuilder();
            for (Node child : li.childNodes()) {
                if (child instanceof Element e && (e.normalName().equals("ul") || e.normalName().equals("ol"))) {
                    list(e, nested, indent + pad);
                } else if (child instanceof Element e && isBlock(e)) {
                    text.append(' ').append(inlineOf(e));
                } else {
                    inline(child, text);
                }
            }
            out.append(indent).append(marker).append(lineStart(text.toString().strip()).replace("\n", "\n" + indent + pad)).append('\n');
            out.append(nested);
        }
        if (indent.isEmpty()) {
            out.append('\n');
        }
    }

    private static String inlineOf(Element e) {
        StringBuilder out = new StringBuilder();
        for (Node child : e.childNodes()) {
            inline(child, out);
        }
        return out.toString();
    }

    private static void inline(Node node, StringBuilder out) {
        if (node instanceof TextNode t) {
            String text = t.getWholeText().replaceAll("\\s+", " ");
            out.append(escape(text));
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.normalName()) {
            case "strong", "b" -> wrap(e, "**", out);
            case "em", "i", "cite" -> wrap(e, "*", out);
            case "del", "s", "strike" -> wrap(e, "~~", out);
            case "code" -> {
                String code = e.text();
                String ticks = code.contains("`") ? "`` " : "`";
                out.append(ticks).append(code).append(new StringBuilder(ticks).reverse());
            }
            case "br" -> out.append("\\\n");
            case "a" -> {
                String text = inlineOf(e).strip();
                String href = e.attr("href").strip();
                if (href.isEmpty() || text.isEmpty()) {
                    out.append(text);
                } else {
                    out.append('[').append(text).append("](").append(destination(href));
                    if (!e.attr("title").isBlank()) {
                        out.append(" \"").append(e.attr("title").replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                    }
                    out.append(')');
                }
            }
            case "img" -> {
                String src = e.attr("src").strip();
                if (!src.isEmpty()) {
                    out.append("![").append(escape(e.attr("alt").replaceAll("\\s+", " ").strip())).append("](")
                            .append(destination(src)).append(')');
                }
            }
            case "sub", "sup", "mark", "small", "abbr", "q", "u", "kbd", "time" -> {
                // Markdown has no word for these: kept as inline HTML, around Markdown text.
                out.append('<').append(e.normalName()).append('>').append(inlineOf(e)).append("</").append(e.normalName()).append('>');
            }
            default -> {
                for (Node child : e.childNodes()) {
                    inline(child, out);
                }
            }
        }
    }

    /** {@code **text**} with the spaces at its ends moved outside, where emphasis can open and close. */
    private static void wrap(Element e, String mark, StringBuilder out) {
        String text = inlineOf(e);
        String stripped = text.strip();
        if (stripped.isEmpty()) {
            out.append(text);
            return;
        }
        if (Character.isWhitespace(text.charAt(0))) {
            out.append(' ');
        }
        out.append(mark).append(stripped).append(mark);
        if (Character.isWhitespace(text.charAt(text.length() - 1))) {
            out.append(' ');
        }
    }

    /** A link or image destination, with what would end it or break it percent-encoded. */
    private static String destination(String url) {
        StringBuilder out = new StringBuilder(url.length());
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            switch (c) {
                case ' ' -> out.append("%20");
                case '(' -> out.append("%28");
                case ')' -> out.append("%29");
                case '<' -> out.append("%3C");
                case '>' -> out.append("%3E");
                case '\\' -> out.append("%5C");
                case '\n', '\r', '\t' -> out.append("%20");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String escape(String text) {
        String escaped = INLINE_SPECIAL.matcher(text).replaceAll("\\\\$1");
        return ENTITY.matcher(escaped).replaceAll("\\\\&");
    }

    /** Escapes what would make a block of the start of a paragraph's lines ({@code # }, {@code 1. }, {@code - }). */
    private static String lineStart(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            Matcher m = LINE_START.matcher(line);
            Matcher ordered = ORDERED_START.matcher(line);
            if (m.find()) {
                out.append(line, 0, m.end(1)).append('\\').append(line.substring(m.end(1)));
            } else if (ordered.find()) {
                out.append(line, 0, ordered.end(1)).append('\\').append(line.substring(ordered.end(1)));
            } else {
                out.append(line);
            }
        }
        return out.toString();
    }

    /** The inline-level tags this converter turns into Markdown, for tests. */
    static final List<String> INLINE = List.of("strong", "b", "em", "i", "del", "s", "code", "br", "a", "img");
}
