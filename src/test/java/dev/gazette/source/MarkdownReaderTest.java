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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownReaderTest {

    private static final ZoneId CASABLANCA = ZoneId.of("Africa/Casablanca");
    private static final ParseContext CTX = ParseContext.of(CASABLANCA);

    private static final String FULL = """
            ---
            title: "Maroc-Russie: les partenariats stratégiques se renforcent"
            date: 2025-09-05T11:20:00+01:00
            updated: 2025-09-06T09:00:00+01:00
            category: Politique
            tags: [Maroc, Russie, Diplomatie, diplomatie]
            author: [Salma Benali, Youssef El Amrani]
            summary: "Le chapô, en texte brut."
            image: images/port.svg
            caption: "Le port de Tanger Med."
            slug: maroc-russie-partenariats
            draft: true
            related: [another-article-slug, Un Titre Épinglé]
            lang: en
            ---

            # Intertitre

            Corps en **Markdown**.<script>alert(1)</script>
            """;

    static ParsedSource read(String source, String text) {
        return MarkdownReader.read(source, text, CTX);
    }

    /** The article of a read that must succeed without any problem. */
    private static Article clean(String source, String text) {
        ParsedSource parsed = read(source, text);
        assertEquals(List.of(), parsed.problems());
        assertNotNull(parsed.article());
        return parsed.article();
    }

    /** The only problem of a read that must fail. */
    private static Problem onlyError(String source, String text) {
        ParsedSource parsed = read(source, text);
        assertNull(parsed.article(), "an article with an error is never published");
        List<Problem> errors = parsed.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), parsed.problems()::toString);
        Problem p = errors.get(0);
        assertEquals(source, p.file());
        assertTrue(p.line() > 0, p.describe());
        assertNotNull(p.fix(), p.describe());
        assertFalse(p.fix().isBlank());
        return p;
    }

    private static String fm(String... lines) {
        return "---\n" + String.join("\n", lines) + "\n---\nCorps.\n";
    }

    @Test
    void readsEveryField() {
        Article a = clean("2025/maroc.md", FULL);
        assertEquals("2025/maroc.md", a.source());
        assertEquals(SourceFormat.MARKDOWN, a.format());
        assertEquals("Maroc-Russie: les partenariats stratégiques se renforcent", a.title());
        assertEquals(ZonedDateTime.of(2025, 9, 5, 11, 20, 0, 0, CASABLANCA), a.date());
        assertEquals(CASABLANCA, a.date().getZone());
        assertEquals(ZonedDateTime.of(2025, 9, 6, 9, 0, 0, 0, CASABLANCA), a.updated());
        assertEquals(new Term("Politique", "politique"), a.rubric());
        assertEquals("Politique", a.rubric().name());
        assertEquals(List.of("Maroc", "Russie", "Diplomatie"), a.tags().stream().map(Term::name).toList(),
                "tags differing by case are one tag, the first spelling kept");
        assertEquals(List.of("Salma Benali", "Youssef El Amrani"), a.authors());
        assertEquals("Le chapô, en texte brut.", a.lead());
        assertEquals("images/port.svg", a.image());
        assertEquals("Le port de Tanger Med.", a.caption());
        assertEquals("maroc-russie-partenariats", a.slug());
        assertTrue(a.draft());
        assertEquals(List.of("another-article-slug", "un-titre-epingle"), a.pinnedSlugs());
        assertEquals("en", a.language());
        Element body = Jsoup.parseBodyFragment(a.bodyHtml()).body();
        assertNull(body.selectFirst("h1"), "the page title is the only h1");
        assertEquals("Intertitre", body.selectFirst("h2").text());
        assertEquals("Markdown", body.selectFirst("strong").text());
        assertNull(body.selectFirst("script"));
        assertFalse(a.bodyHtml().contains("alert"));
    }

    @Test
    void readsTheAliases() {
        Article a = clean("a.md", fm("title: T", "date: 2025-09-05", "rubric: Économie", "authors: Salma Benali",
                "lead: Le chapô.", "language: ar"));
        assertEquals("economie", a.rubric().slug());
        assertEquals("Économie", a.rubric().name());
        assertEquals(List.of("Salma Benali"), a.authors());
        assertEquals("Le chapô.", a.lead());
        assertEquals("ar", a.language());
    }

    @Test
    void optionalFieldsHaveDefaults() {
        Article a = clean("2025/08/mon-article.md", fm("title: T", "date: 2025-09-05"));
        assertEquals("mon-article", a.slug(), "the slug defaults to the file name");
        assertNull(a.updated());
        assertNull(a.rubric());
        assertEquals(List.of(), a.tags());
        assertEquals(List.of(), a.authors());
        assertEquals("", a.lead());
        assertNull(a.image());
        assertEquals("", a.caption());
        assertFalse(a.draft());
        assertNull(a.language());
        assertEquals(List.of(), a.pinnedSlugs());
        assertEquals(List.of(), a.relatedTitles());
    }

    @Test
    void slugFromAFileNameWithAccentsAndCapitals() {
        assertEquals("l-ete-a-fes", clean("L'Été à Fès.markdown", fm("title: T", "date: 2025-09-05")).slug());
    }

    @Test
    void slugFromTheTitleWhenTheFileNameHasNoLetter() {
        Article fromTitle = clean("___.md".replace("_", "!"), fm("title: Un titre", "date: 2025-09-05"));
        assertEquals("titre", fromTitle.slug(), "stop words left out");
        assertEquals("un-titre", fromTitle.legacySlug(), "the old rule's slug, redirected");
        assertNull(clean("a.md", fm("title: Un titre", "date: 2025-09-05")).legacySlug(), "a slug from the file name has none");
    }

    @Test
    void tagsAndAuthorsAsCommaSeparatedText() {
        Article a = clean("a.md", fm("title: T", "date: 2025-09-05", "tags: Maroc, Russie ,  ", "author: Salma Benali"));
        assertEquals(List.of("maroc", "russie"), a.tags().stream().map(Term::slug).toList());
        assertEquals(List.of("Salma Benali"), a.authors());
    }

    @Test
    void aTagWithoutLetterIsAWarningAndIgnored() {
        ParsedSource parsed = read("a.md", fm("title: T", "date: 2025-09-05", "tags: [Maroc, '!!!']"));
        assertEquals(List.of("maroc"), parsed.article().tags().stream().map(Term::slug).toList());
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("tags", w.field());
        assertEquals(4, w.line());
    }

    @Test
    void anUncleanSlugIsCleanedWithAWarning() {
        ParsedSource parsed = read("a.md", fm("title: T", "date: 2025-09-05", "slug: Mon Article"));
        assertEquals("mon-article", parsed.article().slug());
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("slug", w.field());
        assertEquals(4, w.line());
        assertTrue(w.fix().contains("mon-article"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../evil", "a/b", "..", "..\\\\evil", "x..y"})
    void aSlugLeavingTheFolderIsAnError(String slug) {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "slug: '" + slug + "'"));
        assertEquals("slug", p.field());
        assertEquals(4, p.line());
    }

    @Test
    void aSlugWithoutLetterIsAnError() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "slug: '---'"));
        assertEquals("slug", p.field());
    }

    @Test
    void imageUrlIsKept() {
        assertEquals("https://cdn.example.ma/port.jpg",
                clean("a.md", fm("title: T", "date: 2025-09-05", "image: https://cdn.example.ma/port.jpg")).image());
    }

    @Test
    void anImageIsRelativeToTheArticlesFolder() {
        assertEquals("../images/port.svg", clean("2025/a.md", fm("title: T", "date: 2025-09-05", "image: ../images/port.svg")).image());
        assertEquals("image", onlyError("2025/a.md", fm("title: T", "date: 2025-09-05", "image: ../../port.svg")).field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "file:///etc/passwd", "images/../../x.jpg", "C:\\\\x.jpg"})
    void anImageOutsideTheArticlesFolderIsAnError(String image) {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "caption: C", "image: '" + image + "'"));
        assertEquals("image", p.field());
        assertEquals(5, p.line());
    }

    @Test
    void missingTitle() {
        Problem p = onlyError("a.md", fm("date: 2025-09-05", "category: Politique"));
        assertEquals("title", p.field());
        assertEquals(1, p.line());
        assertTrue(p.fix().contains("title:"), p.fix());
    }

    @Test
    void blankTitleIsReportedOnItsLine() {
        Problem p = onlyError("a.md", fm("date: 2025-09-05", "title: '  '"));
        assertEquals("title", p.field());
        assertEquals(3, p.line());
    }

    @Test
    void missingDate() {
        Problem p = onlyError("a.md", fm("title: T"));
        assertEquals("date", p.field());
        assertTrue(p.fix().contains("date:"), p.fix());
    }

    @ParameterizedTest
    @ValueSource(strings = {"hier", "31/02/2025", "2025-13-01", "2025-09-09T25:00", "20250909", "2025-09-09T18:36:00+25:00"})
    void unparseableDate(String date) {
        Problem p = onlyError("a.md", fm("title: T", "category: Politique", "date: '" + date + "'"));
        assertEquals("date", p.field());
        assertEquals(4, p.line());
        assertTrue(p.message().contains(date), p.message());
        assertTrue(p.fix().contains("2025-09-09T18:36:00+01:00"), "the fix lists the forms: " + p.fix());
    }

    @Test
    void unparseableUpdateIsAnErrorOnItsOwnField() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "updated: demain"));
        assertEquals("updated", p.field());
        assertEquals(4, p.line());
    }

    @Test
    void anUpdateBeforeTheDateIsAWarningAndIgnored() {
        ParsedSource parsed = read("a.md", fm("title: T", "date: 2025-09-05", "updated: 2025-09-04"));
        assertNull(parsed.article().updated());
        assertEquals("updated", parsed.problems().get(0).field());
        assertFalse(parsed.problems().get(0).isError());
    }

    @Test
    void brokenYamlIsReportedOnItsLine() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "tags: [Maroc, Russie", "caption: C"));
        assertTrue(p.line() >= 4 && p.line() <= 6, p.describe());
        assertTrue(p.message().contains("YAML"), p.message());
    }

    @Test
    void aColonInAnUnquotedTitleIsReportedOnTheTitleLine() {
        Problem p = onlyError("a.md", fm("date: 2025-09-05", "title: Maroc: les partenariats: bilan"));
        assertEquals(3, p.line(), p.describe());
        assertTrue(p.fix().contains("quotes"), p.fix());
    }

    @Test
    void aFieldWrittenTwiceIsAnError() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "title: U"));
        assertTrue(p.message().contains("title"), p.describe());
    }

    @Test
    void noFrontMatter() {
        Problem p = onlyError("a.md", "# Titre\n\nCorps.\n");
        assertEquals(1, p.line());
        assertTrue(p.fix().contains("---"));
    }

    @Test
    void frontMatterNeverClosed() {
        Problem p = onlyError("a.md", "---\ntitle: T\ndate: 2025-09-05\n\nCorps.\n");
        assertTrue(p.fix().contains("---"));
    }

    @Test
    void frontMatterThatIsNotAMapping() {
        assertEquals(2, onlyError("a.md", "---\n- title\n- date\n---\nCorps\n").line());
    }

    @Test
    void wrongTypesNameTheirField() {
        assertEquals("draft", onlyError("a.md", fm("title: T", "date: 2025-09-05", "draft: peut-être")).field());
        assertEquals("title", onlyError("a.md", fm("title: [a, b]", "date: 2025-09-05")).field());
        assertEquals("tags", onlyError("a.md", fm("title: T", "date: 2025-09-05", "tags: {a: b}")).field());
        assertEquals("tags", onlyError("a.md", fm("title: T", "date: 2025-09-05", "tags: [[a]]")).field());
        assertEquals("caption", onlyError("a.md", fm("title: T", "date: 2025-09-05", "caption: {a: b}")).field());
    }

    @Test
    void aRubricWithoutLetterIsAnErrorOnItsField() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "category: '!!!'"));
        assertEquals("category", p.field());
        assertEquals(4, p.line());
    }

    @Test
    void aRubricAliasWithoutLetterIsReportedOnTheAlias() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "rubric: '!!!'"));
        assertEquals("rubric", p.field(), p.describe());
        assertEquals(4, p.line(), p.describe());
    }

    @Test
    void everyErrorOfOneFileIsReported() {
        ParsedSource parsed = read("a.md", fm("date: hier", "draft: peut-être", "image: ../../x.jpg"));
        List<String> fields = parsed.problems().stream().filter(Problem::isError).map(Problem::field).sorted().toList();
        assertEquals(List.of("date", "draft", "image", "title"), fields);
    }

    @Test
    void unknownFieldIsAWarningOnItsLine() {
        ParsedSource parsed = read("a.md", fm("title: T", "date: 2025-09-05", "categorie: Politique"));
        assertNotNull(parsed.article());
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("categorie", w.field());
        assertEquals(4, w.line());
        assertTrue(w.fix().contains("category"));
    }

    @Test
    void windowsLineEndingsAndAClosingFenceWithTrailingSpaces() {
        Article a = clean("a.md", "---\r\ntitle: T\r\ndate: 2025-09-05\r\n---   \r\nCorps *ici*.\r\n");
        assertEquals("T", a.title());
        assertEquals("ici", Jsoup.parseBodyFragment(a.bodyHtml()).selectFirst("em").text());
    }

    @Test
    void aHorizontalRuleInTheBodyIsNotAFence() {
        Article a = clean("a.md", "---\ntitle: T\ndate: 2025-09-05\n---\nAvant\n\n----\n\nAprès\n\n---\n\nFin\n");
        assertTrue(a.bodyHtml().contains("Après"));
        assertTrue(a.bodyHtml().contains("Fin"));
    }

    @Test
    void aFileWithoutBody() {
        assertEquals("", clean("a.md", "---\ntitle: T\ndate: 2025-09-05\n---").bodyHtml());
    }

    @Test
    void aTitleThatLooksLikeANumberOrADateStaysText() {
        Article a = clean("a.md", fm("title: 2025", "date: 2025-09-05 18:36"));
        assertEquals("2025", a.title());
        assertEquals(ZonedDateTime.of(2025, 9, 5, 18, 36, 0, 0, CASABLANCA), a.date());
    }

    @Test
    void textFieldsKeepTheTextWrittenNotYaml11Types() {
        // YAML 1.1 made these "true", "8", [true, false, 1.1], 750, "false", 31 and [false, 1000.0].
        Article a = clean("a.md", fm("title: Yes", "date: 2025-09-05", "slug: 010", "tags: [on, NO, 1.10]", "caption: 12:30",
                "category: Off", "summary: 0x1F", "author: [No, 1e3]", "related: [010]"));
        assertEquals("Yes", a.title());
        assertEquals("010", a.slug());
        assertEquals(List.of("on", "NO", "1.10"), a.tags().stream().map(Term::name).toList());
        assertEquals("12:30", a.caption());
        assertEquals("Off", a.rubric().name());
        assertEquals("0x1F", a.lead());
        assertEquals(List.of("No", "1e3"), a.authors());
        assertEquals(List.of("010"), a.pinnedSlugs());
    }

    @Test
    void quotedTextIsTheTextAfterUnquoting() {
        Article a = clean("a.md", fm("title: \"Maroc : l\\u2019\u00e9t\u00e9 \\\"br\u00fblant\\\"\"", "date: 2025-09-05",
                "caption: 'l''\u00e9t\u00e9'"));
        assertEquals("Maroc : l\u2019\u00e9t\u00e9 \"br\u00fblant\"", a.title());
        assertEquals("l'\u00e9t\u00e9", a.caption());
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"true|true", "yes|true", "on|true", "True|true",
            "false|false", "no|false", "off|false", "~|false"})
    void draftIsReadAsABoolean(String written, boolean draft) {
        assertEquals(draft, clean("a.md", fm("title: T", "date: 2025-09-05", "draft: " + written)).draft());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "'true'", "[true]", "vrai"})
    void aDraftThatIsNoBooleanIsAnErrorOnItsLine(String written) {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "draft: " + written));
        assertEquals("draft", p.field());
        assertEquals(4, p.line());
        assertTrue(p.fix().contains("draft: true"), p.fix());
    }

    @Test
    void datesAreReadFromTheirTextQuotedOrNot() {
        Article a = clean("a.md", fm("title: T", "date: '2025-09-05T11:20:00+01:00'", "updated: 2025-09-06 09:00"));
        assertEquals(ZonedDateTime.of(2025, 9, 5, 11, 20, 0, 0, CASABLANCA), a.date());
        assertEquals(ZonedDateTime.of(2025, 9, 6, 9, 0, 0, 0, CASABLANCA), a.updated());
    }

    @Test
    void yamlsNoValueLeavesAFieldEmptyButQuotedNullIsText() {
        Article a = clean("a.md", fm("title: 'null'", "date: 2025-09-05", "caption: ~", "tags: [Maroc, ~]", "summary:"));
        assertEquals("null", a.title());
        assertEquals("", a.caption());
        assertEquals("", a.lead());
        assertEquals(List.of("Maroc"), a.tags().stream().map(Term::name).toList());
    }

    @Test
    void aFieldWrittenTwiceNamesTheFieldAndTheSecondLine() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "title: U"));
        assertEquals("title", p.field());
        assertEquals(4, p.line());
    }

    @Test
    void aYamlBombIsAnErrorNamingTheFileNotACrash() {
        List<String> lines = new java.util.ArrayList<>(List.of("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"));
        for (char c = 'b'; c <= 'j'; c++) {
            lines.add(c + ": &" + c + " [" + String.join(", ", java.util.Collections.nCopies(9, "*" + (char) (c - 1))) + "]");
        }
        lines.add("title: T");
        lines.add("date: 2025-09-05");
        lines.add("tags: *j");
        Problem p = onlyError("bombe.md", fm(lines.toArray(String[]::new)));
        assertEquals("bombe.md", p.file());
        assertTrue(p.message().contains("refused"), p.message());
    }

    @Test
    void aRecursiveAliasIsAnErrorNotAStackOverflow() {
        Problem p = onlyError("a.md", fm("title: T", "date: 2025-09-05", "tags: &t [a, *t]"));
        assertTrue(p.line() >= 1, p.describe());
    }

    @ParameterizedTest
    @ValueSource(strings = {"date: 10000-01-01", "date: '+10000-01-01T00:00:00Z'", "date: 0000-01-01", "updated: 10000-01-01"})
    void aYearOutsideFourDigitsIsAnErrorOnItsFieldAndLine(String line) {
        Problem p = onlyError("a.md", fm("title: T", "category: Politique", line.startsWith("updated") ? "date: 2025-09-05" : "caption: C", line));
        assertEquals(line.substring(0, line.indexOf(':')), p.field(), p.describe());
        assertEquals(5, p.line(), p.describe());
        assertTrue(p.message().contains("1000 to 9999"), p.describe());
        assertTrue(p.fix().contains("2025-09-09"), p.fix());
    }

    @Test
    void controlCharactersWrittenAsYamlEscapesReachNoFieldAndAreReportedOnce() {
        ParsedSource parsed = read("2025/echappes.md", fm(
                "title: \"Un\\0 titre\\x01 ici\\u0007\"",
                "date: 2025-09-05",
                "category: \"Poli\\etique\"",
                "tags: [\"Ma\\x02roc\", Russie]",
                "author: [\"Salma\\N Benali\"]",
                "summary: \"Le\\a chap\u00f4\\ttabul\u00e9\"",
                "image: \"images/po\\x7Frt.svg\"",
                "caption: \"Le\\b port\"",
                "slug: \"mon\\x1b-slug\"",
                "related: [\"autre\\x03-article\"]",
                "lang: \"e\\x01n\""));
        Article a = parsed.article();
        assertNotNull(a, parsed.problems()::toString);
        NoControls.assertNone(a);
        assertEquals("Un titre ici", a.title());
        assertEquals(new Term("Politique", "politique"), a.rubric());
        assertEquals("Politique", a.rubric().name());
        assertEquals(List.of("Maroc", "Russie"), a.tags().stream().map(Term::name).toList());
        assertEquals(List.of("Salma Benali"), a.authors());
        assertEquals("Le chap\u00f4\ttabul\u00e9", a.lead(), "a tab is kept, as in the file's own text");
        assertEquals("images/port.svg", a.image());
        assertEquals("Le port", a.caption());
        assertEquals("mon-slug", a.slug());
        assertEquals(List.of("autre-article"), a.pinnedSlugs());
        assertEquals("en", a.language());

        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("2025/echappes.md", w.file());
        assertEquals("title", w.field());
        assertEquals(2, w.line(), "the file's line: the front matter starts on line 2");
        assertTrue(w.message().contains("removed 12 control characters written as YAML escapes"), w.message());
        assertTrue(w.message().contains("U+0000"), w.message());
        assertTrue(w.fix().contains("\\0"), w.fix());
    }

    @Test
    void aControlEscapeInALaterFieldIsReportedOnItsLine() {
        ParsedSource parsed = read("a.md", fm("title: Titre", "date: 2025-09-05", "caption: \"L\u00e9gende\\x85\""));
        assertEquals("L\u00e9gende", parsed.article().caption());
        Problem w = parsed.problems().get(0);
        assertEquals("caption", w.field());
        assertEquals(4, w.line());
        assertTrue(w.message().contains("1 control character ") && w.message().contains("U+0085"), w.message());
    }

    @Test
    void numericEntitiesToControlsInTheBodyAreRemovedAndReported() {
        ParsedSource parsed = read("corps.md", "---\ntitle: Titre\ndate: 2025-09-05\n---\n"
                + "Corps &#1; avec un [lien](https://exemple.ma \"t&#x7f;\") et &#128;.\n\nSuite &#x1b;.\n");
        Article a = parsed.article();
        assertNotNull(a, parsed.problems()::toString);
        NoControls.assertNone(a);
        Element body = Jsoup.parseBodyFragment(a.bodyHtml()).body();
        assertEquals("t", body.selectFirst("a").attr("title"));
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("corps.md", w.file());
        assertEquals("body", w.field());
        assertTrue(w.message().contains("removed 4 control characters written as character references"), w.message());
        assertTrue(w.fix().contains("&#1;"), w.fix());
    }

    @Test
    void numericEntitiesInPlainProseAreRemovedToo() {
        ParsedSource parsed = read("prose.md", "---\ntitle: Titre\ndate: 2025-09-05\n---\nUn &#1; deux &#x9f; trois.\n");
        NoControls.assertNone(parsed.article());
        assertEquals("body", parsed.problems().get(0).field(), parsed.problems()::toString);
    }

    @Test
    void aliasesAreKeptAsWritten() {
        Article a = clean("a.md", fm("title: T", "date: 2025-09-05",
                "aliases: [/politique/ancien-titre/, 'https://gazette.example.ma/old.html', /politique/ancien-titre/]"));
        assertEquals(List.of("/politique/ancien-titre/", "https://gazette.example.ma/old.html"), a.aliases());
    }

    @Test
    void anAliasThatIsNotAnAddressIsAnErrorNamingTheField() {
        ParsedSource parsed = read("a.md", fm("title: T", "date: 2025-09-05", "aliases: [politique/sans-slash/]"));
        assertNull(parsed.article());
        Problem p = parsed.problems().get(0);
        assertEquals("aliases", p.field());
        assertEquals(4, p.line());
        assertTrue(p.fix().contains("/politique/ancien-titre/"), p.fix());
    }
}
