package dev.gazette.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.text.ControlCharacters;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HtmlSanitizerTest {

    private static final HtmlSanitizer SANITIZER = new HtmlSanitizer();

    private static Element clean(String html) {
        return Jsoup.parseBodyFragment(SANITIZER.sanitize(html)).body();
    }

    @Test
    void removesScriptsFramesAndStyles() {
        Element body = clean("<p>Avant</p><script>alert(1)</script><iframe src=\"https://evil.example/\"></iframe>"
                + "<style>p{display:none}</style><object data=x></object><embed src=x><p>Après</p>");
        assertTrue(body.select("script, iframe, style, object, embed").isEmpty(), body.html());
        assertEquals(List.of("Avant", "Après"), body.select("p").eachText());
        assertFalse(body.html().contains("alert"));
    }

    @Test
    void removesEventHandlersAndStyleAttributes() {
        Element body = clean("<p onclick=\"steal()\" style=\"color:red\" class=\"x\">Texte</p><img src=\"a.jpg\" onerror=\"steal()\" alt=\"A\">");
        Element p = body.selectFirst("p");
        assertTrue(p.attributes().isEmpty(), p.outerHtml());
        Element img = body.selectFirst("img");
        assertEquals("a.jpg", img.attr("src"));
        assertEquals("A", img.attr("alt"));
        assertFalse(img.hasAttr("onerror"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "JaVaScRiPt:alert(1)", " javascript:alert(1)", "vbscript:x", "data:text/html,<script>x</script>"})
    void removesScriptUrls(String url) {
        Element a = clean("<a href=\"" + url + "\">lien</a>").selectFirst("a");
        assertNotNull(a);
        assertFalse(a.hasAttr("href"), a.outerHtml());
        assertEquals("lien", a.text());
    }

    @Test
    void keepsSafeLinksRelativeAndAbsoluteAndAddsNoopener() {
        Element body = clean("<a href=\"https://www.mapexpress.ma/x\" hreflang=\"fr\">MAP</a> <a href=\"../autre/\">autre</a>");
        Element abs = body.select("a").get(0);
        assertEquals("https://www.mapexpress.ma/x", abs.attr("href"));
        assertEquals("fr", abs.attr("hreflang"));
        assertEquals("noopener", abs.attr("rel"));
        assertEquals("../autre/", body.select("a").get(1).attr("href"));
        assertFalse(body.html().contains("sanitizer.invalid"));
    }

    @Test
    void turnsH1IntoH2() {
        Element body = clean("<h1 id=\"t\">Titre</h1><h2>Sous-titre</h2>");
        assertTrue(body.select("h1").isEmpty());
        assertEquals(List.of("Titre", "Sous-titre"), body.select("h2").eachText());
        assertEquals("t", body.selectFirst("h2").id());
    }

    @Test
    void keepsTheStructureOfAnArticle() {
        String html = "<figure><img src=\"images/port.svg\" alt=\"Port\"><figcaption>Le port</figcaption></figure>"
                + "<blockquote><p>Citation</p></blockquote><ul><li>un</li></ul><ol><li>deux</li></ol>"
                + "<table class=\"table\"><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>"
                + "<p><strong>gras</strong> <em>it</em> <del>barré</del> <s>s</s> <mark>m</mark> <abbr title=\"Royaume du Maroc\">RdM</abbr>"
                + " <time datetime=\"2025-09-09\">9 sept.</time> <span lang=\"ar\">مرحبا</span></p><hr><h3 id=\"x\">Inter</h3>";
        Element body = clean(html);
        for (String selector : new String[] {"figure > img[src=images/port.svg]", "figcaption", "blockquote p", "ul li", "ol li",
                "table.table thead th", "tbody td", "strong", "em", "del", "s", "mark", "abbr[title]", "time[datetime=2025-09-09]",
                "span[lang=ar]", "hr", "h3#x"}) {
            assertNotNull(body.selectFirst(selector), selector + " in " + body.html());
        }
    }

    @Test
    void escapesTextAndKeepsItsCharacters() {
        String out = SANITIZER.sanitize("<p>AT&amp;T &lt;script&gt; « guillemets » — 5 €</p>");
        Element p = Jsoup.parseBodyFragment(out).body().selectFirst("p");
        assertEquals("AT&T <script> « guillemets » — 5 €", p.text());
        assertTrue(out.contains("«"), "non-ASCII characters are kept as characters: " + out);
        assertNull(Jsoup.parseBodyFragment(out).selectFirst("script"));
    }

    @Test
    void textOfCollapsesWhitespaceAndDropsTags() {
        assertEquals("Le chapô en gras.", HtmlSanitizer.textOf("<p>Le  chapô\n en <b>gras</b>.</p>"));
    }

    @Test
    void controlCharactersWrittenAsReferencesGoFromTextAndAttributesAndAreCounted() {
        ControlCharacters.Tally controls = new ControlCharacters.Tally();
        String html = SANITIZER.sanitize("<p title=\"t&#1;\">a&#1;b&#x7f;c&#128;d\u0085e&#x81;"
                + "<img src=\"x.png\" alt=\"&#x1b;A\"></p>\n<p>\tfin</p>", controls);
        Element body = Jsoup.parseBodyFragment(html).body();
        assertEquals("abc\u20acde", body.selectFirst("p").text(), "&#128; is € in HTML");
        assertEquals("t", body.selectFirst("p").attr("title"));
        assertEquals("A", body.selectFirst("img").attr("alt"));
        assertTrue(html.contains("\n<p>\tfin</p>"), "tabs and line breaks stay: " + html);
        assertFalse(html.contains("&#x"), html);
        assertTrue(html.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)), html);
        ControlCharacters.Removed removed = controls.removed().orElseThrow();
        assertEquals(6, removed.count());
        assertEquals('\u0001', removed.first());
        assertEquals("body", removed.field());
    }

    @Test
    void plainTextIsTheTextBetweenTagsWithEntitiesDecoded() {
        assertEquals(" Le  chef  & l’équipe ", HtmlSanitizer.plainText("<p>Le <a href=\"?a=1&amp;b=2\">chef</a> &amp; l’équipe</p>"));
        assertEquals("sans balise", HtmlSanitizer.plainText("sans balise"));
        assertEquals("a ", HtmlSanitizer.plainText("a<b unterminated"));
    }

    /** Seeded: the run-by-run scan gives what a character-by-character one does, on tag and entity soup. */
    @Test
    void plainTextMatchesACharacterByCharacterScan() {
        java.util.Random random = new java.util.Random(20261201);
        String[] pieces = {"<p>", "</p>", "<a href=\"x?a&amp;b\">", "</a>", "&amp;", "&eacute;", "&#8217;", "texte ", "é", "’", "&", ">", " ", "<br>", "<"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder html = new StringBuilder();
            int n = random.nextInt(30);
            for (int i = 0; i < n; i++) {
                html.append(pieces[random.nextInt(pieces.length)]);
            }
            String h = html.toString();
            assertEquals(referencePlainText(h), HtmlSanitizer.plainText(h), h);
        }
    }

    private static String referencePlainText(String html) {
        StringBuilder text = new StringBuilder();
        boolean inTag = false;
        boolean entities = false;
        for (int i = 0; i < html.length(); i++) {
            char c = html.charAt(i);
            if (inTag) {
                inTag = c != '>';
            } else if (c == '<') {
                inTag = true;
                text.append(' ');
            } else {
                entities |= c == '&';
                text.append(c);
            }
        }
        return entities ? org.jsoup.parser.Parser.unescapeEntities(text.toString(), false) : text.toString();
    }
}
