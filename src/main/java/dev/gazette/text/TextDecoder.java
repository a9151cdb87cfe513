package dev.gazette.text;

import dev.gazette.model.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The bytes of a text file an editor wrote (an article source, {@code site.yml}) as the text every
 * reader gets. Touches no disk.
 */
public final class TextDecoder {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private TextDecoder() {
    }

    /**
     * The text of {@code bytes}.
     *
     * <p>UTF-8, unless a byte-order mark says UTF-16 (what Windows tools call "Unicode") or UTF-32;
     * the mark itself is dropped. Text that is not valid UTF-8 was most likely saved by an old
     * Windows tool, so it is read as Windows-1252 with a warning rather than rejected.
     *
     * <p>{@linkplain ControlCharacters Control characters} are then removed, with one warning
     * naming the file, the count and the line of the first. Windows-1252 text has none: its bytes
     * 0x80–0x9F are real characters (€, “ ”, …), decoded as such before this step.
     *
     * @param name     the file, as messages name it
     * @param problems where the warnings go
     */
    public static String decode(String name, byte[] bytes, List<Problem> problems) {
        Encoding encoding = Encoding.of(bytes);
        int start = encoding.markLength();
        String text;
        try {
            text = encoding.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, start, bytes.length - start)).toString();
        } catch (CharacterCodingException e) {
            if (encoding.charset().equals(StandardCharsets.UTF_8)) {
                problems.add(Problem.warning(name, 0, null, "the file is not valid UTF-8; read it as Windows-1252.",
                        "save the file as UTF-8 (most editors: \"Save with encoding\" › UTF-8)."));
                text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
            } else {
                // The byte-order mark leaves no doubt about the encoding: keep all that can be read.
                problems.add(Problem.warning(name, 0, null, "the file starts as " + encoding.charset().name()
                                + " but is not valid " + encoding.charset().name() + "; unreadable bytes became \uFFFD.",
                        "save the file again, preferably as UTF-8, and check the characters shown as \uFFFD."));
                text = new String(bytes, start, bytes.length - start, encoding.charset());
            }
        }
        ControlCharacters.Tally controls = new ControlCharacters.Tally();
        String kept = controls.strip(text, 1, null);
        controls.removed().ifPresent(r -> problems.add(r.warning(name, 0, "",
                "remove them from the file (they come from broken exports or copy-paste); the rest of its text is kept.")));
        return kept;
    }

    /**
     * The encoding a byte-order mark announces, and the mark's length; UTF-8 without mark otherwise.
     * UTF-32 LE is tested before UTF-16 LE, whose mark starts it.
     */
    private record Encoding(Charset charset, int markLength) {

        private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
        private static final Charset UTF_32BE = Charset.forName("UTF-32BE");

        static Encoding of(byte[] b) {
            if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
                return new Encoding(UTF_32LE, 4);
            }
            if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
                return new Encoding(UTF_32BE, 4);
            }
            if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
                return new Encoding(StandardCharsets.UTF_8, 3);
            }
            if (startsWith(b, 0xFF, 0xFE)) {
                return new Encoding(StandardCharsets.UTF_16LE, 2);
            }
            if (startsWith(b, 0xFE, 0xFF)) {
                return new Encoding(StandardCharsets.UTF_16BE, 2);
            }
            return new Encoding(StandardCharsets.UTF_8, 0);
        }

        private static boolean startsWith(byte[] bytes, int... mark) {
            if (bytes.length < mark.length) {
                return false;
            }
            for (int i = 0; i < mark.length; i++) {
                if ((bytes[i] & 0xFF) != mark[i]) {
                    return false;
                }
            }
            return true;
        }
    }
}
