package dev.gazette.markup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.ext.autolink.AutolinkExtension;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import dev.gazette.text.ControlCharacters;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static Element body(String markdown) {
        return Jsoup.parseBodyFragment(RENDERER.toHtml(markdown)).body();
    }

    @Test
    void rendersPipeTables() {
        Element body = body("| Ville | Arrivées |\n|---|---:|\n| Marrakech | 1 200 |\n| Agadir | 800 |\n");
        Element table = body.selectFirst("table");
        assertNotNull(table, body.html());
        assertEquals("table", table.className());
        assertEquals(List.of("Ville", "Arrivées"), table.select("thead th").eachText());
        assertEquals(2, table.select("tbody tr").size());
        assertEquals("Agadir", table.select("tbody tr").get(1).selectFirst("td").text());
    }

    @Test
    void linksBareUrlsAndWwwAndEmails() {
        Element body = body("Voir https://www.mapexpress.ma/actualite et www.example.ma, ou écrire à redaction@example.ma.");
        List<String> hrefs = body.select("a").eachAttr("href");
        assertTrue(hrefs.contains("https://www.mapexpress.ma/actualite"), hrefs::toString);
        assertTrue(hrefs.stream().anyMatch(h -> h.contains("www.example.ma")), hrefs::toString);
        assertTrue(hrefs.stream().anyMatch(h -> h.contains("redaction@example.ma")), hrefs::toString);
    }

    @Test
    void rendersStrikethrough() {
        Element body = body("Le prix passe de ~~120~~ à 100 dirhams.");
        assertEquals("120", body.selectFirst("del").text());
        assertFalse(body.text().contains("~"));
    }

    @Test
    void givesHeadingsIds() {
        Element body = body("## Les enjeux -- économiques\n\nTexte.\n\n### Et après ?\n");
        Element h2 = body.selectFirst("h2");
        assertFalse(h2.id().isEmpty(), body.html());
        assertFalse(h2.id().contains("--"), "no doubled dashes: " + h2.id());
        assertFalse(body.selectFirst("h3").id().isEmpty());
    }

    @Test
    void leavesRawHtmlForTheSanitizer() {
        assertTrue(RENDERER.toHtml("<script>alert(1)</script>\n").contains("<script>"));
    }

    @Test
    void mayHoldLinksSpotsWhatAutolinkingNeeds() {
        assertTrue(MarkdownRenderer.mayHoldLinks("voir http://x.ma"));
        assertTrue(MarkdownRenderer.mayHoldLinks("voir www.x.ma"));
        assertTrue(MarkdownRenderer.mayHoldLinks("a@b.ma"));
        assertFalse(MarkdownRenderer.mayHoldLinks("Le ministre a déclaré: « rien à signaler ». Voir x.ma"));
    }

    /** The flexmark pipeline with autolinking always on, as before the fast path. */
    private static String withAutolinksAlways(String markdown) {
        MutableDataSet options = new MutableDataSet()
                .set(Parser.EXTENSIONS, List.of(TablesExtension.create(), AutolinkExtension.create(), StrikethroughExtension.create()))
                .set(HtmlRenderer.GENERATE_HEADER_ID, true)
                .set(HtmlRenderer.RENDER_HEADER_ID, true)
                .set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true)
                .set(HtmlRenderer.SOFT_BREAK, "\n")
                .set(TablesExtension.WITH_CAPTION, false)
                .set(TablesExtension.CLASS_NAME, "table");
        return HtmlRenderer.builder(options).build().render(Parser.builder(options).build().parse(markdown));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Le partenariat stratégique, approfondi.\n\nDeuxième *paragraphe* avec **gras** et `code`.",
            "## Titre\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~barré~~ et [un lien](page.html)",
            "Texte avec mapexpress.ma et example.org sans schéma, ni arobase.",
            "- liste\n- avec <span>html</span>\n\n> citation\n\n1. un\n2. deux",
            "",
    })
    void textWithoutLinkMarkersRendersAsWithAutolinking(String markdown) {
        assertFalse(MarkdownRenderer.mayHoldLinks(markdown));
        assertEquals(withAutolinksAlways(markdown), RENDERER.toHtml(markdown));
    }

    @Test
    void theSampleSourcesRenderAsWithAutolinking() throws Exception {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("articles"))) {
            for (java.nio.file.Path f : files.filter(p -> p.toString().endsWith(".md")).toList()) {
                String text = java.nio.file.Files.readString(f);
                assertEquals(withAutolinksAlways(text), RENDERER.toHtml(text), f.toString());
            }
        }
    }

    /** The same document, whatever its serialisation: jsoup's reading of the HTML, re-written. */
    private static String dom(String html) {
        return Jsoup.parseBodyFragment(html).body().html();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Le ministre a reçu, mardi, son homologue.\n\nUn *accord* a été **signé** : « historique » & \"attendu\".",
        "## Intertitre\n\n- un\n- deux\n\n1. premier\n2. second\n\n> Une citation.\n\n---\n\n~~barré~~ `code`",
        "    indented code with & and \"quotes\"\n\nFin. 3 > 2 ne vaut que si 2 < 3",
        "Titre\n=====\n\nUn h1 en setext.",
        "Un [lien](javascript:alert(1)) et ![image](x.png)",
        "| a | b |\n|:--|--:|\n| 1 | 2 |",
        "Écrivez à redaction@example.ma ou voyez https://example.ma",
    })
    void plainProseSkipsTheSanitizerOnlyWhenItWouldChangeNothing(String markdown) {
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        String sanitized = sanitizer.sanitize(RENDERER.toHtml(markdown));
        String safe = RENDERER.toSafeHtml(markdown, sanitizer, new ControlCharacters.Tally());
        assertEquals(dom(sanitized), dom(safe), "same document as through the sanitizer: " + markdown);
        if (!MarkdownRenderer.isPlainProse(markdown)) {
            assertEquals(sanitized, safe, "anything but plain prose goes through the sanitizer");
        }
    }

    @Test
    void plainProseIsOnlyTextThatCannotCarryMarkupOrURLs() {
        assertTrue(MarkdownRenderer.isPlainProse("Un *accord* a été signé, 3 > 2."));
        for (String risky : List.of("a <b>", "[x](y)", "[x]: javascript:1", "| a |", "www.x.ma", "a@b.ma", "http://x")) {
            assertFalse(MarkdownRenderer.isPlainProse(risky), risky);
        }
    }

    /** Nested bullet lists, {@code levels} deep, one item a level, each indented under the previous. */
    static String nestedLists(int levels) {
        StringBuilder md = new StringBuilder();
        for (int i = 0; i < levels; i++) {
            md.append("  ".repeat(i)).append("- niveau ").append(i + 1).append('\n');
        }
        return md.toString();
    }

    @Test
    void aDeepButReasonableDocumentRenders() {
        Element body = body("Intro.\n\n" + nestedLists(20) + "\n" + "> ".repeat(20) + "citation\n");
        assertEquals(20, body.select("ul").size());
        assertEquals("niveau 20", body.select("ul ".repeat(19) + "ul > li").text());
        assertEquals(20, body.select("blockquote").size());
        Element bottom = Jsoup.parseBodyFragment(RENDERER.toHtml(">".repeat(MarkdownRenderer.MAX_NESTING) + " x")).body();
        assertEquals(MarkdownRenderer.MAX_NESTING, bottom.select("blockquote").size(), "the limit itself still renders");
    }

    @ParameterizedTest
    @ValueSource(strings = {"quotes", "quotes with spaces", "lists", "ordered lists", "indented lists", "quoted lists", "emphasis",
        "strong emphasis", "strikethrough", "images", "emphasis in links"})
    void nestingPastTheLimitIsRefusedWithItsLineInsteadOfOverflowingTheStack(String kind) {
        int n = 1000;
        String deep = switch (kind) {
            case "quotes" -> ">".repeat(n) + " x";
            case "quotes with spaces" -> "> ".repeat(n) + "x";
            case "lists" -> "- ".repeat(n) + "x";
            case "ordered lists" -> "1. ".repeat(n) + "x";
            case "indented lists" -> nestedLists(MarkdownRenderer.MAX_NESTING + 10); // 1,000 would be half a million spaces
            case "quoted lists" -> "> - ".repeat(n) + "x";
            case "emphasis" -> "*a ".repeat(n) + "x" + " b*".repeat(n);
            case "strong emphasis" -> "**a ".repeat(n) + "x" + " b**".repeat(n);
            case "strikethrough" -> "~~a ".repeat(n) + "x" + " b~~".repeat(n);
            case "images" -> "![".repeat(n) + "x" + "](u)".repeat(n);
            case "emphasis in links" -> "*[a ".repeat(n) + "x" + "](u)*".repeat(n);
            default -> throw new IllegalArgumentException(kind);
        };
        MarkdownRenderer.TooDeepException e = assertThrows(MarkdownRenderer.TooDeepException.class,
                () -> RENDERER.toHtml("Premier paragraphe.\n\nDeuxième.\n\n" + deep));
        int expected = kind.equals("indented lists") ? 5 + MarkdownRenderer.MAX_NESTING : 5;
        assertEquals(expected, e.line(), "the line where the nesting passes the limit");
    }

    @Test
    void justPastTheLimitIsRefused() {
        assertThrows(MarkdownRenderer.TooDeepException.class,
                () -> RENDERER.toHtml(">".repeat(MarkdownRenderer.MAX_NESTING + 1) + " x"));
        assertThrows(MarkdownRenderer.TooDeepException.class,
                () -> RENDERER.toHtml("> ".repeat(MarkdownRenderer.MAX_NESTING / 2) + "- ".repeat(MarkdownRenderer.MAX_NESTING / 2 + 1) + "x"));
    }

    @Test
    void siblingsDoNotAddUpToNesting() {
        // Thousands of quotes, lists and emphases one after the other: each is one level.
        String flat = "> citation\n\n- point\n\n*mot* **mot** ~~mot~~ [lien](u)\n\n".repeat(2000);
        Element body = body(flat);
        assertEquals(2000, body.select("blockquote").size());
        assertEquals(2000, body.select("em").size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Un &#1; deux &#x7f; trois &#128; fin", "Un &#1; [deux](https://exemple.ma \"t&#x7f;\") ![x&#128;](i.png) fin"})
    void numericEntitiesWriteNoControlCharacterEvenInPlainProse(String markdown) {
        ControlCharacters.Tally controls = new ControlCharacters.Tally();
        String html = RENDERER.toSafeHtml(markdown, new HtmlSanitizer(), controls);
        assertTrue(html.chars().noneMatch(c -> (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7F && c <= 0x9F)), html);
        assertFalse(html.contains("&#x"), html);
        assertTrue(Jsoup.parseBodyFragment(html).body().text().startsWith("Un"), html);
        assertEquals(3, controls.removed().orElseThrow().count(), html);
        assertEquals("body", controls.removed().orElseThrow().field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[a](", "[a]", "&amp;", "<span>", "<b>x"})
    void aParagraphDenseWithMarkupIsRefusedNamingItsLineNotParsedForSeconds(String unit) {
        String text = "Titre\n\nUn paragraphe.\n\n" + unit.repeat(MarkdownRenderer.MAX_PARAGRAPH_MARKUP + 1) + "\n";
        long start = System.nanoTime();
        MarkdownRenderer.TooDenseException e = assertThrows(MarkdownRenderer.TooDenseException.class, () -> RENDERER.toHtml(text));
        assertEquals(5, e.line());
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "refused before flexmark parses it");
    }

    @Test
    void asMuchMarkupSpreadOverParagraphsRenders() {
        String paragraph = "Voir [le port](https://example.org/port) et <em>Tanger</em> &amp; Rabat. ".repeat(400);
        String html = RENDERER.toHtml(paragraph + "\n\n" + paragraph + "\n\n" + paragraph + "\n");
        assertEquals(1200, Jsoup.parse(html).select("a").size());
    }
}
