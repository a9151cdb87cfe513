package dev.gazette.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class NewsTextReaderTest {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    private static final ParseContext CTX = ParseContext.of(CASABLANCA);
    private static final String SEED = "000_2ef354383e72c04e.txt";

    private static String seedText;
    private static ParsedSource seed;

    @BeforeAll
    static void readSeed() throws IOException {
        seedText = Files.readString(Path.of("articles", SEED), StandardCharsets.UTF_8);
        seed = NewsTextReader.read(SEED, seedText, CTX);
    }

    private static Article seedArticle() {
        assertNotNull(seed.article(), () -> "seed failed: " + describe(seed.problems()));
        return seed.article();
    }

    // ---- the reference sample, field by field ----

    @Test
    void seedHasNoProblems() {
        assertEquals(List.of(), seed.problems(), () -> describe(seed.problems()));
    }

    @Test
    void seedSourceAndFormat() {
        assertEquals(SEED, seedArticle().source());
        assertEquals(SourceFormat.NEWS_TEXT, seedArticle().format());
    }

    @Test
    void seedDateIsTheDatelineInTheSiteZone() {
        ZonedDateTime date = seedArticle().date();
        assertEquals(ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, CASABLANCA), date);
        assertEquals(CASABLANCA, date.getZone());
        assertEquals(ZoneOffset.ofHours(1), date.getOffset());
        assertNull(seedArticle().updated());
    }

    @Test
    void seedRubric() {
        assertEquals("Politique", seedArticle().rubric().name());
        assertEquals("politique", seedArticle().rubric().slug());
    }

    @Test
    void seedTags() {
        List<Term> tags = seedArticle().tags();
        assertEquals(List.of("Russie", "Maroc", "partenariat", "Diplomatie", "Poutine", "Roi Mohammed VI",
                "Nasser Bourita", "Sergueï Lavrov", "Relations bilatérales"), tags.stream().map(Term::name).toList());
        assertEquals("serguei-lavrov", tags.get(7).slug());
    }

    @Test
    void seedTitleAndSlug() {
        String title = "Le partenariat stratégique approfondi au menu d’un entretien téléphonique entre Nasser Bourita et son homologue russe";
        assertEquals(title, seedArticle().title());
        String slug = seedArticle().slug();
        assertTrue(slug.length() <= 80, slug);
        assertEquals("partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita", slug);
        assertEquals("le-partenariat-strategique-approfondi-au-menu-d-un-entretien-telephonique-entre",
                seedArticle().legacySlug(), "the old rule's slug, redirected to the new one");
    }

    @Test
    void seedCaptionAndLead() {
        assertTrue(seedArticle().caption().startsWith("Le ministre des Affaires étrangères Nasser Bourita et son homologue russe"),
                seedArticle().caption());
        assertTrue(seedArticle().lead().startsWith("Le ministre des Affaires étrangères du Maroc, Nasser Bourita, et son homologue russe"),
                seedArticle().lead());
        assertTrue(seedArticle().lead().endsWith("questions régionales et internationales."), seedArticle().lead());
    }

    @Test
    void seedAuthors() {
        assertEquals(List.of("La Rédaction"), seedArticle().authors());
    }

    @Test
    void seedBodyIsTheFiveParagraphs() {
        Elements paragraphs = Jsoup.parseBodyFragment(seedArticle().bodyHtml()).body().children();
        assertEquals(5, paragraphs.size(), seedArticle().bodyHtml());
        paragraphs.forEach(p -> assertEquals("p", p.tagName()));
        assertTrue(paragraphs.get(0).text().startsWith("Le ministre des Affaires étrangères, de la Coopération africaine"));
        assertTrue(paragraphs.get(4).text().startsWith("Les deux chefs de diplomatie"));
    }

    @Test
    void seedFurnitureNeverLeaks() {
        Article a = seedArticle();
        for (String furniture : List.of("Retrouvez toute", "Articles les plus lus", "Voir plus", "Revues de presse",
                "#Russie", "Par La Rédaction", "contenus liés", "Le 09/09/2025")) {
            assertFalse(a.bodyHtml().contains(furniture), furniture + " in body");
            assertFalse(a.lead().contains(furniture), furniture + " in lead");
            assertFalse(a.caption().contains(furniture), furniture + " in caption");
        }
    }

    @Test
    void seedRelatedTitles() {
        assertEquals(List.of(
                "Maroc-Russie: entretiens à Moscou sur des questions d’actualité à l’ordre du jour du CS de l’ONU",
                "Maroc-Russie: les partenariats stratégiques se renforcent",
                "65ème anniversaire des relations diplomatiques Maroc-Russie: échange de messages entre Nasser Bourita et Segueï Lavrov",
                "Maroc-Russie: l’ambassadeur du Royaume à Moscou reçu par le vice-ministre de la diplomatie russe"),
                seedArticle().relatedTitles());
    }

    @Test
    void seedOtherFields() {
        Article a = seedArticle();
        assertNull(a.image());
        assertNull(a.language());
        assertFalse(a.draft());
        assertEquals(List.of(), a.pinnedSlugs());
    }

    @Test
    void seedFixtureCopyReadsTheSame() throws IOException {
        String copy = Files.readString(Path.of("src/test/resources/sources", SEED), StandardCharsets.UTF_8);
        assertEquals(seedText, copy);
    }

    // ---- variants ----

    @Test
    void crlfLineEndingsReadTheSame() {
        ParsedSource crlf = NewsTextReader.read(SEED, seedText.replace("\n", "\r\n"), CTX);
        assertEquals(seedArticle(), crlf.article());
        assertEquals(List.of(), crlf.problems());
    }

    @Test
    void missingHeaderIsAnErrorOnLine1WithAFix() {
        String text = seedText.substring(seedText.indexOf('\n') + 1).stripLeading();
        ParsedSource parsed = NewsTextReader.read("a.txt", text, CTX);
        assertNull(parsed.article());
        Problem p = onlyError(parsed);
        assertEquals("a.txt", p.file());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("date YYYY-MM-DD Rubrique"), p.message());
        assertTrue(p.fix().contains("first line"), p.fix());
    }

    @Test
    void missingTitleIsAnErrorOnLine3() {
        String text = " date 2025-09-09 Politique\n\nPar La Rédaction\nLe 09/09/2025 à 18h36\n\nCorps.\n";
        Problem p = onlyError(NewsTextReader.read("a.txt", text, CTX));
        assertEquals(3, p.line());
        assertEquals("title", p.field());
        assertTrue(p.message().contains("title is missing"), p.message());
        assertTrue(p.fix().contains("line 3"), p.fix());
    }

    @Test
    void headerOnlyIsAMissingTitle() {
        Problem p = onlyError(NewsTextReader.read("a.txt", " date 2025-09-09 Politique\n", CTX));
        assertEquals("title", p.field());
        assertEquals(3, p.line());
    }

    @Test
    void emptyFileIsAnError() {
        Problem p = onlyError(NewsTextReader.read("a.txt", "\n \n", CTX));
        assertEquals(1, p.line());
        assertNotNull(p.fix());
    }

    @Test
    void badHeaderDateIsAnErrorNamingTheDateField() {
        ParsedSource parsed = NewsTextReader.read("a.txt", seedText.replace("date 2025-09-09", "date 2025-13-45"), CTX);
        Problem p = onlyError(parsed);
        assertEquals("date", p.field());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("2025-13-45"), p.message());
        assertTrue(p.fix().contains("YYYY-MM-DD"), p.fix());
    }

    @Test
    void aHeaderYearOutsideFourDigitsIsAnErrorNamingTheDateField() {
        String text = seedText.replace("date 2025-09-09", "date +10000-01-01T00:00:00Z").replace("Le 09/09/2025 à 18h36\n", "");
        Problem p = onlyError(NewsTextReader.read("a.txt", text, CTX));
        assertEquals("date", p.field());
        assertEquals(1, p.line());
        assertTrue(p.message().contains("1000 to 9999"), p.message());
    }

    @Test
    void aDatelineYearOutsideFourDigitsFallsBackToTheHeaderWithAWarning() {
        ParsedSource parsed = NewsTextReader.read("a.txt", seedText.replace("Le 09/09/2025 à 18h36", "Le 09/09/0999 à 18h36"), CTX);
        assertEquals(2025, parsed.article().date().getYear());
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("date", w.field());
        assertTrue(w.message().contains("1000 to 9999"), w.message());
    }

    @Test
    void headerWithoutDayIsAnError() {
        Problem p = onlyError(NewsTextReader.read("a.txt", "date\n\nTitre\n\nChapô.\n", CTX));
        assertEquals("date", p.field());
    }

    @Test
    void withoutHashtagLineThereAreNoTags() {
        String text = seedText.replaceAll("(?m)^#Russie.*\\n", "");
        Article a = article(NewsTextReader.read(SEED, text, CTX));
        assertEquals(List.of(), a.tags());
        assertEquals(5, paragraphs(a).size());
        assertEquals(4, a.relatedTitles().size());
    }

    @Test
    void withoutFurnitureTheBodyEndsAtTheClosingByline() {
        String text = seedText.substring(0, seedText.indexOf("LEs contenus liés"));
        ParsedSource parsed = NewsTextReader.read(SEED, text, CTX);
        Article a = article(parsed);
        assertEquals(List.of(), parsed.problems());
        assertEquals(5, paragraphs(a).size());
        assertEquals(9, a.tags().size());
        assertEquals(List.of(), a.relatedTitles());
    }

    @Test
    void fileTruncatedAfterTheBodyStillReads() {
        String text = seedText.substring(0, seedText.indexOf("Les deux chefs de diplomatie"));
        Article a = article(NewsTextReader.read(SEED, text, CTX));
        assertEquals(4, paragraphs(a).size());
        assertEquals(List.of(), a.tags());
        assertEquals(ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, CASABLANCA), a.date());
    }

    @Test
    void furnitureWithoutClosingBylineOrHashtagsNeverEntersTheBody() {
        String text = " date 2025-09-09 Politique\n\nTitre\n\nChapô.\n\nPar A\nLe 09/09/2025 à 10h00\n\nUn.\n\nDeux.\n"
                + "Articles les plus lus\n\n1\nAutre titre\n\nVoir plus";
        Article a = article(NewsTextReader.read("a.txt", text, CTX));
        assertEquals(List.of("Un.", "Deux."), paragraphs(a).eachText());
    }

    @Test
    void scriptInTheBodyIsEscapedNeverRaw() {
        String text = seedText.replace("Les deux chefs de diplomatie",
                "<script>alert('x')</script> <img src=x onerror=alert(1)> Les deux chefs de diplomatie");
        Article a = article(NewsTextReader.read(SEED, text, CTX));
        Element body = Jsoup.parseBodyFragment(a.bodyHtml()).body();
        assertTrue(body.select("script, img").isEmpty(), a.bodyHtml());
        assertFalse(a.bodyHtml().contains("<script"), a.bodyHtml());
        assertTrue(paragraphs(a).get(4).text().startsWith("<script>alert('x')</script>"), "shown as text");
    }

    @Test
    void scriptInTheTitleAndLeadStaysPlainText() {
        String text = " date 2025-09-09 Politique\n\nTitre <b>gras</b>\n\n<script>x()</script> chapô\n\nPar A\nLe 09/09/2025 à 10h00\n\nCorps.\n";
        Article a = article(NewsTextReader.read("a.txt", text, CTX));
        assertEquals("Titre <b>gras</b>", a.title());
        assertEquals("<script>x()</script> chapô", a.lead());
    }

    @Test
    void withoutDatelineTheHeaderDayAtMidnightWithAWarning() {
        String text = seedText.replace("Le 09/09/2025 à 18h36\n", "");
        ParsedSource parsed = NewsTextReader.read(SEED, text, CTX);
        Article a = article(parsed);
        assertEquals(ZonedDateTime.of(2025, 9, 9, 0, 0, 0, 0, CASABLANCA), a.date());
        assertEquals(List.of("La Rédaction"), a.authors());
        assertEquals(5, paragraphs(a).size());
        Problem w = onlyWarning(parsed);
        assertEquals("date", w.field());
    }

    @Test
    void datelineDisagreeingWithTheHeaderWinsWithAWarning() {
        ParsedSource parsed = NewsTextReader.read(SEED, seedText.replace(" date 2025-09-09", " date 2025-09-08"), CTX);
        Article a = article(parsed);
        assertEquals(ZonedDateTime.of(2025, 9, 9, 18, 36, 0, 0, CASABLANCA), a.date());
        Problem w = onlyWarning(parsed);
        assertEquals(10, w.line());
        assertTrue(w.message().contains("line 10") && w.message().contains("line 1"), w.message());
        assertTrue(w.message().contains("2025-09-08") && w.message().contains("2025-09-09"), w.message());
    }

    @Test
    void severalAuthors() {
        String text = seedText.replace("Par La Rédaction", "Par Nadia Alami, Karim Bennani et Sara El Fassi");
        assertEquals(List.of("Nadia Alami", "Karim Bennani", "Sara El Fassi"), article(NewsTextReader.read(SEED, text, CTX)).authors());
    }

    @Test
    void oneParagraphBeforeTheBylineIsTheLead() {
        String text = " date 2025-09-09 Économie et finance\n\nTitre\n\nLe chapô.\n\nPar A\nLe 09/09/2025 à 10h00\n\nCorps.\n";
        Article a = article(NewsTextReader.read("a.txt", text, CTX));
        assertEquals("Le chapô.", a.lead());
        assertEquals("", a.caption());
        assertEquals("Économie et finance", a.rubric().name());
    }

    @Test
    void extraParagraphsBeforeTheBylineGoToTheBodyWithAWarning() {
        String text = " date 2025-09-09 Politique\n\nTitre\n\nLégende.\n\nEn plus 1.\n\nEn plus 2.\n\nLe chapô.\n\n"
                + "Par A\nLe 09/09/2025 à 10h00\n\nCorps.\n";
        ParsedSource parsed = NewsTextReader.read("a.txt", text, CTX);
        Article a = article(parsed);
        assertEquals("Légende.", a.caption());
        assertEquals("Le chapô.", a.lead());
        assertEquals(List.of("En plus 1.", "En plus 2.", "Corps."), paragraphs(a).eachText());
        assertEquals("lead", onlyWarning(parsed).field());
    }

    @Test
    void bodyParagraphStartingWithParIsNotAByline() {
        String text = " date 2025-09-09 Politique\n\nTitre\n\nLe chapô.\n\nPar A\nLe 09/09/2025 à 10h00\n\n"
                + "Un.\n\nPar ailleurs, deux.\n\nTrois.\n";
        Article a = article(NewsTextReader.read("a.txt", text, CTX));
        assertEquals(List.of("Un.", "Par ailleurs, deux.", "Trois."), paragraphs(a).eachText());
    }

    @Test
    void modifiedDatelineSetsUpdated() {
        String text = seedText.replaceFirst("Le 09/09/2025 à 18h36", "Le 09/09/2025 à 18h36 - Modifié le 10/09/2025 à 09h15");
        Article a = article(NewsTextReader.read(SEED, text, CTX));
        assertEquals(ZonedDateTime.of(2025, 9, 10, 9, 15, 0, 0, CASABLANCA), a.updated());
    }

    @Test
    void duplicateHashtagsKeepTheFirstSpelling() {
        String text = seedText.replace("#Russie#Maroc#", "#Russie#Maroc#russie#MAROC#");
        List<Term> tags = article(NewsTextReader.read(SEED, text, CTX)).tags();
        assertEquals(9, tags.size());
        assertEquals("Russie", tags.get(0).name());
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String text : List.of("", "date", "#", "date 2025-09-09\n\n#a#b", "date 2025-09-09 X\n\nT\n\nPar\n",
                "date 2025-09-09 X\n\nT\n\nLe 31/02/2025 à 10h00\n\nCorps", "\uFEFF date 2025-09-09 X\r\rT\r\rC\r\rPar B\rLe 09/09/2025 à 10h00\r\rCorps")) {
            ParsedSource parsed = NewsTextReader.read("a.txt", text, CTX);
            assertTrue(parsed.article() != null || parsed.problems().stream().anyMatch(Problem::isError), text);
            parsed.problems().forEach(p -> assertNotNull(p.fix(), p.describe()));
        }
    }

    @Test
    void aCharacterReferenceIsTextHereNotAnEscape() {
        // The plain-text format has no escapes: `&#1;` is what the editor typed, shown as such.
        String text = " date 2025-09-09 Politique\n\nUn titre &#1;\n\nLe chap\u00f4 &#x7f;.\n\nPar La R\u00e9daction\nLe 09/09/2025 \u00e0 18h36\n\n"
                + "Corps &#128; &amp;.\n";
        ParsedSource parsed = NewsTextReader.read("a.txt", text, CTX);
        Article a = article(parsed);
        NoControls.assertNone(a);
        assertEquals("Un titre &#1;", a.title());
        assertEquals("Le chap\u00f4 &#x7f;.", a.lead());
        assertEquals("Corps &#128; &amp;.", paragraphs(a).get(0).text());
        assertTrue(parsed.problems().stream().noneMatch(p -> p.message().contains("control")), parsed.problems()::toString);
    }

    // ---- the slug line ----

    private static final String SHORT = "Maroc-Russie : un entretien\n\nLe chapô.\n\nPar La Rédaction\nLe 09/09/2025 à 18h36\n\nLe corps.\n";

    @Test
    void aSlugLineUnderTheHeaderGivesTheSlug() {
        ParsedSource parsed = NewsTextReader.read("a.txt", " date 2025-09-09 Politique\nslug: maroc-russie-entretien\n\n" + SHORT, CTX);
        Article a = article(parsed);
        assertEquals(List.of(), parsed.problems(), () -> describe(parsed.problems()));
        assertEquals("maroc-russie-entretien", a.slug());
        assertEquals("Maroc-Russie : un entretien", a.title(), "the slug line is not the title");
        assertNull(a.legacySlug(), "a slug the editor chose has no old URL to redirect");
        assertEquals("Le chapô.", a.lead());
    }

    @Test
    void withoutASlugLineTheSlugComesFromTheTitleAndTheOldRulesSlugIsKept() {
        Article a = article(NewsTextReader.read("a.txt", " date 2025-09-09 Politique\n\n" + SHORT, CTX));
        assertEquals("maroc-russie-entretien", a.slug());
        assertEquals("maroc-russie-un-entretien", a.legacySlug());
    }

    @Test
    void aTitleStartingWithSlugAfterTheBlankLineIsATitle() {
        Article a = article(NewsTextReader.read("a.txt", " date 2025-09-09 Politique\n\nSlug: la limace envahit les jardins\n\n"
                + "Le chapô.\n\nPar La Rédaction\nLe 09/09/2025 à 18h36\n\nLe corps.\n", CTX));
        assertEquals("Slug: la limace envahit les jardins", a.title());
        assertEquals("slug-limace-envahit-jardins", a.slug());
    }

    @Test
    void anUncleanSlugIsCleanedWithAWarningAndABadOneIsAnError() {
        ParsedSource unclean = NewsTextReader.read("a.txt", " date 2025-09-09 Politique\nslug: Maroc Russie\n\n" + SHORT, CTX);
        assertEquals("maroc-russie", article(unclean).slug());
        Problem w = onlyWarning(unclean);
        assertEquals(2, w.line());
        assertEquals("slug", w.field());
        Problem escape = onlyError(NewsTextReader.read("a.txt", " date 2025-09-09 Politique\nslug: ../etc\n\n" + SHORT, CTX));
        assertEquals(2, escape.line());
        assertTrue(escape.message().contains("leave"), escape.message());
        Problem empty = onlyError(NewsTextReader.read("a.txt", " date 2025-09-09 Politique\nslug:\n\n" + SHORT, CTX));
        assertEquals(2, empty.line());
        assertTrue(empty.fix().contains("slug:"), empty.fix());
    }

    private static Article article(ParsedSource parsed) {
        assertNotNull(parsed.article(), () -> describe(parsed.problems()));
        return parsed.article();
    }

    private static Elements paragraphs(Article a) {
        return Jsoup.parseBodyFragment(a.bodyHtml()).body().select("> p");
    }

    private static Problem onlyError(ParsedSource parsed) {
        assertNull(parsed.article());
        List<Problem> errors = parsed.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), () -> describe(parsed.problems()));
        assertNotNull(errors.get(0).fix());
        return errors.get(0);
    }

    private static Problem onlyWarning(ParsedSource parsed) {
        assertEquals(1, parsed.problems().size(), () -> describe(parsed.problems()));
        Problem p = parsed.problems().get(0);
        assertFalse(p.isError());
        assertNotNull(p.fix());
        return p;
    }

    private static String describe(List<Problem> problems) {
        return String.join("\n", problems.stream().map(Problem::describe).toList());
    }
}
