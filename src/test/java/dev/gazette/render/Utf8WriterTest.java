package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The page writer must give the bytes the JDK's encoder gives for the whole text, whatever the
 * pieces: pages are compared with the previous site's by their bytes.
 */
class Utf8WriterTest {

    /** Characters a page holds, and those that break naive encoders: surrogate halves, pairs, the edges of each length. */
    private static final char[] ALPHABET = {'a', 'Z', '<', '\n', ' ', 0x7F, 0x80, 'é', 'ï', 0x7FF, 0x800, '\u202F', '’', '«',
            'ب', '\u4E2D', 0xFFFD, 0xFFFF, '\uD83D', '\uDE00', '\uDBFF', '\uDC00'};

    @Test
    void writesTheBytesOfTheWholeTextWhateverThePiecesSeeded() throws IOException {
        Random random = new Random(20261202);
        for (int round = 0; round < 3_000; round++) {
            StringBuilder whole = new StringBuilder();
            TemplateEngine.Utf8Writer out = new TemplateEngine.Utf8Writer(1 + random.nextInt(64));
            int pieces = random.nextInt(12);
            for (int k = 0; k < pieces; k++) {
                String piece = randomText(random, random.nextInt(random.nextBoolean() ? 8 : 80));
                whole.append(piece);
                switch (random.nextInt(5)) {
                    case 0 -> out.write(piece);
                    case 1 -> out.write(piece.toCharArray());
                    case 2 -> {
                        // a range of a larger array or string, as a writer may be given
                        String padded = "xy" + piece + "z";
                        if (random.nextBoolean()) {
                            out.write(padded.toCharArray(), 2, piece.length());
                        } else {
                            out.write(padded, 2, piece.length());
                        }
                    }
                    case 3 -> piece.chars().forEach(out::write);
                    default -> out.append(piece);
                }
            }
            assertArrayEquals(whole.toString().getBytes(StandardCharsets.UTF_8), out.toBytes(), () -> "text: " + escaped(whole));
        }
    }

    @Test
    void aSurrogatePairSplitAcrossWritesIsJoinedAndALoneHalfIsAQuestionMark() throws IOException {
        TemplateEngine.Utf8Writer out = new TemplateEngine.Utf8Writer(4);
        out.write("😀 ".substring(0, 1)); // the high half only
        out.write("😀 ".substring(1)); // the low half, then a space
        out.write('\uD83D'); // a high half followed by no low one
        out.write("a");
        out.write("\uDE00"); // a low half alone
        out.write("\uD83D"); // a high half at the very end
        assertArrayEquals("😀 ?a??".getBytes(StandardCharsets.UTF_8), out.toBytes());
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(3) == 0 ? ALPHABET[random.nextInt(ALPHABET.length)] : (char) ('a' + random.nextInt(26)));
        }
        return text.toString();
    }

    private static String escaped(CharSequence text) {
        StringBuilder out = new StringBuilder();
        text.chars().forEach(c -> out.append(c < 0x80 && c >= 0x20 ? String.valueOf((char) c) : String.format("\\u%04X", c)));
        return out.toString();
    }
}
