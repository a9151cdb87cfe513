package dev.gazette.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {

    private static final String FULL = """
            title: Gazette du Maroc
            description: L’actualité du Maroc et du monde, en continu.
            baseUrl: https://gazette.example.ma/news
            language: fr-MA
            timeZone: Africa/Casablanca
            pageSize: 15
            relatedCount: 3
            relatedPageSize: 30
            homeLatest: 10
            homePerRubric: 6
            permalinks:
              article: "/{year}/{month}/{day}/{slug}"
              tag: "sujets/{slug}/"
              rubric: "rubriques/{slug}/"
            """;

    private static ConfigLoader.Result parse(String yaml) {
        return ConfigLoader.parse(yaml, "site.yml");
    }

    /** The single error of {@code r}, asserting there is exactly one. */
    private static Problem onlyError(ConfigLoader.Result r) {
        List<Problem> errors = r.problems().stream().filter(Problem::isError).toList();
        assertEquals(1, errors.size(), errors::toString);
        assertFalse(r.ok());
        return errors.get(0);
    }

    @Test
    void readsEverySettingOfAFullFile(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("site.yml");
        Files.writeString(file, FULL, StandardCharsets.UTF_8);
        ConfigLoader.Result r = ConfigLoader.load(file, "site.yml");
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(List.of(), r.problems());
        SiteConfig c = r.config();
        assertEquals("Gazette du Maroc", c.title());
        assertEquals("L’actualité du Maroc et du monde, en continu.", c.description());
        assertEquals("https://gazette.example.ma/news/", c.baseUrl(), "a trailing slash is added");
        assertEquals("fr-ma", c.language());
        assertEquals(ZoneId.of("Africa/Casablanca"), c.timeZone());
        assertEquals(15, c.pageSize());
        assertEquals(3, c.relatedCount());
        assertEquals(30, c.relatedPageSize());
        assertEquals(10, c.homeLatest());
        assertEquals(6, c.homePerRubric());
        assertEquals(new Permalinks("{year}/{month}/{day}/{slug}/", "sujets/{slug}/", "rubriques/{slug}/"), c.permalinks(),
                "the leading slash goes, a trailing slash is added");
    }

    private static ConfigLoader.Result load(Path tmp, byte[] bytes) throws Exception {
        Path file = tmp.resolve("site.yml");
        Files.write(file, bytes);
        return ConfigLoader.load(file, "conf/site.yml");
    }

    private static byte[] withMark(int[] mark, String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b : mark) {
            bytes.write(b);
        }
        bytes.writeBytes(text.getBytes(charset));
        return bytes.toByteArray();
    }

    @ParameterizedTest
    @CsvSource({"UTF-8, EF BB BF", "UTF-16LE, FF FE", "UTF-16BE, FE FF", "UTF-32LE, FF FE 00 00", "UTF-32BE, 00 00 FE FF"})
    void aByteOrderMarkSaysTheEncodingOfTheFileAsForTheSources(String charset, String mark, @TempDir Path tmp) throws Exception {
        int[] markBytes = Arrays.stream(mark.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
        ConfigLoader.Result r = load(tmp, withMark(markBytes, FULL, Charset.forName(charset)));
        assertEquals(List.of(), r.problems(), "read as " + charset);
        assertEquals("Gazette du Maroc", r.config().title(), "the mark is not part of the first key");
        assertEquals("L’actualité du Maroc et du monde, en continu.", r.config().description());
    }

    @Test
    void aFileThatIsNotUtf8IsReadAsWindows1252WithAWarningNamingIt(@TempDir Path tmp) throws Exception {
        ConfigLoader.Result r = load(tmp, "title: \u201cL\u2019\u00c9co\u201d \u2013 5 \u20ac\ndescription: Caf\u00e9s\n"
                .getBytes(Charset.forName("windows-1252")));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals("\u201cL\u2019\u00c9co\u201d \u2013 5 \u20ac", r.config().title());
        assertEquals("Caf\u00e9s", r.config().description());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem w = r.problems().get(0);
        assertFalse(w.isError());
        assertEquals("conf/site.yml", w.file());
        assertTrue(w.message().contains("UTF-8") && w.message().contains("Windows-1252"), w.message());
    }

    @Test
    void controlCharactersInTheFileAreRemovedWithOneWarningNamingItTheCountAndTheLine(@TempDir Path tmp) throws Exception {
        ConfigLoader.Result r = load(tmp, "title: Gazette\u0000 du Maroc\u0007\ndescription: \"En\u0085 continu\u001B\"\npageSize: 15\n"
                .getBytes(StandardCharsets.UTF_8));
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals("Gazette du Maroc", r.config().title());
        assertEquals("En continu", r.config().description());
        assertEquals(15, r.config().pageSize());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem w = r.problems().get(0);
        assertFalse(w.isError());
        assertEquals("conf/site.yml", w.file());
        assertEquals(1, w.line(), "the line of the first one");
        assertTrue(w.message().contains("4 control characters") && w.message().contains("U+0000"), w.message());
        assertNotNull(w.fix());
    }

    @Test
    void emptyFileGivesTheDefaults() {
        ConfigLoader.Result r = parse("");
        assertTrue(r.ok());
        assertEquals(SiteConfig.defaults(), r.config());
    }

    @Test
    void missingFileIsAnErrorNamingIt(@TempDir Path tmp) {
        ConfigLoader.Result r = ConfigLoader.load(tmp.resolve("nope.yml"), "nope.yml");
        Problem p = onlyError(r);
        assertEquals("nope.yml", p.file());
        assertNotNull(p.fix());
    }

    @Test
    void brokenYamlIsReportedWithFileAndLine() {
        ConfigLoader.Result r = parse("title: Gazette\npageSize: 20\npermalinks:\n  article: \"{slug}/\n  tag: x\n");
        Problem p = onlyError(r);
        assertEquals("site.yml", p.file());
        assertTrue(p.line() >= 4, "the line of the unclosed quote or after: " + p.line());
        assertTrue(p.message().contains("YAML"), p.message());
        assertNotNull(p.fix());
    }

    @Test
    void badIndentationIsReportedOnItsLine() {
        Problem p = onlyError(parse("title: Gazette\ndescription: x\n  language: fr\n"));
        assertEquals(3, p.line(), p.describe());
    }

    @Test
    void aListAtTheTopIsNotAConfiguration() {
        Problem p = onlyError(parse("- title\n- pageSize\n"));
        assertEquals(1, p.line());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "pageSize: 0|pageSize",
            "pageSize: -3|pageSize",
            "pageSize: twenty|pageSize",
            "pageSize: 2.5|pageSize",
            "relatedCount: []|relatedCount",
            "relatedPageSize: no|relatedPageSize",
            "homeLatest: 0|homeLatest",
            "homePerRubric: '4'|homePerRubric",
            "title: [a, b]|title",
            "description: {a: b}|description",
            "language: français|language",
            "language: f|language",
            "timeZone: Mars/Olympus|timeZone",
            "timeZone: [UTC]|timeZone",
            "baseUrl: gazette.example.ma|baseUrl",
            "baseUrl: ftp://gazette.example.ma/|baseUrl",
            "baseUrl: /news/|baseUrl",
            "baseUrl: https://gazette.example.ma/?x=1|baseUrl",
            "baseUrl: https://gazette.example.ma/#top|baseUrl",
            "baseUrl: 'https://exa mple.ma/'|baseUrl",
            "permalinks: '{slug}'|permalinks",
            "slugs: utf8|slugs",
            "slugs: [unicode]|slugs",
    })
    void aWrongValueIsAnErrorNamingItsField(String line, String field) {
        ConfigLoader.Result r = parse("# site\n" + line + "\n");
        Problem p = onlyError(r);
        assertEquals(field, p.field(), p.describe());
        assertEquals("site.yml", p.file());
        assertNotNull(p.fix(), p.describe());
        assertTrue(p.describe().startsWith("site.yml"), p.describe());
    }

    @Test
    void aWrongValueFallsBackToTheDefaultAndOtherSettingsAreStillRead() {
        ConfigLoader.Result r = parse("pageSize: 0\nhomeLatest: 7\ntimeZone: Nowhere/Land\n");
        assertEquals(2, r.problems().size(), r.problems()::toString);
        assertEquals(20, r.config().pageSize());
        assertEquals(7, r.config().homeLatest());
        assertEquals(ZoneId.of("UTC"), r.config().timeZone());
    }

    @Test
    void everyWrongFieldIsReportedTogether() {
        ConfigLoader.Result r = parse("pageSize: 0\nlanguage: '!!'\nbaseUrl: nowhere\npermalinks:\n  tag: 'x/{id}/'\n");
        List<String> fields = r.problems().stream().filter(Problem::isError).map(Problem::field).sorted().toList();
        assertEquals(List.of("baseUrl", "language", "pageSize", "permalinks.tag"), fields);
    }

    @Test
    void unknownSettingsAreWarningsNamingThem() {
        ConfigLoader.Result r = parse("title: X\npagesize: 10\npermalinks:\n  page: '{slug}/'\n");
        assertTrue(r.ok());
        List<String> fields = r.problems().stream().map(Problem::field).sorted().toList();
        assertEquals(List.of("pagesize", "permalinks.page"), fields);
        assertTrue(r.problems().stream().allMatch(p -> !p.isError() && p.fix() != null));
        assertTrue(r.problems().stream().filter(p -> p.field().equals("pagesize")).findFirst().orElseThrow().fix().contains("pageSize"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://gazette.example.ma", "https://gazette.example.ma/", "http://localhost:8080/news",
            "https://example.org/a/b/"})
    void acceptsAbsoluteHttpBaseUrls(String url) {
        assertNull(ConfigLoader.checkBaseUrl(url));
        ConfigLoader.Result r = parse("baseUrl: " + url + "\n");
        assertTrue(r.ok(), r.problems()::toString);
        assertTrue(r.config().baseUrl().endsWith("/"));
        assertTrue(r.config().baseUrl().startsWith(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gazette.example.ma", "/news/", "mailto:a@b.c", "javascript:alert(1)", "https:///path",
            "https://x.ma/?q", "file:///etc/"})
    void rejectsOtherBaseUrls(String url) {
        assertNotNull(ConfigLoader.checkBaseUrl(url), url);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "article|../{slug}",
            "article|{rubric}/../../{slug}/",
            "article|a//{slug}/",
            "article|{slug}/?x",
            "article|{slug} page/",
            "article|C:{slug}",
            "tag|..\\{slug}",
            "tag|tags/{rubric}/{slug}/",
            "tag|tags/",
            "rubric|{slug}/{year}/",
            "rubric|rubriques/{Slug}/",
            "article|{rubric}/{title}/",
    })
    void rejectsPermalinkPatternsThatAreUnknownOrLeaveTheSite(String kind, String pattern) {
        ConfigLoader.Result r = parse("permalinks:\n  " + kind + ": '" + pattern + "'\n");
        Problem p = onlyError(r);
        assertEquals("permalinks." + kind, p.field(), p.describe());
        assertNotNull(p.fix());
        Permalinks d = Permalinks.defaults();
        assertEquals(d, r.config().permalinks(), "the default pattern is used instead");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{slug}", "/{slug}/", "news/{year}/{month}/{slug}/", "{rubric}/{day}-{slug}/", "a_b.c/{slug}/"})
    void acceptsCleanArticlePatterns(String pattern) {
        ConfigLoader.Result r = parse("permalinks:\n  article: '" + pattern + "'\n");
        assertTrue(r.ok(), r.problems()::toString);
        String p = r.config().permalinks().article();
        assertFalse(p.startsWith("/"));
        assertTrue(p.endsWith("/"));
    }

    @Test
    void aSettingWrittenTwiceIsReported() {
        ConfigLoader.Result r = parse("title: Gazette\npageSize: 10\ntitle: Autre\n");
        assertTrue(r.problems().stream().anyMatch(p -> "title".equals(p.field()) || p.message().contains("title")),
                r.problems()::toString);
    }

    @Test
    void textSettingsKeepTheTextWrittenNotYaml11Types() {
        // YAML 1.1 reads Yes, No, on as booleans and 010 as octal 8: "true", "false", "@8".
        ConfigLoader.Result r = parse("""
                title: Yes
                description: No
                language: no
                mostRead: 1.10
                twitterSite: 010
                logo: on
                permalinks:
                  tag: "tags/{slug}/"
                """);
        assertTrue(r.ok(), r.problems()::toString);
        SiteConfig c = r.config();
        assertEquals("Yes", c.title());
        assertEquals("No", c.description());
        assertEquals("no", c.language(), "Norwegian, not false");
        assertEquals("1.10", c.mostRead());
        assertEquals("@010", c.twitterSite());
        assertEquals("on", c.logo());
    }

    @Test
    void numberAndBooleanSettingsAreStillReadByTheirField() {
        ConfigLoader.Result r = parse("""
                pageSize: 010
                feedItems: +30
                tagFeeds: no
                related:
                  textWeight: 1
                  tagWeight: .5
                  timeScaleDays: 1e1
                  windowDays: 0
                """);
        assertTrue(r.ok(), r.problems()::toString);
        SiteConfig c = r.config();
        assertEquals(10, c.pageSize(), "decimal, as a newsroom means it, not YAML 1.1's octal 8");
        assertEquals(30, c.feedItems());
        assertFalse(c.tagFeeds());
        assertEquals(1.0, c.related().textWeight());
        assertEquals(0.5, c.related().tagWeight());
        assertEquals(10.0, c.related().timeScaleDays());
        assertEquals(0, c.related().windowDays());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "tagFeeds: 'true'|tagFeeds",
            "tagFeeds: 1|tagFeeds",
            "tagFeeds: [true]|tagFeeds",
            "pageSize: 99999999999|pageSize",
            "pageSize: 0x10|pageSize",
            "related: {windowDays: -1}|related.windowDays",
            "related: {minScore: .inf}|related.minScore",
            "related: {minScore: '0.5'}|related.minScore",
    })
    void aNumberOrBooleanSettingNamesItselfWhenItIsNotOne(String line, String field) {
        Problem p = onlyError(parse("# site\n" + line + "\n"));
        assertEquals(field, p.field(), p.describe());
        assertEquals(2, p.line(), p.describe());
        assertNotNull(p.fix());
    }

    @Test
    void aQuotedNumberIsShownWithItsQuotes() {
        Problem p = onlyError(parse("homePerRubric: '4'\n"));
        assertTrue(p.message().contains("`\"4\"`"), p.message());
    }

    @Test
    void problemsNameTheLineOfTheirSetting() {
        ConfigLoader.Result r = parse("title: T\npageSize: 0\ntimeZone: Nowhere/Land\npermalinks:\n  tag: 'x/{id}/'\nrelated:\n  speed: 3\n");
        List<String> where = r.problems().stream().sorted(java.util.Comparator.comparingInt(Problem::line))
                .map(p -> p.field() + "@" + p.line()).toList();
        assertEquals(List.of("pageSize@2", "timeZone@3", "permalinks.tag@5", "related.speed@7"), where);
    }

    @Test
    void aSettingWrittenTwiceNamesItAndTheSecondLine() {
        Problem p = onlyError(parse("title: Gazette\npageSize: 10\ntitle: Autre\n"));
        assertEquals("title", p.field());
        assertEquals(3, p.line());
    }

    @Test
    void yamlsNoValueGivesTheDefault() {
        ConfigLoader.Result r = parse("title: ~\npageSize:\ntagFeeds: null\n");
        assertTrue(r.ok(), r.problems()::toString);
        assertEquals(SiteConfig.defaults(), r.config());
    }

    @Test
    void aYamlBombIsAnErrorNamingTheFileNotACrash() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, "*" + (char) (c - 1))))
                    .append("]\n");
        }
        yaml.append("title: *j\n");
        Problem p = onlyError(parse(yaml.toString()));
        assertEquals("site.yml", p.file());
        assertNotNull(p.fix());
    }

    @Test
    void controlCharactersWrittenAsYamlEscapesReachNoSettingAndAreReportedOnce() {
        ConfigLoader.Result r = parse("title: \"Gazette\\0 du Maroc\\x01\"\ndescription: \"L\u2019actualit\u00e9\\u0007\"\n"
                + "twitterSite: \"@gazette\\e\"\nmostRead: \"data/lus\\x7F.csv\"\npermalinks:\n  article: \"{slug}\\x85/\"\n");
        assertTrue(r.ok(), r.problems()::toString);
        SiteConfig c = r.config();
        assertEquals("Gazette du Maroc", c.title());
        assertEquals("L\u2019actualit\u00e9", c.description());
        assertEquals("@gazette", c.twitterSite());
        assertEquals("data/lus.csv", c.mostRead());
        assertEquals("{slug}/", c.permalinks().article());
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem w = r.problems().get(0);
        assertFalse(w.isError());
        assertEquals("site.yml", w.file());
        assertEquals(1, w.line());
        assertEquals("title", w.field());
        assertTrue(w.message().contains("removed 6 control characters written as YAML escapes"), w.message());
        assertTrue(w.message().contains("U+0000"), w.message());
    }

    @Test
    void aControlEscapeInANestedSettingNamesItsPath() {
        ConfigLoader.Result r = parse("title: T\npermalinks:\n  tag: \"sujets/{slug}\\b\"\n");
        assertEquals("sujets/{slug}/", r.config().permalinks().tag());
        Problem w = r.problems().get(0);
        assertEquals("permalinks.tag", w.field());
        assertEquals(3, w.line());
    }

    @Test
    void authorPagesAndNewsroomBylinesHaveDefaultsAndMayBeSet() {
        SiteConfig fr = parse("title: Gazette\n").config();
        assertEquals("auteurs/{slug}/", fr.permalinks().author());
        assertTrue(fr.isOrganizationAuthor("la rédaction"));
        assertTrue(fr.isOrganizationAuthor("Gazette"), "the site's own name signs for the newsroom");
        assertFalse(fr.isOrganizationAuthor("Salma Benali"));
        assertEquals("authors/{slug}/", parse("title: G\nlanguage: en\n").config().permalinks().author());
        ConfigLoader.Result set = parse("title: G\npermalinks:\n  author: \"signatures/{slug}/\"\norganizationAuthors: [AFP, MAP]\n");
        assertEquals(List.of(), set.problems());
        assertEquals("signatures/{slug}/", set.config().permalinks().author());
        assertTrue(set.config().isOrganizationAuthor("afp"));
        assertFalse(set.config().isOrganizationAuthor("La Rédaction"), "the list replaces the defaults");
        ConfigLoader.Result bad = parse("title: G\norganizationAuthors: [{a: b}]\n");
        assertEquals("organizationAuthors", bad.problems().get(0).field());
    }

    @Test
    void slugsAreAsciiUnlessTheSiteAsksForUnicode() {
        assertEquals(dev.gazette.model.SlugRule.ASCII, parse("title: T\n").config().slugs());
        assertEquals(dev.gazette.model.SlugRule.ASCII, parse("slugs: ascii\n").config().slugs());
        assertEquals(dev.gazette.model.SlugRule.UNICODE, parse("slugs: unicode\n").config().slugs());
        assertEquals(dev.gazette.model.SlugRule.UNICODE, parse("slugs: Unicode\n").config().slugs());
        Problem p = onlyError(parse("title: T\nslugs: utf8\n"));
        assertEquals(2, p.line());
        assertTrue(p.describe().contains("`ascii` or `unicode`") && p.fix().contains("slugs: unicode"), p.describe());
        assertEquals(dev.gazette.model.SlugRule.ASCII, parse("slugs: utf8\n").config().slugs(), "a wrong value keeps the default");
    }

    @Test
    void menuEntriesAreMatchedByTheSitesSlugRule() {
        Problem p = onlyError(parse("slugs: unicode\nmenu: [Культура, КУЛЬТУРА]\n"));
        assertTrue(p.describe().contains("in the menu twice"), p.describe());
        assertTrue(parse("slugs: unicode\nmenu: [Культура, Театр]\n").ok());
    }
}
