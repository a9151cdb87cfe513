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
    void requiresFileAndMessage() {
        assertThrows(NullPointerException.class, () -> Problem.error(null, 0, null, "m", null));
        assertThrows(NullPointerException.class, () -> Problem.error("f", 0, null, null, null));
    }
}
