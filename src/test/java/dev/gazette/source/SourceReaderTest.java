package dev.gazette.source;

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
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceReaderTest {

    private static final ParseContext CTX = ParseContext.of(ZoneId.of("Africa/Casablanca"));
    private static final String ARTICLE = "---\ntitle: \"L’été à Fès — 5 €\"\ndate: 2025-09-05\n---\nCorps « cité ».\n";

    @Test
    void readsUtf8WithoutWarning(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("a.md"), ARTICLE, StandardCharsets.UTF_8);
        ParsedSource parsed = SourceReader.read(root, "a.md", CTX);
        assertEquals(List.of(), parsed.problems());
        assertEquals("L’été à Fès — 5 €", parsed.article().title());
    }

    @Test
    void skipsAUtf8ByteOrderMark() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(ARTICLE.getBytes(StandardCharsets.UTF_8));
        ParsedSource parsed = SourceReader.parse("a.md", bytes.toByteArray(), CTX);
        assertEquals(List.of(), parsed.problems(), "the front matter still starts the file");
        assertEquals("L’été à Fès — 5 €", parsed.article().title());
    }

    @Test
    void invalidUtf8IsReadAsWindows1252WithAWarningNamingTheFile(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("2025"));
        Files.write(root.resolve("2025/vieux.md"), ARTICLE.getBytes(Charset.forName("windows-1252")));
        ParsedSource parsed = SourceReader.read(root, "2025/vieux.md", CTX);
        assertNotNull(parsed.article(), parsed.problems()::toString);
        assertEquals("L’été à Fès — 5 €", parsed.article().title());
        assertTrue(parsed.article().bodyHtml().contains("« cité »"));
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("2025/vieux.md", w.file());
        assertTrue(w.message().contains("UTF-8") && w.message().contains("Windows-1252"), w.message());
        assertTrue(w.describe().startsWith("2025/vieux.md: warning:"), w.describe());
        assertNotNull(w.fix());
    }

    @Test
    void theWarningComesWithTheReadersOwnProblems() {
        byte[] bytes = "---\ntitle: \"Caf\u00e9\"\n---\nx\n".getBytes(Charset.forName("windows-1252"));
        ParsedSource parsed = SourceReader.parse("a.md", bytes, CTX);
        assertNull(parsed.article());
        assertEquals(2, parsed.problems().size(), parsed.problems()::toString);
        assertFalse(parsed.problems().get(0).isError());
        assertEquals("date", parsed.problems().get(1).field());
    }

    @Test
    void eachFormatGoesToItsReader(@TempDir Path root) throws Exception {
        Files.writeString(root.resolve("a.html"), "<html><head><title>Un titre</title>"
                + "<meta property=\"article:published_time\" content=\"2025-09-05T10:00:00+01:00\"></head>"
                + "<body><article><h1>Un titre</h1><p>Corps.</p></article></body></html>");
        ParsedSource parsed = SourceReader.read(root, "a.html", CTX);
        assertEquals(dev.gazette.model.SourceFormat.HTML, parsed.article().format(), parsed.problems()::toString);
    }

    @Test
    void aMissingFileIsAnErrorNamingItNotAnException(@TempDir Path root) {
        ParsedSource parsed = SourceReader.read(root, "absent.md", CTX);
        assertNull(parsed.article());
        Problem p = parsed.problems().get(0);
        assertTrue(p.isError());
        assertEquals("absent.md", p.file());
        assertNotNull(p.fix());
    }

    @Test
    void aDanglingLinkIsAnErrorNamingIt(@TempDir Path root) throws Exception {
        Files.createSymbolicLink(root.resolve("x.md"), root.resolve("missing.md"));
        ParsedSource parsed = SourceReader.read(root, "x.md", CTX);
        assertEquals(1, parsed.problems().size());
        assertEquals("x.md", parsed.problems().get(0).file());
        assertTrue(parsed.problems().get(0).isError());
    }

    @Test
    void aFolderIsAnErrorNamingIt(@TempDir Path root) throws Exception {
        Files.createDirectories(root.resolve("y.md"));
        ParsedSource parsed = SourceReader.read(root, "y.md", CTX);
        assertEquals("y.md", parsed.problems().get(0).file());
        assertTrue(parsed.problems().get(0).isError());
    }

    private static byte[] withMark(int[] mark, String text, Charset charset) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b : mark) {
            bytes.write(b);
        }
        bytes.writeBytes(text.getBytes(charset));
        return bytes.toByteArray();
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"UTF-16LE, FF FE", "UTF-16BE, FE FF", "UTF-32LE, FF FE 00 00", "UTF-32BE, 00 00 FE FF"})
    void aByteOrderMarkSaysTheEncoding(String charset, String mark) {
        int[] markBytes = java.util.Arrays.stream(mark.split(" ")).mapToInt(h -> Integer.parseInt(h, 16)).toArray();
        ParsedSource parsed = SourceReader.parse("unicode.md", withMark(markBytes, ARTICLE, Charset.forName(charset)), CTX);
        assertEquals(List.of(), parsed.problems(), "read as " + charset + ", not as Windows-1252");
        assertEquals("L’été à Fès — 5 €", parsed.article().title());
        assertTrue(parsed.article().bodyHtml().contains("« cité »"));
    }

    @Test
    void utf16IsReadForTheOtherFormatsToo() {
        byte[] html = withMark(new int[] {0xFF, 0xFE}, "<html><head><title>L’été à Fès</title>"
                + "<meta property=\"article:published_time\" content=\"2025-09-05T10:00:00+01:00\"></head>"
                + "<body><article><h1>L’été à Fès</h1><p>Corps.</p></article></body></html>", StandardCharsets.UTF_16LE);
        ParsedSource parsed = SourceReader.parse("a.html", html, CTX);
        assertEquals("L’été à Fès", parsed.article().title(), parsed.problems()::toString);
    }

    @Test
    void brokenUtf16KeepsWhatCanBeReadWithAWarning() {
        byte[] good = withMark(new int[] {0xFF, 0xFE}, ARTICLE, StandardCharsets.UTF_16LE);
        byte[] bytes = java.util.Arrays.copyOf(good, good.length + 1); // an odd byte at the end
        ParsedSource parsed = SourceReader.parse("a.md", bytes, CTX);
        assertEquals("L’été à Fès — 5 €", parsed.article().title());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertFalse(parsed.problems().get(0).isError());
        assertTrue(parsed.problems().get(0).message().contains("UTF-16LE"), parsed.problems().get(0).message());
    }

    @Test
    void controlCharactersAreRemovedWithOneWarningNamingTheFileAndCount() {
        String text = "---\ntitle: \"L’été\u0000 à Fès\u0007\"\ndate: 2025-09-05\n---\nCorps\u0085 « cité »\u007F\u001B\tici.\n";
        ParsedSource parsed = SourceReader.parse("2025/nul.md", text.getBytes(StandardCharsets.UTF_8), CTX);
        assertNotNull(parsed.article(), parsed.problems()::toString);
        assertEquals("L’été à Fès", parsed.article().title());
        String body = parsed.article().bodyHtml();
        assertTrue(body.contains("Corps « cité »\tici."), body);
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals("2025/nul.md", w.file());
        assertEquals(2, w.line(), "the line of the first one");
        assertTrue(w.message().contains("5 control characters"), w.message());
        assertTrue(w.message().contains("U+0000"), w.message());
        assertNotNull(w.fix());
    }

    @Test
    void controlCharactersNeverReachTheTitleOfAnyFormat() {
        byte[] txt = (" date 2025-09-09 Politique\n\nUn\u0000 titre\u0001\n\nLe chapô.\n\nPar La Rédaction\nLe 09/09/2025 à 18h36\n\nCorps.\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] html = ("<html><head><title>Un\u0000 titre\u0001</title><meta property=\"article:published_time\" "
                + "content=\"2025-09-05T10:00:00+01:00\"></head><body><article><h1>Un\u0000 titre\u0001</h1><p>Corps\u0002.</p>"
                + "</article></body></html>").getBytes(StandardCharsets.UTF_8);
        for (ParsedSource parsed : List.of(SourceReader.parse("a.txt", txt, CTX), SourceReader.parse("a.html", html, CTX))) {
            assertNotNull(parsed.article(), parsed.problems()::toString);
            assertEquals("Un titre", parsed.article().title());
            assertTrue(parsed.article().bodyHtml().chars().noneMatch(c -> c < 0x20 && c != '\n' && c != '\t'), parsed.article().bodyHtml());
            assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("control character")), parsed.problems()::toString);
        }
    }

    @Test
    void windows1252KeepsItsCharactersAt0x80To0x9F() {
        // 0x80 €, 0x85 …, 0x93 “, 0x94 ”, 0x96 –, 0x9C œ: real characters there, C1 controls in Unicode.
        String text = "---\ntitle: \"\u201cL\u2019\u0153uvre\u201d \u2013 5 \u20ac\u2026\"\ndate: 2025-09-05\n---\nCorps.\n";
        ParsedSource parsed = SourceReader.parse("a.md", text.getBytes(Charset.forName("windows-1252")), CTX);
        assertEquals("\u201cL\u2019\u0153uvre\u201d \u2013 5 \u20ac\u2026", parsed.article().title());
        assertEquals(1, parsed.problems().size(), "only the Windows-1252 warning: " + parsed.problems());
        assertTrue(parsed.problems().get(0).message().contains("Windows-1252"));
    }

    @Test
    void windows1252TextWithANulGetsBothWarnings() {
        byte[] bytes = "---\ntitle: \"Caf\u00e9\u0000\"\ndate: 2025-09-05\n---\nx\n".getBytes(Charset.forName("windows-1252"));
        ParsedSource parsed = SourceReader.parse("a.md", bytes, CTX);
        assertEquals("Caf\u00e9", parsed.article().title());
        assertEquals(2, parsed.problems().size(), parsed.problems()::toString);
    }
}
