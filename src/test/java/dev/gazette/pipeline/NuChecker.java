package dev.gazette.pipeline;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import nu.validator.validation.SimpleDocumentValidator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The Nu HTML Checker, set up once for the whole test run (its schema takes seconds to load) and
 * shared by the test classes that validate pages.
 */
final class NuChecker {

    private static NuChecker instance;

    private final Collector errors = new Collector();
    private final SimpleDocumentValidator validator = new SimpleDocumentValidator();

    private NuChecker() throws Exception {
        validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", errors);
        validator.setUpValidatorAndParsers(errors, false, false);
    }

    /** The checker's errors for every {@code .html} file under {@code root}, each as {@code page:line: message}. */
    static synchronized List<String> errorsUnder(Path root) throws Exception {
        if (instance == null) {
            instance = new NuChecker();
        }
        return instance.check(root, SiteBuilderTest.filesUnder(root, ".html"));
    }

    private List<String> check(Path root, List<Path> pages) throws IOException, SAXException {
        errors.found.clear();
        for (Path page : pages) {
            errors.page = root.relativize(page).toString();
            validator.checkHtmlFile(page.toFile(), true);
        }
        return List.copyOf(errors.found);
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
