package dev.gazette.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.markup.HtmlSanitizer;
import dev.gazette.markup.MarkdownRenderer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The streamed typesetting of a body ({@link FrenchTypography.Streamed}) against the one through
 * a parse of the fragment, on bodies made as a build makes them: seeded random Markdown through
 * the renderer (plain prose is flexmark's markup as it is, the rest sanitized), and random raw
 * HTML through the sanitizer. Wherever the stream reads a body, it must give the same bytes; and
 * it must read most of them, or it would be a test of the fallback alone.
 */
class FrenchTypographyStreamedTest {

    private static final String[] WORDS = {"l'homme", "Sergueï", "Lavrov", "a déclaré", "\"oui\"", "« non »", "18:36", "Rabat :",
        "vraiment ?", "hélas !", "point ;", "1er", "www.example.ma", "https://example.ma/a?b=1&c=2", "R&D", "a < b", "c > d",
        "l’été", "\u00A0:", "«\u00A0déjà\u00A0»", "(\"non\")", "fin.", "x", "Maroc", "Russie", "'", "\"", ":", "!", "?", ";",
        "&amp;", "&eacute;", "&#39;", "ça", "œuvre", "—", "…"};

    private static String words(Random r, int max) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(max); i < n; i++) {
            if (i > 0) {
                s.append(r.nextInt(10) == 0 ? "\u00A0" : " ");
            }
            s.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return s.toString();
    }

    private static String inline(Random r) {
        String w = words(r, 6);
        return switch (r.nextInt(12)) {
            case 0 -> "*" + w + "*";
            case 1 -> "**" + w + "**";
            case 2 -> "`" + w + "`";
            case 3 -> "[" + w + "](https://example.ma/" + r.nextInt(99) + "?a=1&b=\"2\")";
            case 4 -> "<span lang=\"en\">" + w + "</span>";
            case 5 -> "<span lang=\"fr-MA\">" + w + "</span>";
            case 6 -> "<code>" + w + "</code>";
            case 7 -> w + "  \n" + words(r, 3);
            case 8 -> "<abbr title=\"" + words(r, 2) + "\">" + w + "</abbr>";
            default -> w;
        };
    }

    private static String markdown(Random r) {
        StringBuilder md = new StringBuilder();
        for (int b = 0, blocks = 1 + r.nextInt(6); b < blocks; b++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(5); i < n; i++) {
                line.append(i > 0 ? " " : "").append(r.nextInt(3) == 0 ? inline(r) : words(r, 8));
            }
            switch (r.nextInt(10)) {
                case 0 -> md.append("## ").append(line);
                case 1 -> md.append("> ").append(line);
                case 2 -> md.append("- ").append(line).append("\n- ").append(words(r, 5));
                case 3 -> md.append("```\n").append(line).append("\n```");
                case 4 -> md.append("---");
                case 5 -> md.append("| a | b |\n|---|---|\n| ").append(words(r, 3)).append(" | ").append(words(r, 3)).append(" |");
                default -> md.append(line);
            }
            md.append("\n\n");
        }
        return md.toString();
    }

    private static String rawHtml(Random r) {
        StringBuilder html = new StringBuilder();
        String[] blocks = {"p", "blockquote", "h2", "li", "div", "figcaption", "pre", "p lang=\"en\"", "p lang=\"fr\""};
        for (int b = 0, n = 1 + r.nextInt(5); b < n; b++) {
            String open = blocks[r.nextInt(blocks.length)];
            String name = open.split(" ")[0];
            html.append(name.equals("li") ? "<ul>" : "").append('<').append(open).append('>');
            for (int i = 0, k = 1 + r.nextInt(4); i < k; i++) {
                html.append(r.nextInt(3) == 0 ? "<em>" + words(r, 4) + "</em>" : words(r, 6));
                if (r.nextInt(6) == 0) {
                    html.append("<br>");
                }
                if (r.nextInt(8) == 0) {
                    html.append("<img src=\"a.png\" alt=\"").append(words(r, 2)).append("\">");
                }
                html.append(' ');
            }
            html.append("</").append(name).append('>').append(name.equals("li") ? "</ul>" : "").append(r.nextBoolean() ? "\n" : "");
        }
        return html.toString();
    }

    @Test
    void theStreamTypesetsAsTheParseDoes() {
        Random random = new Random(20261201);
        MarkdownRenderer renderer = new MarkdownRenderer();
        HtmlSanitizer sanitizer = new HtmlSanitizer();
        int streamed = 0;
        int bodies = 3000;
        for (int round = 0; round < bodies; round++) {
            String body = round % 2 == 0
                    ? renderer.toSafeHtml(markdown(random), sanitizer, new ControlCharacters.Tally())
                    : sanitizer.sanitize(rawHtml(random));
            String viaStream = FrenchTypography.Streamed.typeset(body);
            String viaParse = FrenchTypography.parsed(body);
            if (viaStream != null) {
                streamed++;
                assertEquals(viaParse, viaStream, "round " + round + ", body:\n" + body);
            }
            assertEquals(viaParse, FrenchTypography.html(body));
        }
        assertTrue(streamed > bodies * 0.6, "the stream read " + streamed + " of " + bodies + " bodies");
    }

    @Test
    void markupThePrinterWouldWriteOtherwiseGoesThroughTheParse() {
        assertNull(FrenchTypography.Streamed.typeset("<p>a<br />b</p>"), "a self-closing tag");
        assertNull(FrenchTypography.Streamed.typeset("<p>a<!-- c -->b</p>"), "a comment");
        assertNull(FrenchTypography.Streamed.typeset("<p>a &eacute; b</p>"), "a named entity the sanitizer never writes");
        assertNull(FrenchTypography.Streamed.typeset("<p>a<em>b</p></em>"), "misnested");
        assertNull(FrenchTypography.Streamed.typeset("<p>open"), "left open");
        assertNull(FrenchTypography.Streamed.typeset("<p class='x'>a</p>"), "single quotes");
        assertEquals("<p>l’homme</p>", FrenchTypography.html("<p>l'homme</p>"));
        assertEquals("<p>«&nbsp;oui&nbsp;»</p>", FrenchTypography.Streamed.typeset("<p>&quot;oui&quot;</p>"));
        assertEquals("<p lang=\"en\">l'homme: \"yes\"</p>", FrenchTypography.Streamed.typeset("<p lang=\"en\">l'homme: \"yes\"</p>"));
    }
}
