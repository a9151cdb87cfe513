package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class TextDensityTest {

    private static final String PROSE = "<p>A paragraph of the story, as long as news paragraphs are, with a comma or two, "
            + "and enough words to count as prose.</p>";

    private static String bestId(String body) {
        Document doc = Jsoup.parse("<html><body>" + body + "</body></html>");
        var best = new TextDensity(doc.body()).best();
        return best == null ? null : best.id();
    }

    @Test
    void theStoryIsWhereTheProseIs() {
        assertEquals("story", bestId("<div id=teasers><article><p>A teaser line of thirty letters.</p></article></div>"
                + "<div id=story>" + PROSE.repeat(4) + "</div>"));
    }

    @Test
    void linksAndNegativeClassesCountAgainst() {
        assertEquals("story", bestId("<div id=links class=related>" + "<p><a href=/x>A link as long as a paragraph of prose would be here</a></p>".repeat(6)
                + "</div><div id=story>" + PROSE.repeat(3) + "</div>"));
        assertEquals("story", bestId("<div id=comments class=comments>" + ("<div>" + PROSE + "</div>").repeat(3) + "</div>"
                + "<div id=story>" + PROSE.repeat(3) + "</div>"));
    }

    @Test
    void aStorySplitIntoBlocksIsTakenWhole() {
        assertEquals("body", bestId("<section id=body><div id=a><div>" + PROSE.repeat(3) + "</div></div><div class=ad>Advertisement</div>"
                + "<div id=b><div>" + PROSE.repeat(2) + "</div></div></section><footer>" + PROSE + "</footer>"));
    }

    @Test
    void neverPastTheArticleNorTheBody() {
        assertEquals("art", bestId("<div id=wrap><article id=art>" + PROSE.repeat(3) + "</article><div id=side>" + PROSE.repeat(2) + "</div></div>"));
        assertNull(bestId("<nav><p>Menu</p></nav>"), "no prose: no block");
    }

    @Test
    void furnitureProseNeverScores() {
        assertNull(bestId("<footer>" + PROSE.repeat(5) + "</footer><aside>" + PROSE + "</aside>"));
    }
}
