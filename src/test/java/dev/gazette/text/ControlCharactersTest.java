package dev.gazette.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ControlCharactersTest {

    @Test
    void controlsAreC0ButTabAndLineBreaksDelAndC1() {
        for (char c = 0; c < 0x20; c++) {
            assertEquals(c != '\t' && c != '\n' && c != '\r', ControlCharacters.is(c), "U+00" + Integer.toHexString(c));
        }
        for (char c = 0x7F; c <= 0x9F; c++) {
            assertTrue(ControlCharacters.is(c));
        }
        for (char c : "a €\u00A0\u00FF\u2028\uFEFF\uFFFD".toCharArray()) {
            assertFalse(ControlCharacters.is(c), "U+" + Integer.toHexString(c));
        }
        assertTrue(ControlCharacters.in("ab\u0085"));
        assertFalse(ControlCharacters.in("a\tb\r\nc €"));
    }

    @Test
    void textWithoutControlsIsKeptAsItIs() {
        ControlCharacters.Tally tally = new ControlCharacters.Tally();
        String text = "L’été\tà Fès\r\n— 5 €";
        assertSame(text, tally.strip(text, 1, "title"));
        assertEquals(Optional.empty(), tally.removed());
    }

    @Test
    void theTallyCountsEveryRemovalAndKeepsTheFirstOnItsLine() {
        ControlCharacters.Tally tally = new ControlCharacters.Tally();
        assertEquals("ab\ncd\te", tally.strip("ab\n\u0000cd\u0007\t\u0085e", 4, "lead"));
        assertEquals("xy", tally.strip("x\u007Fy", 9, "title"));
        ControlCharacters.Removed removed = tally.removed().orElseThrow();
        assertEquals(new ControlCharacters.Removed(4, '\u0000', 5, "lead"), removed);

        Problem w = removed.warning("a.md", 1, " written as YAML escapes", "remove them.");
        assertFalse(w.isError());
        assertEquals(6, w.line());
        assertEquals("lead", w.field());
        assertEquals("removed 4 control characters written as YAML escapes (invisible, and invalid in pages and feeds), "
                + "the first U+0000 in `lead` on line 6.", w.message());
    }

    @Test
    void aLoneCarriageReturnEndsALineToo() {
        ControlCharacters.Tally tally = new ControlCharacters.Tally();
        tally.strip("a\rb\r\nc\u0001", 1, null);
        assertEquals(3, tally.removed().orElseThrow().line());
        assertEquals("removed 1 control character (invisible, and invalid in pages and feeds), the first U+0001 on line 3.",
                tally.removed().orElseThrow().warning("f", 0, "", null).message());
    }

    @Test
    void anUnknownLineIsLeftOut() {
        ControlCharacters.Tally tally = new ControlCharacters.Tally();
        tally.strip("a\u0001", 0, "body");
        Problem w = tally.removed().orElseThrow().warning("a.html", 1, "", null);
        assertEquals(0, w.line());
        assertTrue(w.message().endsWith("the first U+0001 in `body`."), w.message());
    }

    @Test
    void theFirstIsTheOneOnTheEarliestKnownLineWhateverTheOrderOfTheTexts() {
        ControlCharacters.Tally tally = new ControlCharacters.Tally();
        tally.strip("a\u0001", 0, "plain");
        tally.strip("b\u0002", 7, "meta");
        tally.strip("c\u0003", 3, "json-ld");
        tally.strip("d\u0004", 5, "h1");
        tally.strip("e\u0005", 0, "other");
        assertEquals(new ControlCharacters.Removed(5, '\u0003', 3, "json-ld"), tally.removed().orElseThrow());
    }
}
