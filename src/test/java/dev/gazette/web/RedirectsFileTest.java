package dev.gazette.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedirectsFileTest {

    @Test
    void readsCommaSeparatedLinesWithCommentsHeaderAndQuotes() {
        RedirectsFile.Parsed p = RedirectsFile.parse("""
                # moved in 2026
                from,to

                /a/, /b/
                "/c,d/",/e/
                """, "redirects.csv");
        assertEquals(List.of(), p.problems());
        assertEquals(List.of(new RedirectsFile.Rule(4, "/a/", "/b/"), new RedirectsFile.Rule(5, "/c,d/", "/e/")), p.rules());
    }

    @Test
    void readsTabSeparatedFiles() {
        RedirectsFile.Parsed p = RedirectsFile.parse("/a/\t/b/\n/c/\t/d/\n", "redirects.tsv");
        assertEquals(List.of(new RedirectsFile.Rule(1, "/a/", "/b/"), new RedirectsFile.Rule(2, "/c/", "/d/")), p.rules());
        RedirectsFile.Parsed sniffed = RedirectsFile.parse("/a/\t/b/\n", "redirects.txt");
        assertEquals(1, sniffed.rules().size(), "a tab on the first line makes it a TSV");
    }

    @Test
    void aLineWithoutTwoAddressesIsAnErrorNamingItsLine() {
        RedirectsFile.Parsed p = RedirectsFile.parse("/a/,/b/\n/seul\n/x/,/y/,/z/\n", "redirects.csv");
        assertEquals(1, p.rules().size());
        assertEquals(List.of(2, 3), p.problems().stream().map(Problem::line).toList());
        assertTrue(p.problems().stream().allMatch(Problem::isError));
        assertTrue(p.problems().get(0).fix().contains("/politique/ancien-titre/"), p.problems().get(0).fix());
    }

    @Test
    void bytesAreDecodedAsEveryTextFile() {
        byte[] latin1 = "/caf\u00e9/,/b/\n".getBytes(StandardCharsets.ISO_8859_1);
        RedirectsFile.Parsed p = RedirectsFile.parse(latin1, "redirects.csv");
        assertEquals("/caf\u00e9/", p.rules().get(0).from());
        assertEquals(1, p.problems().size(), "a warning: not UTF-8");
    }
}
