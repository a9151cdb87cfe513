package dev.gazette.markup;

import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
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
    private final HtmlRenderer renderer;

    public MarkdownRenderer() {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(),
                        StrikethroughExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "table");
        this.parser = Parser.builder(options).build();
        this.renderer = HtmlRenderer.builder(options).build();
    }

    /** The HTML of {@code markdown}; not yet sanitized. */
    public String toHtml(String markdown) {
        return renderer.render(parser.parse(markdown));
    }
}
