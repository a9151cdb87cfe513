package dev.gazette.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/** Every page of the sample site passes the Nu HTML Checker with zero errors. */
class HtmlValidityTest {

    @Test
    void everySamplePageIsValidHtml(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        BuildReport report = SiteBuilder.build(new BuildOptions(Path.of("articles"), Path.of("templates"), out,
                Path.of("site.yml"), null, false, false, Instant.parse("2025-09-13T00:00:00Z"), 2));
        assertTrue(report.succeeded(), () -> report.problems().toString());
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", new Quiet());
        validator.setUpValidatorAndParsers(new Quiet(), false, false);
        List<String> errors = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> walk = Files.walk(out)) {
            pages = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        assertTrue(pages.size() > 50);
        for (Path page : pages) {
            Collector collector = new Collector(out.relativize(page).toString(), errors);
            validator.setUpValidatorAndParsers(collector, false, false);
            validator.checkHtmlFile(page.toFile(), true);
        }
        assertEquals(List.of(), errors);
    }

    private static class Quiet implements ErrorHandler {
        public void warning(SAXParseException e) { }
        public void error(SAXParseException e) { }
        public void fatalError(SAXParseException e) { }
    }

    private record Collector(String page, List<String> errors) implements ErrorHandler {
        public void warning(SAXParseException e) { }
        public void error(SAXParseException e) { errors.add(page + ":" + e.getLineNumber() + ": " + e.getMessage()); }
        public void fatalError(SAXParseException e) { error(e); }
    }
}
