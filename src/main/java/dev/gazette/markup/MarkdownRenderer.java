package dev.gazette.markup;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
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
 */
public final class MarkdownRenderer {

    private final Parser parser;
    /** The same parser without autolinking, for text that holds nothing it could link. */
    private final Parser parserWithoutAutolinks;
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = options(List.of(TablesExtension.create(), AutolinkExtension.create(),
                StrikethroughExtension.create()));
        this.parser = Parser.builder(options).build();
        this.parserWithoutAutolinks = Parser.builder(options(List.of(TablesExtension.create(), StrikethroughExtension.create())))
                .build();
        this.renderer = HtmlRenderer.builder(options).build();
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

    /** The HTML of {@code markdown}; not yet sanitized. */
    public String toHtml(String markdown) {
        return renderer.render((mayHoldLinks(markdown) ? parser : parserWithoutAutolinks).parse(markdown));
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
}
