package dev.gazette.text;

import static dev.gazette.text.FrenchTypography.html;
import static dev.gazette.text.FrenchTypography.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class FrenchTypographyTest {

    private static final String NB = "\u00A0";
    private static final String NN = "\u202F";

    @Test
    void apostrophesAreTypographic() {
        assertEquals("l’homme, aujourd’hui", text("l'homme, aujourd'hui"));
        assertEquals("l’homme", text("l’homme"), "already typographic");
    }

    @Test
    void straightQuotesBecomeGuillemetsWithNoBreakSpaces() {
        assertEquals("Il a dit «" + NB + "oui" + NB + "».", text("Il a dit \"oui\"."));
        assertEquals("«" + NB + "oui" + NB + "»", text("\" oui \""), "the spaces typed inside become no-break ones");
        assertEquals("(«" + NB + "non" + NB + "»)", text("(\"non\")"));
    }

    @Test
    void guillemetsTypedGetNoBreakSpaces() {
        assertEquals("«" + NB + "un partenariat" + NB + "»", text("« un partenariat »"));
        assertEquals("«" + NB + "serré" + NB + "»", text("«serré»"));
        assertEquals("«" + NB + "déjà" + NB + "»", text("«" + NB + "déjà" + NB + "»"), "no-break spaces already there are kept");
        assertEquals("«" + NN + "fin" + NN + "»", text("«" + NN + "fin" + NN + "»"), "and so are narrow ones");
    }

    @Test
    void noBreakSpacesBeforeHighPunctuation() {
        assertEquals("Maroc-Russie" + NB + ": les partenariats", text("Maroc-Russie: les partenariats"));
        assertEquals("Maroc-Russie" + NB + ": les partenariats", text("Maroc-Russie : les partenariats"));
        assertEquals("Pourquoi" + NN + "? Parce que" + NN + "! Et" + NN + "; puis", text("Pourquoi ? Parce que! Et ; puis"));
        assertEquals("Vraiment" + NN + "?!", text("Vraiment ?!"));
        assertEquals("Fin" + NN + "!", text("Fin!"), "at the end of the text");
        assertEquals("mot" + NB + ": suite", text("mot" + NB + ": suite"), "an existing no-break space is kept");
        assertEquals("mot" + NN + "? suite", text("mot" + NN + "? suite"));
    }

    @Test
    void colonsInTimesAndUrlsAreLeft() {
        assertEquals("à 18:36 précises", text("à 18:36 précises"));
        String url = "Voir https://example.org/a?b=c:d;e!f et www.example.ma/x?y";
        assertEquals(url, text(url));
        assertEquals("Lien" + NB + ": https://example.org/l'ami", text("Lien : https://example.org/l'ami"),
                "the apostrophe inside a URL is the URL's");
        assertEquals("clin d’œil ;)", text("clin d'œil ;)"));
    }

    @Test
    void nothingToDoIsTheSameText() {
        assertNull(text(null));
        assertEquals("", text(""));
        assertEquals("Rabat, le 9 septembre", text("Rabat, le 9 septembre"));
        assertEquals(text(text("Il a dit : \"l'homme\" ?")), text("Il a dit : \"l'homme\" ?"), "typesetting twice changes nothing more");
    }

    @Test
    void onlyFrenchIsTypeset() {
        assertTrue(FrenchTypography.appliesTo("fr"));
        assertTrue(FrenchTypography.appliesTo("fr-MA"));
        assertTrue(FrenchTypography.appliesTo("FR"));
        assertFalse(FrenchTypography.appliesTo("en"));
        assertFalse(FrenchTypography.appliesTo("fry"));
        assertFalse(FrenchTypography.appliesTo(null));
    }

    @Test
    void htmlTextNodesOnly() {
        String in = "<p>Il a dit : \"<em>l'homme</em>\" ?</p><p><a href=\"https://example.org/a?b:c\" title=\"x: y\">lien</a>: suite</p>";
        String out = html(in);
        var doc = Jsoup.parseBodyFragment(out);
        assertEquals("Il a dit" + NB + ": «" + NB + "l’homme" + NB + "»" + NN + "?", doc.select("p").get(0).wholeText());
        assertEquals("lien" + NB + ": suite", doc.select("p").get(1).wholeText());
        assertEquals("https://example.org/a?b:c", doc.selectFirst("a").attr("href"));
        assertEquals("x: y", doc.selectFirst("a").attr("title"), "attributes are never touched");
    }

    @Test
    void codeAndOtherLanguagesAreLeft() {
        String in = "<p>Tapez <code>a: b; c!</code> : c'est tout.</p><pre><code>x = \"l'a\" ? 1 : 2;</code></pre>"
                + "<p lang=\"en\">He said: \"don't\"!</p><blockquote><p>Fin !</p></blockquote>";
        var doc = Jsoup.parseBodyFragment(html(in));
        assertEquals("a: b; c!", doc.selectFirst("p code").wholeText());
        assertEquals("Tapez a: b; c!" + NB + ": c’est tout.", doc.select("p").get(0).wholeText());
        assertEquals("x = \"l'a\" ? 1 : 2;", doc.selectFirst("pre").wholeText());
        assertEquals("He said: \"don't\"!", doc.selectFirst("p[lang=en]").wholeText());
        assertEquals("Fin" + NN + "!", doc.selectFirst("blockquote p").wholeText());
    }

    @Test
    void aNewBlockStartsAfresh() {
        String out = html("<p>Titre</p><p>\"Citation\"</p>");
        var doc = Jsoup.parseBodyFragment(out);
        assertEquals("<p>Titre</p><p>«&nbsp;Citation&nbsp;»</p>", out);
        assertEquals("«" + NB + "Citation" + NB + "»", doc.select("p").get(1).wholeText(), "the quote opens: the paragraph before does not count");
    }
}
