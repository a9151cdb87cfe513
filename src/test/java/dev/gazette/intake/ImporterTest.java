package dev.gazette.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.intake.ImportReport.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImporterTest {

    private static final Importer.Settings SETTINGS = new Importer.Settings(ZoneId.of("Africa/Casablanca"), "en", null);

    private static String page(String title, String body) {
        return "<html lang=en><head><meta property=article:published_time content=2024-01-02T10:00:00Z></head><body><article><h1>"
                + title + "</h1>" + body + "</article></body></html>";
    }

    @Test
    void twoPagesWithOneTitleGetTwoFiles(@TempDir Path tmp) throws IOException {
        Files.writeString(tmp.resolve("a.html"), page("Same headline", "<p>The first page's text, long enough to read.</p>"));
        Files.writeString(tmp.resolve("b.html"), page("Same headline", "<p>The second page's text, long enough to read.</p>"));
        ImportReport report = Importer.run(List.of(tmp.resolve("a.html"), tmp.resolve("b.html")), tmp.resolve("out"), SETTINGS);
        assertEquals(List.of("same-headline.md", "same-headline-2.md"), report.outcomes().stream().map(ImportReport.Outcome::written).toList());
        assertEquals(Status.IMPORTED_WITH_WARNINGS, report.outcomes().get(1).status());
        assertTrue(Files.readString(tmp.resolve("out/same-headline-2.md")).contains("slug: same-headline-2\n"));
    }

    @Test
    void imagesOutsideThePageFolderAreNeverCopied(@TempDir Path tmp) throws IOException {
        Path pages = Files.createDirectories(tmp.resolve("pages"));
        Files.write(tmp.resolve("secret.png"), new byte[] {1, 2, 3});
        Files.writeString(pages.resolve("p.html"), page("Escaping images", "<p>Text of the page, long enough to be prose.</p>"
                + "<p><img src=\"../secret.png\" alt=\"x\"><img src=\"/etc/passwd.png\"><img src=\"file:///etc/x.png\"></p>"));
        ImportReport report = Importer.run(List.of(pages), tmp.resolve("out"), SETTINGS);
        assertEquals(Status.IMPORTED_WITH_WARNINGS, report.outcomes().get(0).status(), report.outcomes().toString());
        try (Stream<Path> walk = Files.walk(tmp.resolve("out"))) {
            assertEquals(List.of("escaping-images.md"), walk.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList());
        }
        assertFalse(Files.readString(tmp.resolve("out/escaping-images.md")).contains("secret"));
    }

    @Test
    void theSummarySaysWhatHappened() {
        ImportReport r = new ImportReport(List.of(
                new ImportReport.Outcome("a", Status.IMPORTED, "a.md", List.of()),
                new ImportReport.Outcome("b", Status.IMPORTED_WITH_WARNINGS, "b.md", List.of()),
                new ImportReport.Outcome("c", Status.SKIPPED, null, List.of())));
        assertEquals("3 files: 2 imported (1 with warnings), 0 unchanged, 1 skipped.", r.summary());
        assertFalse(r.complete());
    }
}
