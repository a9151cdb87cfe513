package dev.gazette.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.text.ControlCharacters;
import dev.gazette.yaml.YamlTree.Mapping;
import dev.gazette.yaml.YamlTree.Refusal;
import dev.gazette.yaml.YamlTree.Scalar;
import dev.gazette.yaml.YamlTree.Sequence;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlTreeTest {

    private static Mapping mapping(String yaml) throws Refusal {
        return assertInstanceOf(Mapping.class, YamlTree.parse(yaml).root().orElseThrow());
    }

    private static Scalar scalar(String yaml, String key) throws Refusal {
        return assertInstanceOf(Scalar.class, mapping(yaml).get(key));
    }

    private static List<String> texts(Sequence s) {
        return s.items().stream().map(n -> ((Scalar) n).text()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Yes", "NO", "on", "Off", "y", "010", "0x1F", "1.10", "12:30", "1_000", ".inf", "2025-09-05",
            "2025-09-05T11:20:00+01:00", "+10", "1e3"})
    void everyPlainScalarIsTheTextWritten(String written) throws Refusal {
        Scalar s = scalar("value: " + written + "\n", "value");
        assertEquals(written, s.text(), "YAML 1.1 would have typed it");
        assertTrue(s.plain());
    }

    @Test
    void aListKeepsEveryEntryAsWritten() throws Refusal {
        Sequence tags = assertInstanceOf(Sequence.class, mapping("tags: [on, NO, 1.10, 010]\n").get("tags"));
        assertEquals(List.of("on", "NO", "1.10", "010"), texts(tags));
    }

    @Test
    void quotedAndBlockScalarsAreTheirTextAfterUnquoting() throws Refusal {
        Mapping m = mapping("a: \"Maroc: \\u00e9t\\u00e9\\tbilan\"\nb: 'l''été'\nc: |\n  ligne 1\n  ligne 2\nd: 'Yes'\n");
        assertEquals("Maroc: été\tbilan", ((Scalar) m.get("a")).text());
        assertEquals("l'été", ((Scalar) m.get("b")).text());
        assertEquals("ligne 1\nligne 2\n", ((Scalar) m.get("c")).text());
        assertFalse(((Scalar) m.get("a")).plain());
        assertFalse(((Scalar) m.get("c")).plain());
        assertEquals(Optional.empty(), ((Scalar) m.get("d")).bool(), "a quoted value is text, even in a boolean field");
    }

    @Test
    void explicitTagsAreIgnored() throws Refusal {
        assertEquals("010", scalar("slug: !!int 010\n", "slug").text());
        assertEquals("x", scalar("slug: !custom x\n", "slug").text());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"a:|true", "a: ~|true", "a: null|true", "a: NULL|true", "a: 'null'|false",
            "a: \"\"|false", "a: nul|false"})
    void noValueIsOnlyWhatEveryYamlVersionCallsNull(String yaml, boolean isNull) throws Refusal {
        assertEquals(isNull, scalar(yaml + "\n", "a").isNull(), yaml);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"true|true", "TRUE|true", "yes|true", "On|true", "false|false", "No|false",
            "OFF|false"})
    void booleanFieldsReadTheUsualWords(String word, boolean value) throws Refusal {
        assertEquals(Optional.of(value), scalar("draft: " + word + "\n", "draft").bool());
    }

    @ParameterizedTest
    @ValueSource(strings = {"peut-être", "1", "0", "y", "vrai", "'true'"})
    void otherWordsAreNoBoolean(String word) throws Refusal {
        assertEquals(Optional.empty(), scalar("draft: " + word + "\n", "draft").bool());
    }

    @Test
    void everyKeyAndValueKnowsItsLine() throws Refusal {
        Mapping m = mapping("# comment\ntitle: T\n\ntags:\n  - a\n  - b\npermalinks:\n  tag: x\n");
        assertEquals(List.of("title", "tags", "permalinks"), List.copyOf(m.keys()), "in the order written");
        assertEquals(2, m.lineOf("title"));
        assertEquals(4, m.lineOf("tags"));
        assertEquals(5, m.get("tags").line(), "the list starts on the next line");
        assertEquals(8, ((Mapping) m.get("permalinks")).lineOf("tag"));
        assertEquals(0, m.lineOf("absent"));
        assertNull(m.get("absent"));
    }

    @Test
    void anEmptyDocumentHasNoValue() throws Refusal {
        assertEquals(Optional.empty(), YamlTree.parse("").root());
        assertEquals(Optional.empty(), YamlTree.parse("# only a comment\n").root());
    }

    @Test
    void aKeyWrittenTwiceIsRefusedOnTheSecondLine() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("title: T\npageSize: 10\ntitle: U\n"));
        assertEquals(Refusal.Kind.DUPLICATE_KEY, r.kind());
        assertEquals("title", r.key());
        assertEquals(3, r.line());
        assertTrue(r.reason().contains("title"), r.reason());
    }

    @Test
    void aKeyWrittenTwiceInANestedMappingIsRefusedToo() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("permalinks:\n  tag: a\n  tag: b\n"));
        assertEquals(Refusal.Kind.DUPLICATE_KEY, r.kind());
        assertEquals(3, r.line());
    }

    @Test
    void mergeKeysAddWhatIsNotWrittenHere() throws Refusal {
        Mapping m = mapping("base: &base {a: 1, b: 2}\nsite:\n  <<: *base\n  b: 3\n");
        Mapping site = (Mapping) m.get("site");
        assertEquals(List.of("b", "a"), List.copyOf(site.keys()));
        assertEquals("1", ((Scalar) site.get("a")).text());
        assertEquals("3", ((Scalar) site.get("b")).text(), "the key written here wins");
    }

    @Test
    void brokenYamlIsRefusedOnItsLine() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("title: T\ndescription: x\n  language: fr\n"));
        assertEquals(Refusal.Kind.SYNTAX, r.kind());
        assertEquals(3, r.line());
    }

    @Test
    void aListAsKeyIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("a: 1\n? [x, y]\n: z\n"));
        assertEquals(Refusal.Kind.SYNTAX, r.kind());
        assertEquals(2, r.line());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder yaml = new StringBuilder("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            String previous = "*" + (char) (c - 1);
            yaml.append(c).append(": &").append(c).append(" [").append(String.join(", ", java.util.Collections.nCopies(9, previous)))
                    .append("]\n");
        }
        Refusal r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(Refusal.class, () -> YamlTree.parse(yaml.toString())));
        assertEquals(Refusal.Kind.TOO_COMPLEX, r.kind());
        assertFalse(r.fix().isBlank());
    }

    @Test
    void aFewAliasesMultiplyingALongListAreRefused() {
        // Within the alias limit, but 3^10 copies of a 100-entry list.
        StringBuilder yaml = new StringBuilder("a0: &a0 [" + String.join(",", java.util.Collections.nCopies(100, "x")) + "]\n");
        for (int i = 1; i <= 10; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1)
                    .append(", *a").append(i - 1).append("]\n");
        }
        Refusal r = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(Refusal.class, () -> YamlTree.parse(yaml.toString())));
        assertEquals(Refusal.Kind.TOO_COMPLEX, r.kind());
        assertTrue(r.reason().contains("values"), r.reason());
    }

    @Test
    void aFewAliasesAreFine() throws Refusal {
        Mapping m = mapping("a: &tags [Maroc, Russie]\nb: *tags\n");
        assertEquals(List.of("Maroc", "Russie"), texts((Sequence) m.get("b")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a: &x [*x]\n", "a: &x {b: *x}\n"})
    void anAliasInsideWhatItNamesIsRefused(String yaml) {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse(yaml));
        assertEquals(Refusal.Kind.TOO_COMPLEX, r.kind());
    }

    @Test
    void absurdNestingIsRefusedNotAStackOverflow() {
        String yaml = "a: " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse(yaml));
        assertEquals(Refusal.Kind.TOO_COMPLEX, r.kind());
    }

    @Test
    void aHugeDocumentIsRefused() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("a: " + "x".repeat(YamlTree.MAX_CHARS) + "\n"));
        assertEquals(Refusal.Kind.TOO_COMPLEX, r.kind());
    }

    @Test
    void aControlCharacterIsRefusedOnItsLine() {
        Refusal r = assertThrows(Refusal.class, () -> YamlTree.parse("a: b\nc: d\u0001\n"));
        assertEquals(Refusal.Kind.SYNTAX, r.kind());
        assertEquals(2, r.line());
        assertTrue(r.reason().contains("U+0001"), r.reason());
    }

    @Test
    void shownSaysWhatWasWritten() throws Refusal {
        Mapping m = mapping("a: twenty\nb: '4'\nc: []\nd: {}\n");
        assertEquals("`twenty`", m.get("a").shown());
        assertEquals("`\"4\"`", m.get("b").shown());
        assertEquals("a list", m.get("c").shown());
        assertEquals("a mapping", m.get("d").shown());
    }

    @Test
    void controlCharactersWrittenAsEscapesAreRemovedAndTheFirstIsNamed() throws Refusal {
        YamlTree.Document doc = YamlTree.parse("a: plain\ntitle: \"Un\\0 titre\\x01 ici\\u0007\"\n"
                + "related:\n  note: \"\\e[31m\"\ntags: [\"Ma\\x02roc\", \"Rus\\Nsie\"]\n");
        Mapping m = assertInstanceOf(Mapping.class, doc.root().orElseThrow());
        assertEquals("Un titre ici", ((Scalar) m.get("title")).text());
        assertEquals("[31m", ((Scalar) ((Mapping) m.get("related")).get("note")).text());
        assertEquals(List.of("Maroc", "Russie"), texts((Sequence) m.get("tags")));
        ControlCharacters.Removed removed = doc.controls().orElseThrow();
        assertEquals(6, removed.count());
        assertEquals('\u0000', removed.first());
        assertEquals(2, removed.line());
        assertEquals("title", removed.field());
    }

    @Test
    void theFirstRemovalNamesItsKeyPathAndListEntriesTheirList() throws Refusal {
        ControlCharacters.Removed nested = YamlTree.parse("related:\n  note: fine\n  textWeight: \"1\\x7F\"\n").controls().orElseThrow();
        assertEquals("related.textWeight", nested.field());
        assertEquals(3, nested.line());
        ControlCharacters.Removed item = YamlTree.parse("tags:\n  - Maroc\n  - \"Ru\\bssie\"\n").controls().orElseThrow();
        assertEquals("tags", item.field());
        assertEquals(3, item.line());
    }

    @Test
    void aKeyLosesItsControlCharactersToo() throws Refusal {
        YamlTree.Document doc = YamlTree.parse("\"ti\\0tle\": T\n");
        assertEquals(List.of("title"), List.copyOf(assertInstanceOf(Mapping.class, doc.root().orElseThrow()).keys()));
        assertEquals(1, doc.controls().orElseThrow().count());
    }

    @Test
    void tabsAndLineBreaksWrittenAsEscapesAreKept() throws Refusal {
        YamlTree.Document doc = YamlTree.parse("a: \"x\\ty\\nz\\r\"\nb: 'as \\0 written'\n");
        Mapping m = assertInstanceOf(Mapping.class, doc.root().orElseThrow());
        assertEquals("x\ty\nz\r", ((Scalar) m.get("a")).text());
        assertEquals("as \\0 written", ((Scalar) m.get("b")).text(), "single quotes have no escapes");
        assertEquals(Optional.empty(), doc.controls());
    }
}
