package dev.gazette.source;

import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one source file and hands its text to the reader of its format. The only code in this
 * package that touches the disk besides {@link SourceFinder}.
 */
public final class SourceReader {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SourceReader() {
    }

    /** Reads {@code root/relative}; never throws for bad content or an unreadable file. */
    public static ParsedSource read(Path root, String relative, ParseContext ctx) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(relative));
        } catch (IOException | SecurityException e) {
            return ParsedSource.failed(List.of(Problem.error(relative, 0, null,
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "check that the file exists and that Gazette may read it.")));
        }
        return parse(relative, bytes, ctx);
    }

    /** Parses the bytes of a source named {@code relative}; touches no disk. */
    public static ParsedSource parse(String relative, byte[] bytes, ParseContext ctx) {
        List<Problem> problems = new ArrayList<>();
        String text = decode(relative, bytes, problems);
        SourceFormat format = SourceFinder.formatOf(relative).orElseThrow(
                () -> new IllegalArgumentException("not an article source: " + relative));
        ParsedSource parsed = switch (format) {
            case MARKDOWN -> MarkdownReader.read(relative, text, ctx);
            case NEWS_TEXT -> NewsTextReader.read(relative, text, ctx);
            case HTML -> HtmlArticleReader.read(relative, text, ctx);
        };
        if (problems.isEmpty()) {
            return parsed;
        }
        problems.addAll(parsed.problems());
        return new ParsedSource(parsed.article(), problems);
    }

    /**
     * The text of a source, as every reader gets it.
     *
     * <p>UTF-8, unless a byte-order mark says UTF-16 (what Windows tools call "Unicode") or UTF-32;
     * the mark itself is dropped. Text that is not valid UTF-8 was most likely saved by an old
     * Windows tool, so it is read as Windows-1252 with a warning rather than rejected.
     *
     * <p>Control characters are then removed, here once for every format: NUL and the other C0
     * controls but tab, line feed and carriage return, DEL, and the C1 controls U+0080–U+009F.
     * They come from broken exports and copy-paste, show as nothing or as boxes, and make pages,
     * feeds and sitemaps invalid (XML forbids most of them). Windows-1252 text has none: its
     * bytes 0x80–0x9F are real characters (€, “ ”, …), decoded as such before this step.
     */
    static String decode(String relative, byte[] bytes, List<Problem> problems) {
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
                problems.add(Problem.warning(relative, 0, null, "the file is not valid UTF-8; read it as Windows-1252.",
                        "save the file as UTF-8 (most editors: \"Save with encoding\" › UTF-8)."));
                text = new String(bytes, start, bytes.length - start, WINDOWS_1252);
            } else {
                // The byte-order mark leaves no doubt about the encoding: keep all that can be read.
                problems.add(Problem.warning(relative, 0, null, "the file starts as " + encoding.charset().name()
                                + " but is not valid " + encoding.charset().name() + "; unreadable bytes became \uFFFD.",
                        "save the file again, preferably as UTF-8, and check the characters shown as \uFFFD."));
                text = new String(bytes, start, bytes.length - start, encoding.charset());
            }
        }
        return withoutControls(relative, text, problems);
    }

    /** Whether no page may carry {@code c}: C0 controls but tab, line feed and carriage return, DEL, C1 controls. */
    private static boolean isControl(char c) {
        return c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7F && c <= 0x9F;
    }

    /** {@code text} without its control characters, with one warning saying how many went and where the first was. */
    private static String withoutControls(String relative, String text, List<Problem> problems) {
        StringBuilder kept = null;
        int removed = 0;
        int line = 1;
        int firstLine = 0;
        char first = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isControl(c)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                    firstLine = line;
                    first = c;
                }
                removed++;
                continue;
            }
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
            if (kept != null) {
                kept.append(c);
            }
        }
        if (kept == null) {
            return text;
        }
        problems.add(Problem.warning(relative, firstLine, null, String.format(
                        "removed %d control character%s (invisible, and invalid in pages and feeds), the first U+%04X on line %d.",
                        removed, removed == 1 ? "" : "s", (int) first, firstLine),
                "remove them from the file (they come from broken exports or copy-paste); the rest of its text is kept."));
        return kept.toString();
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
