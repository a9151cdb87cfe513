package dev.gazette.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.pipeline.BuildProgress;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressLineTest {

    @Test
    void aCountedStepShowsItsCountShareAndTime() {
        assertEquals("Building: render 12,345/23,644 pages (52 %), 8 s",
                ProgressLine.describe(new BuildProgress.Snapshot("render", 12_345, 23_644), 8_900));
        assertEquals("Building: parse 0/10,000 sources (0 %), 1 s", ProgressLine.describe(new BuildProgress.Snapshot("parse", 0, 10_000), 1_000));
        assertEquals("Building: related…, 3 s", ProgressLine.describe(new BuildProgress.Snapshot("related", 0, 0), 3_200));
        assertEquals("Building: starting…, 1 s", ProgressLine.describe(new BuildProgress.Snapshot("", 0, 0), 1_000));
    }

    @Test
    void onlyOnATerminalOutsideCiAndWithoutQuiet() {
        assertTrue(ProgressLine.shown(false, true, Map.of("TERM", "xterm-256color")));
        assertFalse(ProgressLine.shown(true, true, Map.of()), "--quiet");
        assertFalse(ProgressLine.shown(false, false, Map.of()), "a pipe or a file");
        assertFalse(ProgressLine.shown(false, true, Map.of("CI", "true")), "CI");
        assertFalse(ProgressLine.shown(false, true, Map.of("TERM", "dumb")), "a dumb terminal");
    }

    @Test
    void withoutATerminalNothingIsDrawn() {
        // Tests run without a console: the line is the no-op one, and closing it is harmless.
        try (ProgressLine line = ProgressLine.start(new BuildProgress(), false)) {
            assertTrue(System.console() == null || line != null);
        }
    }
}
