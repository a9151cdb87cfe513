package dev.gazette.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gazette.markup.MarkdownRenderer;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlToMarkdownTest {

    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @Test
    void paragraphsHeadingsListsQuotesAndInlineMarkup() {
        assertEquals("""
                First **bold** and *italic*, a [link](https://example.org/a "A title").

                ## A subheading

                - one
                - two
                  1. nested

                > A quote.

                Line one\\
                line two
                """, HtmlToMarkdown.convert("<p>First <strong>bold</strong> and <em>italic</em>, a "
                + "<a href=\"https://example.org/a\" title=\"A title\">link</a>.</p><h2>A subheading</h2>"
                + "<ul><li>one</li><li>two<ol><li>nested</li></ol></li></ul><blockquote><p>A quote.</p></blockquote>"
                + "<p>Line one<br>line two</p>"));
    }

    @Test
    void figuresAndTablesStayHtmlOnOneLine() {
        assertEquals("<figure><img src=\"a.png\" alt=\"A\"> <figcaption>Cap</figcaption></figure>\n",
                HtmlToMarkdown.convert("<figure><img src=\"a.png\" alt=\"A\">\n\n<figcaption>Cap</figcaption></figure>"));
    }

    @Test
    void markdownInTheTextIsEscaped() {
        assertEquals("\\# not a heading, 2 \\* 3, \\[x\\](y), a\\_b, \\<b>\n", HtmlToMarkdown.convert("<p># not a heading, 2 * 3, [x](y), a_b, &lt;b&gt;</p>"));
        assertEquals("1984\\. A year.\n", HtmlToMarkdown.convert("<p>1984. A year.</p>"));
        assertEquals("\\- not a list\n", HtmlToMarkdown.convert("<p>- not a list</p>"));
    }

    /** The Markdown, rendered again, reads as the HTML did: the words the reader sees are the same. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<p>Text with *stars*, _underscores_, `ticks`, [brackets], &lt;tags&gt; &amp;amp; and \\ backslashes.</p>",
            "<p>Un chapô « français » : l’été, 18 h 36 !</p><p>مرحبا بالعالم، نص عربي.</p><p>中文，新闻。</p>",
            "<h3>Title #</h3><p>1) first</p><p>+ plus</p><p>&gt; not a quote</p><p>=====</p>",
            "<ul><li><p>para in item</p></li><li>second <b>bold</b></li></ul><pre>code  with   spaces\n\n  kept</pre>",
            "<p><a href=\"https://example.org/a b(c)\">odd url</a> and <img src=\"x y.png\" alt=\"[alt]\"></p>",
            "<div><div><p>nested</p></div><span>loose text</span></div><table><tr><td>cell</td></tr></table>",
    })
    void roundTripKeepsTheText(String html) {
        String md = HtmlToMarkdown.convert(html);
        String back = MARKDOWN.toHtml(md);
        assertEquals(words(html), words(back), md);
    }

    private static String words(String html) {
        return Jsoup.parseBodyFragment(html).body().text().replaceAll("\\s+", " ").strip();
    }
}
