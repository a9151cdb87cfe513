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
}
