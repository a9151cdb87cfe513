package dev.gazette.markup;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.LinkNodeBase;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.DelimitedNode;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;
import dev.gazette.text.ControlCharacters;
import java.util.List;

/**
 * Markdown to HTML with the extensions a newsroom uses: pipe tables, bare URLs as links,
 * {@code ~~strikethrough~~} and ids on headings (for anchors). The flexmark parser and renderer are
 * immutable and thread-safe, so one instance serves a whole build.
 *
 * <p>The HTML it returns still carries whatever raw HTML the author wrote: pass it through
 * {@link HtmlSanitizer} before publishing.
 *
 * <p>flexmark renders a document by recursion, a few Java frames per level of quotes, lists,
 * emphasis or links inside each other: about a kilobyte of {@code '>'} is enough to overflow a
 * thread's stack. Text nested deeper than {@link #MAX_NESTING} levels is therefore refused with a
 * {@link TooDeepException} naming its line, before rendering starts.
 */
public final class MarkdownRenderer {

    /**
     * How many quotes, lists, emphases and links may hold each other. Far beyond what any article
     * needs (a quote of a quote of a list is three), and far below what overflows a default 1 MB
     * thread stack (about 350 levels of lists, with the JIT compiler not yet warmed up).
     */
    public static final int MAX_NESTING = 50;

