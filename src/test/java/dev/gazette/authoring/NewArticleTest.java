package dev.gazette.authoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.config.ConfigLoader;
import dev.gazette.config.SiteConfig;
import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import dev.gazette.source.ParseContext;
import dev.gazette.source.ParsedSource;
import dev.gazette.source.SourceReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NewArticleTest {

    /** 13:05:42 UTC: 14:05 in Casablanca (UTC+1). */
    private static final Instant NOW = Instant.parse("2025-09-10T13:05:42Z");

    private static SiteConfig config(String yaml) {
        ConfigLoader.Result r = ConfigLoader.parse(yaml, "site.yml");
        assertTrue(r.ok(), r.problems()::toString);
        return r.config();
    }

    private static final SiteConfig CASABLANCA = config("title: Gazette\nbaseUrl: https://gazette.example.ma/\ntimeZone: Africa/Casablanca\n");

    private static NewArticle.Request request(String title, String rubric, List<String> tags, SourceFormat format) {
        return new NewArticle.Request(title, rubric, tags, format, NOW);
    }

    private static NewArticle.Draft markdown(String title) throws NewArticle.Refusal, IOException {
        return NewArticle.draft(request(title, null, List.of(), SourceFormat.MARKDOWN), CASABLANCA, builtIn(SourceFormat.MARKDOWN));
    }

    private static Archetype builtIn(SourceFormat format) throws IOException {
        // A folder without archetypes/: Gazette's own.
        return NewArticle.archetype(Path.of("no-such-site-folder"), format, null);
    }

    /** What the project's own reader makes of the text written, independently of the draft's own check. */
    private static Article readBack(NewArticle.Draft draft) {
        ParsedSource parsed = SourceReader.parse(draft.file(), draft.text().getBytes(StandardCharsets.UTF_8),
                ParseContext.of(CASABLANCA.timeZone()));
        assertNotNull(parsed.article(), parsed.problems()::toString);
        assertTrue(parsed.problems().stream().noneMatch(Problem::isError), parsed.problems()::toString);
        return parsed.article();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Maroc-Russie: les partenariats stratégiques se renforcent",
            "Sergueï Lavrov reçu à Rabat",
            "« Nous sommes prêts », dit le ministre",
            "L'homologue \"russe\" a dit: 'oui'",
            "C:\\dossiers\\ et \\n n'est pas un saut de ligne",
            "# pas un commentaire",
            "- pas une liste",
            "[pas une liste] ni {une table}",
            "@arobase, `accent grave` & esperluette",
            "Yes",
            "null",
            "~ tilde",
            "010",
            "1.10",
            "--- trois tirets",
            "title: dans le titre",
            "50 % de hausse ; 3 × plus : ?",
            "Æsop, œuvre, straße, Łódź",
            "Le\u00A0Maroc\u202F: des espaces insécables",
            "Emoji 🇲🇦 et arabe المغرب",
            "Deux  espaces de suite",
            "Fin avec une barre oblique inverse \\",
    })
    void awkwardTitlesRoundTripThroughTheMarkdownReader(String title) throws Exception {
        NewArticle.Draft draft = markdown(title);
        Article a = readBack(draft);
        assertEquals(title, a.title(), draft.text());
        assertEquals(a.slug() + ".md", draft.file(), "the file name is the slug");
        assertEquals(draft.article().slug(), a.slug());
    }

    @Test
    void theMarkdownArticleHoldsTheTitleDateRubricTagsAndSlug() throws Exception {
        NewArticle.Draft draft = NewArticle.draft(request("Sergueï Lavrov: « la Russie » dit \"oui\"", "Politique",
                List.of("Maroc", "Russie", "Sergueï Lavrov"), SourceFormat.MARKDOWN), CASABLANCA, builtIn(SourceFormat.MARKDOWN));
        assertEquals("""
                ---
                title: "Sergueï Lavrov: « la Russie » dit \\"oui\\""
                date: 2025-09-10T14:05:00+01:00
                category: "Politique"
                tags: ["Maroc", "Russie", "Sergueï Lavrov"]
                slug: serguei-lavrov-russie-dit-oui
                ---

                """, draft.text());
        Article a = readBack(draft);
        assertEquals(ZonedDateTime.parse("2025-09-10T14:05:00+01:00").toInstant(), a.date().toInstant());
        assertEquals("Politique", a.rubric().name());
        assertEquals(List.of("Maroc", "Russie", "Sergueï Lavrov"), a.tags().stream().map(Term::name).toList());
        assertEquals("serguei-lavrov-russie-dit-oui.md", draft.file());
        assertEquals("https://gazette.example.ma/politique/serguei-lavrov-russie-dit-oui/", draft.url());
        assertEquals(List.of(), draft.warnings());
        assertTrue(draft.archetype().builtIn());
    }

    @Test
    void theDateIsNowInTheSiteTimeZoneNeverTheMachines() throws Exception {
        SiteConfig tokyo = config("title: T\ntimeZone: Asia/Tokyo\n");
        // 23:30 UTC on the 10th is the 11th in Tokyo: the day, the file's date and the URL follow the site.
        NewArticle.Request r = new NewArticle.Request("Séisme", null, List.of(), SourceFormat.MARKDOWN, Instant.parse("2025-09-10T23:30:59Z"));
        NewArticle.Draft md = NewArticle.draft(r, tokyo, builtIn(SourceFormat.MARKDOWN));
        assertTrue(md.text().contains("date: 2025-09-11T08:30:00+09:00\n"), md.text());
        NewArticle.Draft txt = NewArticle.draft(new NewArticle.Request("Séisme", null, List.of(), SourceFormat.NEWS_TEXT, r.now()), tokyo,
                builtIn(SourceFormat.NEWS_TEXT));
        assertTrue(txt.text().startsWith("date 2025-09-11 \n"), txt.text());
        assertTrue(txt.text().contains("Le 11/09/2025 à 08h30\n"), txt.text());
        assertEquals(ZonedDateTime.parse("2025-09-11T08:30:00+09:00").toInstant(), txt.article().date().toInstant());
        SiteConfig dated = config("title: T\ntimeZone: Asia/Tokyo\npermalinks:\n  article: \"{year}/{month}/{day}/{slug}/\"\n");
        assertEquals("2025/09/11/seisme/", NewArticle.draft(r, dated, builtIn(SourceFormat.MARKDOWN)).url(),
                "without a baseUrl the URL is relative to the site's root");
    }

    @Test
    void theUrlIsTheOneTheBuildGivesWithBaseUrlAndPermalinks() throws Exception {
        SiteConfig news = config("title: T\nbaseUrl: https://example.org/news\ntimeZone: UTC\npermalinks:\n  article: \"{rubric}/{year}/{slug}/\"\n");
        NewArticle.Draft d = NewArticle.draft(request("Le port", "Économie", List.of(), SourceFormat.MARKDOWN), news, builtIn(SourceFormat.MARKDOWN));
        assertEquals("https://example.org/news/economie/2025/port/", d.url());
        NewArticle.Draft none = NewArticle.draft(request("Le port", null, List.of(), SourceFormat.MARKDOWN), news, builtIn(SourceFormat.MARKDOWN));
        assertEquals("https://example.org/news/non-classe/2025/port/", none.url());
        assertNull(readBack(none).rubric());
    }

    @Test
    void longTitlesAreCutAtAWordAsTheReadersCutThem() throws Exception {
        String title = "Le partenariat stratégique approfondi au menu d’un entretien téléphonique entre Nasser Bourita et son homologue russe";
        NewArticle.Draft d = markdown(title);
        assertEquals("partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita.md", d.file());
        assertEquals(title, readBack(d).title());
    }

    @Test
    void thePlainTextFormatReadsBackWithTheProjectsReader() throws Exception {
        NewArticle.Draft d = NewArticle.draft(request("Maroc-Russie: entretien entre Bourita et Lavrov", "Politique",
                List.of("Russie", "Maroc", "Sergueï Lavrov", "Roi Mohammed VI"), SourceFormat.NEWS_TEXT), CASABLANCA, builtIn(SourceFormat.NEWS_TEXT));
        assertEquals("maroc-russie-entretien-bourita-lavrov.txt", d.file());
        assertTrue(d.text().startsWith("date 2025-09-10 Politique\n\nMaroc-Russie: entretien entre Bourita et Lavrov\n\n"), d.text());
        assertTrue(d.text().contains("\nPar La Rédaction\nLe 10/09/2025 à 14h05\n"), d.text());
        assertTrue(d.text().endsWith("#Russie#Maroc#Sergueï Lavrov#Roi Mohammed VI\n"), d.text());
        Article a = readBack(d);
        assertEquals(SourceFormat.NEWS_TEXT, a.format());
        assertEquals("Maroc-Russie: entretien entre Bourita et Lavrov", a.title());
        assertEquals("Politique", a.rubric().name());
        assertEquals(List.of("Russie", "Maroc", "Sergueï Lavrov", "Roi Mohammed VI"), a.tags().stream().map(Term::name).toList());
        assertEquals(ZonedDateTime.parse("2025-09-10T14:05:00+01:00").toInstant(), a.date().toInstant());
        assertEquals(List.of("La Rédaction"), a.authors());
        assertFalse(a.lead().isEmpty());
        assertFalse(a.bodyHtml().isEmpty());
        assertEquals(List.of(), d.warnings(), "the placeholders keep the reader from warning about a missing lead or body");
        assertEquals("https://gazette.example.ma/politique/maroc-russie-entretien-bourita-lavrov/", d.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"Les contenus liés", "#Maroc#Russie", "Le 09/09/2025 à 18h36"})
    void thePlainTextFormatRefusesATitleItWouldReadOtherwise(String title) throws Exception {
        NewArticle.Refusal r = assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request(title, "Politique", List.of(),
                SourceFormat.NEWS_TEXT), CASABLANCA, builtIn(SourceFormat.NEWS_TEXT)));
        assertTrue(r.usage(), "the request asks the format for what it cannot carry");
        assertTrue(r.fix().contains("Markdown"), r.fix());
        // Markdown carries it as written.
        assertEquals(title, readBack(markdown(title)).title());
    }

    @Test
    void thePlainTextFormatRefusesATagItCannotCarry() throws IOException {
        String longTag = "Une étiquette bien trop longue pour une ligne de mots-dièse";
        NewArticle.Refusal r = assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Titre", null, List.of("Maroc", longTag),
                SourceFormat.NEWS_TEXT), CASABLANCA, builtIn(SourceFormat.NEWS_TEXT)));
        assertTrue(r.getMessage().contains(longTag), r.getMessage());
    }

    @Test
    void thePlainTextFormatComparesWordsNotSpaces() throws Exception {
        // The reader turns no-break spaces into spaces, as it must for saved pages: that is no reason to refuse.
        NewArticle.Draft d = NewArticle.draft(request("Le Maroc\u00A0: un titre", null, List.of(), SourceFormat.NEWS_TEXT), CASABLANCA,
                builtIn(SourceFormat.NEWS_TEXT));
        assertEquals("Le Maroc : un titre", d.article().title());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "?!", "« … »", "---"})
    void aTitleWithoutLetterOrDigitIsBadUsage(String title) {
        NewArticle.Refusal r = assertThrows(NewArticle.Refusal.class, () -> markdown(title));
        assertTrue(r.usage());
    }

    @Test
    void lineBreaksAndControlCharactersAreBadUsage() {
        for (String title : List.of("Deux\nlignes", "Retour\rchariot", "Une\ttabulation", "Nul\u0000", "Séparateur\u2028de ligne")) {
            NewArticle.Refusal r = assertThrows(NewArticle.Refusal.class, () -> markdown(title), title);
            assertTrue(r.usage() && r.getMessage().contains("line break or control character"), r.getMessage());
        }
        assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Titre", "??", List.of(), SourceFormat.MARKDOWN),
                CASABLANCA, builtIn(SourceFormat.MARKDOWN)));
        assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Titre", null, List.of("ok", "!!"), SourceFormat.MARKDOWN),
                CASABLANCA, builtIn(SourceFormat.MARKDOWN)));
    }

    @Test
    void tagsDifferingOnlyByCaseOrAccentsAreOneTag() throws Exception {
        NewArticle.Draft d = NewArticle.draft(request("Titre", null, List.of("Diplomatie", " diplomatie ", "", "Diplomatíe", "Maroc"),
                SourceFormat.MARKDOWN), CASABLANCA, builtIn(SourceFormat.MARKDOWN));
        assertTrue(d.text().contains("tags: [\"Diplomatie\", \"Maroc\"]\n"), d.text());
    }

    /** On a `slugs: unicode` site a rubric's archetype is named by its Unicode slug, or still by the ASCII one it had. */
    @Test
    void aRubricsArchetypeIsFoundByTheSitesSlugRule(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("archetypes"));
        Files.writeString(site.resolve("archetypes/default.md"), "---\ntitle: {title}\ndate: {date}\n---\nDéfaut\n");
        Files.writeString(site.resolve("archetypes/культура.md"), "---\ntitle: {title}\ndate: {date}\n---\nКультура\n");
        assertEquals(site.resolve("archetypes/культура.md").toString(),
                NewArticle.archetype(site, SourceFormat.MARKDOWN, "Культура", dev.gazette.model.SlugRule.UNICODE).name());
        String ascii = dev.gazette.model.Slugs.of("Культура");
        assertFalse(ascii.isEmpty());
        assertEquals(site.resolve("archetypes/default.md").toString(),
                NewArticle.archetype(site, SourceFormat.MARKDOWN, "Культура", dev.gazette.model.SlugRule.ASCII).name(),
                "an ASCII site looks for archetypes/" + ascii + ".md");
        Files.writeString(site.resolve("archetypes/" + ascii + ".md"), "---\ntitle: {title}\ndate: {date}\n---\nKultura\n");
        Files.delete(site.resolve("archetypes/культура.md"));
        assertEquals(site.resolve("archetypes/" + ascii + ".md").toString(),
                NewArticle.archetype(site, SourceFormat.MARKDOWN, "Культура", dev.gazette.model.SlugRule.UNICODE).name(),
                "named before the site changed its rule");
    }

    @Test
    void theSiteArchetypeIsFilledInTheRubricsFirst(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("archetypes"));
        Files.writeString(site.resolve("archetypes/default.md"), """
                ---
                title: {title}
                date: {date}
                category: {rubric}
                tags: {tags}
                author: La Rédaction
                draft: true
                ---

                # {title}

                Publié le {day} ({dateline}) sous {slug}; tags: {tags} {hashtags}. {unknown} reste tel quel.
                """);
        Files.writeString(site.resolve("archetypes/sport.md"), "---\ntitle: {title}\ndate: {date}\nrubric: {rubric}\ntags: [Sport]\n---\nScore :\n");
        Archetype archetype = NewArticle.archetype(site, SourceFormat.MARKDOWN, "Politique");
        assertEquals(site.resolve("archetypes/default.md").toString(), archetype.name());
        NewArticle.Draft d = NewArticle.draft(request("L'\"accord\": signé", "Politique", List.of("Maroc", "Russie"), SourceFormat.MARKDOWN),
                CASABLANCA, archetype);
        assertTrue(d.text().contains("\n# L'\"accord\": signé\n"), "in the body a placeholder is the text itself: " + d.text());
        assertTrue(d.text().contains("Publié le 2025-09-10 (10/09/2025 à 14h05) sous accord-signe; tags: Maroc, Russie #Maroc#Russie. {unknown} reste tel quel."),
                d.text());
        Article a = readBack(d);
        assertEquals("L'\"accord\": signé", a.title());
        assertTrue(a.draft());
        assertEquals(List.of("La Rédaction"), a.authors());

        Archetype sport = NewArticle.archetype(site, SourceFormat.MARKDOWN, "Sport");
        assertEquals(site.resolve("archetypes/sport.md").toString(), sport.name(), "a rubric's own archetype comes first");
        NewArticle.Draft s = NewArticle.draft(request("Les Lions qualifiés", "Sport", List.of(), SourceFormat.MARKDOWN), CASABLANCA, sport);
        assertEquals(List.of("Sport"), readBack(s).tags().stream().map(Term::name).toList());
        assertTrue(NewArticle.archetype(site, SourceFormat.NEWS_TEXT, "Sport").builtIn(), "no .txt archetype: Gazette's own");
    }

    @Test
    void anArchetypeThatLosesWhatWasAskedIsRefused(@TempDir Path site) throws Exception {
        Files.createDirectories(site.resolve("archetypes"));
        Files.writeString(site.resolve("archetypes/default.md"), "---\ntitle: Toujours le même titre\ndate: {date}\n---\n");
        NewArticle.Refusal lost = assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Mon titre", null, List.of(),
                SourceFormat.MARKDOWN), CASABLANCA, NewArticle.archetype(site, SourceFormat.MARKDOWN, null)));
        assertFalse(lost.usage(), "the site's archetype is at fault, not the command line");
        assertTrue(lost.getMessage().contains("archetypes") && lost.getMessage().contains("title"), lost.getMessage());

        Files.writeString(site.resolve("archetypes/default.md"), "title: {title}\n");
        NewArticle.Refusal unreadable = assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Mon titre", null, List.of(),
                SourceFormat.MARKDOWN), CASABLANCA, NewArticle.archetype(site, SourceFormat.MARKDOWN, null)));
        assertTrue(unreadable.getMessage().contains("no front matter"), unreadable.getMessage());

        Files.writeString(site.resolve("archetypes/default.md"), "---\ntitle: {title}\ndate: {date}\n---\n");
        NewArticle.Refusal rubricLost = assertThrows(NewArticle.Refusal.class, () -> NewArticle.draft(request("Mon titre", "Politique",
                List.of("Maroc"), SourceFormat.MARKDOWN), CASABLANCA, NewArticle.archetype(site, SourceFormat.MARKDOWN, null)));
        assertTrue(rubricLost.getMessage().contains("rubric") && rubricLost.getMessage().contains("Maroc"), rubricLost.getMessage());
    }

    @Test
    void writingNeverOverwritesAFile(@TempDir Path articles) throws Exception {
        NewArticle.Draft d = markdown("Un titre");
        Path written = NewArticle.write(articles, d);
        assertEquals(articles.resolve("titre.md"), written);
        assertEquals(d.text(), Files.readString(written));
        Files.writeString(written, "edited by hand");
        FileAlreadyExistsException again = assertThrows(FileAlreadyExistsException.class, () -> NewArticle.write(articles, d));
        assertEquals(written.toString(), again.getFile());
        assertEquals("edited by hand", Files.readString(written), "left as it was");

        NewArticle.Draft txt = NewArticle.draft(request("Un titre", null, List.of(), SourceFormat.NEWS_TEXT), CASABLANCA,
                builtIn(SourceFormat.NEWS_TEXT));
        FileAlreadyExistsException namesake = assertThrows(FileAlreadyExistsException.class, () -> NewArticle.write(articles, txt));
        assertEquals(written.toString(), namesake.getOtherFile(), "the same slug in another format would collide in the build");
        assertFalse(Files.exists(articles.resolve("titre.txt")));
    }

    @Test
    void yamlQuotingEscapesOnlyWhatItMust() {
        assertEquals("\"« Oui » : l'accord\"", Placeholders.quoted("« Oui » : l'accord"));
        assertEquals("\"a\\\\b \\\"c\\\" \\t \\L \\N \\u0007\"", Placeholders.quoted("a\\b \"c\" \t \u2028 \u0085 \u0007"));
    }
}
