package dev.gazette.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ProblemTest {

    @Test
    void describesFileLineFieldMessageAndFix() {
        Problem p = Problem.error("2025/a.md", 3, "date", "`hier` is not a date.", "write `date: 2025-09-09`.");
        assertEquals("2025/a.md:3: error: `date`: `hier` is not a date. Fix: write `date: 2025-09-09`.", p.describe());
        assertTrue(p.isError());
    }

    @Test
    void leavesOutAnUnknownLineAFieldAndABlankFix() {
        assertEquals("a.md: warning: not UTF-8.", Problem.warning("a.md", 0, null, "not UTF-8.", null).describe());
        assertEquals("a.md:2: warning: not UTF-8.", Problem.warning("a.md", 2, null, "not UTF-8.", "  ").describe());
        assertFalse(Problem.warning("a.md", 0, null, "x", null).isError());
    }

    @Test
    void aFileNameHoldingANewlineCannotFakeAnotherLine() {
        Problem p = Problem.error("a.md\nb.md:1: error: fake", 0, null, "bad \u001B[2J value.", "fix it\r\n.");
        String line = p.describe();
        assertEquals(1, line.lines().count(), line);
        assertEquals("a.md\\nb.md:1: error: fake: error: bad \\u001B[2J value. Fix: fix it\\r\\n.", line);
        assertEquals("é « ok »", Problem.oneLine("é « ok »"), "printable text is left as it is");
    }

    @Test
    void requiresFileAndMessage() {
        assertThrows(NullPointerException.class, () -> Problem.error(null, 0, null, "m", null));
        assertThrows(NullPointerException.class, () -> Problem.error("f", 0, null, null, null));
    }
}