    /**
     * The parser, by what the text may hold: [may it hold a link][may it hold a table]. Without
     * an extension the text cannot use, the same HTML comes out sooner: autolinking runs its
     * regular expressions over all the text, and the tables' pre-processor compiles its own for
     * every paragraph (about 7% of reading a synthetic article, profiled), although a table needs a
     * {@code |}.
     */
    private final Parser[][] parsers = new Parser[2][2];
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        for (int links = 0; links < 2; links++) {
            for (int tables = 0; tables < 2; tables++) {
                List<Extension> extensions = new java.util.ArrayList<>();
                if (tables == 1) {
                    extensions.add(TablesExtension.create());
                }
                if (links == 1) {
                    extensions.add(AutolinkExtension.create());
                }
                extensions.add(StrikethroughExtension.create());
                parsers[links][tables] = Parser.builder(options(extensions)).build();
            }
        }
        this.renderer = HtmlRenderer.builder(options(List.of(TablesExtension.create(), AutolinkExtension.create(),
                StrikethroughExtension.create()))).build();
    }

    private static MutableDataSet options(List<Extension> extensions) {
        return new MutableDataSet()
                .set(Parser.EXTENSIONS, extensions)
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "table");
    }

    /**
     * The HTML of {@code markdown}; not yet sanitized.
     *
     * @throws TooDeepException when the text nests more than {@link #MAX_NESTING} levels deep
     */
    public String toHtml(String markdown) {
        checkDensity(markdown);
        Document document = parsers[mayHoldLinks(markdown) ? 1 : 0][markdown.indexOf('|') >= 0 ? 1 : 0].parse(markdown);
        Node tooDeep = firstTooDeep(document);
        if (tooDeep != null) {
            throw new TooDeepException(tooDeep.getStartLineNumber() + 1);
        }
        return renderer.render(document);
    }

    /**
     * The first node (in reading order) with more than {@link #MAX_NESTING} nesting nodes around
     * it, counting itself; {@code null} when there is none. Walks the tree by its links rather than
     * by recursion, which is the very thing a deep tree must not meet.
     */
    private static Node firstTooDeep(Document document) {
        int levels = 0;
        Node node = document.getFirstChild();
        while (node != null) {
            if (nests(node) && ++levels > MAX_NESTING) {
                return node;
            }
            if (node.getFirstChild() != null) {
                node = node.getFirstChild();
                continue;
            }
            // Leave the node, and each ancestor it was the last child of, up to the next sibling.
            while (node != document) {
                if (nests(node)) {
                    levels--;
                }
                if (node.getNext() != null) {
                    break;
                }
                node = node.getParent();
            }
            node = node == document ? null : node.getNext();
        }
        return null;
    }

    /** Whether a node is a level a reader sees as one thing inside another. */
    private static boolean nests(Node node) {
        return node instanceof BlockQuote || node instanceof ListBlock || node instanceof DelimitedNode
                || node instanceof LinkNodeBase || node instanceof RefNode;
    }

    /**
     * Whether the text holds anything autolinking could turn into a link (a URL needs {@code ://} or
     * {@code www.}, an e-mail address {@code @}). Autolinking runs its regular expressions over all
     * the text, and costs about as much as parsing the rest: news copy rarely holds a bare URL.
     */
    static boolean mayHoldLinks(String markdown) {
        return markdown.indexOf('@') >= 0 || markdown.contains("://") || markdown.contains("www.");
    }

    /**
     * The HTML of {@code markdown}, safe to publish: sanitized by {@code sanitizer}, unless the text
     * cannot have produced anything but flexmark's own escaped markup (see {@link #isPlainProse}).
     * Either way without control characters: Markdown's numeric entities ({@code &#1;}) write them
     * although the text holds none; they are counted in {@code controls}.
     *
     * @throws TooDeepException when the text nests more than {@link #MAX_NESTING} levels deep
     */
    public String toSafeHtml(String markdown, HtmlSanitizer sanitizer, ControlCharacters.Tally controls) {
        String html = toHtml(markdown);
        // flexmark writes the character an entity names as it is, never as a reference, so the
        // controls of plain prose are characters of its HTML.
        return isPlainProse(markdown) && !html.contains("<h1") ? controls.strip(html, 0, "body").strip()
                : sanitizer.sanitize(html, controls);
    }

    /**
     * Whether Markdown text can only render to flexmark's own markup, with every character of the
     * text escaped: no {@code <} (raw HTML, {@code <url>} links), no {@code ]} (links and images
     * with a URL of the author's choosing, reference definitions), no {@code |} (tables, whose
     * alignment flexmark writes as the obsolete {@code align} attribute the sanitizer removes),
     * nothing autolinking could take for a link. Most news copy is such prose; parsing and cleaning its HTML again with jsoup
     * costs a third of reading an article, and changes nothing.
     */
    static boolean isPlainProse(String markdown) {
        return markdown.indexOf('<') < 0 && markdown.indexOf(']') < 0 && markdown.indexOf('|') < 0 && !mayHoldLinks(markdown);
    }

    /**
     * Link, tag and entity openers ({@code [}, {@code <}, {@code &}) one paragraph may hold. flexmark's
     * inline parser copies the rest of the paragraph at each of them (on Java 17 a regex match
     * result copies its input), so its time grows with the square of a paragraph's markup: 16,000
     * {@code [a]} in one paragraph take four seconds, and the text of a real article holds a few
     * dozen. Past this a paragraph is refused, naming its line, rather than hold up the build.
     */
    public static final int MAX_PARAGRAPH_MARKUP = 5_000;

    /** @throws TooDenseException when a paragraph holds more than {@link #MAX_PARAGRAPH_MARKUP} openers */
    private static void checkDensity(String markdown) {
        int count = 0;
        int line = 1;
        int paragraphLine = 1;
        boolean blank = true;
        boolean lineBlank = true;
        for (int i = 0; i < markdown.length(); i++) {
            char c = markdown.charAt(i);
            if (c == '\n') {
                if (lineBlank) {
                    count = 0;
                    blank = true;
                }
                line++;
                lineBlank = true;
                continue;
            }
            if (c != ' ' && c != '\t' && c != '\r') {
                if (blank) {
                    paragraphLine = line;
                    blank = false;
                }
                lineBlank = false;
            }
            if ((c == '[' || c == '<' || c == '&') && ++count > MAX_PARAGRAPH_MARKUP) {
                throw new TooDenseException(paragraphLine);
            }
        }
    }

    /** A paragraph with more links, tags or entities than {@link #MAX_PARAGRAPH_MARKUP}; not rendered. */
    public static final class TooDenseException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        TooDenseException(int line) {
            super("a paragraph holds more than " + MAX_PARAGRAPH_MARKUP + " links, tags or entities (line " + line + ")", null, false, false);
            this.line = line;
        }

        /** The 1-based line, in the text given, where the paragraph starts. */
        public int line() {
            return line;
        }
    }

    /** Markdown nested more deeply than {@link #MAX_NESTING} levels; not rendered. */
    public static final class TooDeepException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        TooDeepException(int line) {
            super("the text nests quotes, lists, emphasis or links more than " + MAX_NESTING + " levels deep (line " + line + ")",
                    null, false, false);
            this.line = line;
        }

        /** The 1-based line, in the text given, where the nesting goes past the limit. */
        public int line() {
            return line;
        }
    }
}
