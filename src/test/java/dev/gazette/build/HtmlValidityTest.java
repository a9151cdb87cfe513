package dev.gazette.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        BuildReport report = SiteBuilderTest.build(Path.of("articles"), out);
        assertTrue(report.succeeded(), () -> report.problems().toString());
        List<Path> pages = SiteBuilderTest.filesUnder(out, ".html");
        assertTrue(pages.size() > 50);

        Collector errors = new Collector();
        SimpleDocumentValidator validator = new SimpleDocumentValidator();
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
        for (Path page : pages) {
            errors.page = out.relativize(page).toString();
            validator.checkHtmlFile(page.toFile(), true);
        }
        assertEquals(List.of(), errors.found);
    }

    /** Keeps the checker's errors, each prefixed with the page being checked; warnings are advice. */
    private static final class Collector implements ErrorHandler {
        final List<String> found = new ArrayList<>();
        String page = "(schema)";

        @Override
        public void warning(SAXParseException e) {
        }

        @Override
        public void error(SAXParseException e) {
            found.add(page + ":" + e.getLineNumber() + ": " + e.getMessage());
        }

        @Override
        public void fatalError(SAXParseException e) {
            error(e);
        }
    }
}
