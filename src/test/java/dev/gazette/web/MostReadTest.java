package dev.gazette.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Problem;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class MostReadTest {

    /** Three articles: positions 0, 1, 2 (newest first). */
    private static final Map<String, Integer> BY_URL = Map.of("politique/a/", 0, "sport/b/", 1, "culture/c/", 2);
    private static final Map<String, Integer> BY_SLUG = Map.of("a", 0, "b", 1, "c", 2);
    private static final Function<String, Optional<Integer>> RESOLVE =
            MostRead.resolver(BY_URL, s -> Optional.ofNullable(BY_SLUG.get(s)), "https://ex.ma/news/");

    @Test
    void slugsAndUrlsInAnyFormAreRankedByViews() {
        String csv = """
                page,vues
                b,100
                https://ex.ma/news/culture/c/index.html?utm_source=x,250
                /news/politique/a/#top,90
                "a","1,000"
                """;
        MostRead.Parsed parsed = MostRead.parse(csv, "most-read.csv");
        assertEquals(List.of(), parsed.problems());
        assertEquals(4, parsed.rows().size());
        MostRead.Ranking ranking = MostRead.rank(parsed.rows(), RESOLVE, 5, "most-read.csv");
        assertEquals(List.of(0, 2, 1), ranking.articles(), "a: 90 + 1,000 views");
        assertEquals(List.of(), ranking.problems());
    }

    @Test
    void semicolonsTabsHeadersInAnyOrderAndTies() {
        MostRead.Parsed parsed = MostRead.parse("\uFEFFviews;slug\r\n5;c\r\n5;b\r\n", "f.csv");
        assertEquals(List.of(1, 2), MostRead.rank(parsed.rows(), RESOLVE, 5, "f.csv").articles(), "a tie goes to the newer article");
        parsed = MostRead.parse("a\t7\nc\t9\n", "f.tsv");
        assertEquals(List.of(2), MostRead.rank(parsed.rows(), RESOLVE, 1, "f.tsv").articles());
    }

    @Test
    void unknownArticlesAndBadCountsAreWarningsNamingTheLine() {
        String csv = "slug,views\nnowhere,10\nb,lots\nonly-one-column\nc,3\n";
        MostRead.Parsed parsed = MostRead.parse(csv, "m.csv");
        assertEquals(2, parsed.problems().size());
        assertTrue(parsed.problems().stream().noneMatch(Problem::isError));
        assertEquals(3, parsed.problems().get(0).line());
        assertEquals(4, parsed.problems().get(1).line());
        MostRead.Ranking ranking = MostRead.rank(parsed.rows(), RESOLVE, 5, "m.csv");
        assertEquals(List.of(2), ranking.articles());
        assertEquals(1, ranking.problems().size());
        assertEquals(2, ranking.problems().get(0).line());
        assertTrue(ranking.problems().get(0).message().contains("`nowhere`"));
    }

    @Test
    void aFloodOfUnknownPagesIsSummedUp() {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            csv.append("/page-").append(i).append("/,").append(i).append('\n');
        }
        MostRead.Ranking ranking = MostRead.rank(MostRead.parse(csv.toString(), "m.csv").rows(), RESOLVE, 5, "m.csv");
        assertEquals(MostRead.MAX_REPORTED + 1, ranking.problems().size());
        assertTrue(ranking.problems().get(MostRead.MAX_REPORTED).message().startsWith("40 more lines"));
    }

    @Test
    void viewCounts() {
        assertEquals(12500, MostRead.views("12 500"));
        assertEquals(12500, MostRead.views("12.500"));
        assertEquals(12500, MostRead.views("12\u202F500"));
        assertEquals(-1, MostRead.views("12.5"));
        assertEquals(-1, MostRead.views("-3"));
    }

    @Test
    void aQuotedFieldMayHoldALineBreakOrTheSeparator() {
        // Split into lines before the quotes were read, the first row lost its count and the second
        // became `sur deux lignes"` with a count: neither article was ranked right.
        String csv = "page,titre,vues\n/politique/a/,\"Titre\nsur deux lignes\",\"1,200\"\nb,\"Autre, titre\",5\nc,\"\"\"Cité\"\"\",7\n";
        MostRead.Parsed parsed = MostRead.parse(csv, "m.csv");
        assertEquals(List.of(), parsed.problems());
        assertEquals(List.of(new MostRead.Row(2, "/politique/a/", 1200), new MostRead.Row(4, "b", 5), new MostRead.Row(5, "c", 7)),
                parsed.rows(), "each row on the line its record starts");
        assertEquals(List.of(0, 2, 1), MostRead.rank(parsed.rows(), RESOLVE, 5, "m.csv").articles());
    }

    @Test
    void warningsNameTheLineTheirRecordStartsOn() {
        String csv = "# export\r\n\r\npage;vues;titre\r\n\r\n# semaine 37\r\nnulle-part;10;\"deux\r\nlignes\"\r\n   \r\nb;beaucoup;x\r\n";
        MostRead.Parsed parsed = MostRead.parse(csv, "m.csv");
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertEquals(9, parsed.problems().get(0).line(), parsed.problems().get(0).describe());
        assertEquals(List.of(new MostRead.Row(6, "nulle-part", 10)), parsed.rows());
        assertEquals(6, MostRead.rank(parsed.rows(), RESOLVE, 5, "m.csv").problems().get(0).line());
    }

    @Test
    void everyKindOfBadLineIsCappedAtTenThenCounted() {
        StringBuilder csv = new StringBuilder("page,views\n");
        for (int i = 0; i < 100; i++) {
            csv.append(i % 8 == 0 ? "b,beaucoup\n" : i % 8 == 1 ? "seule-colonne\n" : i % 8 == 2 ? ",12\n" : "c,3\n");
        }
        MostRead.Parsed parsed = MostRead.parse(csv.toString(), "m.csv");
        assertTrue(parsed.problems().size() <= MostRead.MAX_REPORTED + 1, parsed.problems()::toString);
        // Most lines are good: the file is a CSV of page views with mistakes, each kind reported.
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("not a view count")), parsed.problems()::toString);
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("expected an article")), parsed.problems()::toString);
        assertTrue(parsed.problems().stream().anyMatch(p -> p.message().contains("without an article")), parsed.problems()::toString);
        Problem last = parsed.problems().get(MostRead.MAX_REPORTED);
        assertEquals(0, last.line());
        assertTrue(last.message().startsWith("29 more lines are not an article and a view count"), last.message());
        assertEquals(61, parsed.rows().size());
    }

    @Test
    void aSystemFileIsOneWarningSayingItIsNoCsvOfPageViews() {
        String services = "# Network services, Internet style\n#\ntcpmux\t\t1/tcp\t\t\t\t# TCP port service multiplexer\n"
                + "echo\t\t7/tcp\nftp\t\t21/tcp\nssh\t\t22/tcp\t\t\t\t# SSH Remote Login Protocol\ntelnet\t\t23/tcp\nsmtp\t\t25/tcp\t\tmail\n"
                + "b\t\t15\n";
        MostRead.Parsed parsed = MostRead.parse(services, "/etc/services");
        assertEquals(List.of(), parsed.rows(), "no block from a file that is not one of page views");
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem p = parsed.problems().get(0);
        assertFalse(p.isError());
        assertTrue(p.message().startsWith("`/etc/services` does not look like a CSV of page views: 6 of 6 lines have no view count"),
                p.message());
        assertTrue(p.message().contains("line 4: `echo 7/tcp`"), p.message());
        assertTrue(p.fix().contains("mostRead"), p.fix());
    }

    @Test
    void aBinaryFileIsOneWarningSayingSo() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R', 0, 0, 1, 0, '\n', ',', '\n'};
        MostRead.Parsed parsed = MostRead.parse(png, "logo.png");
        assertEquals(List.of(), parsed.rows());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).message().contains("binary file"), parsed.problems()::toString);
        // Without NUL bytes, garbage is judged by its lines.
        byte[] noise = new byte[3000];
        new java.util.Random(7).nextBytes(noise);
        for (int i = 0; i < noise.length; i++) {
            noise[i] = noise[i] == 0 ? 1 : noise[i];
        }
        MostRead.Parsed garbage = MostRead.parse(noise, "noise.bin");
        assertEquals(List.of(), garbage.rows());
        assertEquals(1, garbage.problems().size(), "the verdict, not also the decoder's warnings: " + garbage.problems());
        assertTrue(garbage.problems().stream().anyMatch(p -> p.message().contains("does not look like a CSV of page views")),
                garbage.problems()::toString);
    }

    @Test
    void exportsInWindows1252OrUtf16AreRead() {
        byte[] ansi = "page;vues;catégorie\r\nb;12 500;Économie\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));
        MostRead.Parsed parsed = MostRead.parse(ansi, "excel.csv");
        assertEquals(List.of(new MostRead.Row(2, "b", 12500)), parsed.rows());
        assertEquals(1, parsed.problems().size());
        assertTrue(parsed.problems().get(0).message().contains("Windows-1252"), parsed.problems()::toString);
        assertTrue(parsed.problems().get(0).fix().contains("CSV UTF-8"), "how to export it from Excel: " + parsed.problems().get(0).fix());
        byte[] unicode = "page\tvues\r\nc\t7\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_16);
        assertEquals(List.of(new MostRead.Row(2, "c", 7)), MostRead.parse(unicode, "excel.txt").rows());
        byte[] utf8 = "\uFEFFpage,vues\nb,1\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(List.of(), MostRead.parse(utf8, "m.csv").problems());
    }

    @Test
    void utf32ExportsAreReadAndTheirNulBytesAreNoBinaryFile() {
        for (String charset : List.of("UTF-32BE", "UTF-32LE", "UTF-16LE")) {
            byte[] text = "page,vues\nb,3\n".getBytes(java.nio.charset.Charset.forName(charset));
            byte[] mark = switch (charset) {
                case "UTF-32BE" -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
                case "UTF-32LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
                default -> new byte[] {(byte) 0xFF, (byte) 0xFE};
            };
            byte[] bytes = java.util.Arrays.copyOf(mark, mark.length + text.length);
            System.arraycopy(text, 0, bytes, mark.length, text.length);
            MostRead.Parsed parsed = MostRead.parse(bytes, "m.csv");
            assertEquals(List.of(new MostRead.Row(2, "b", 3)), parsed.rows(), charset);
            assertEquals(List.of(), parsed.problems(), charset);
        }
    }

    @Test
    void controlCharactersAreRemovedWithOneWarning() {
        MostRead.Parsed parsed = MostRead.parse("page,vues\nb\u0007,3\nc,4\u001b\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), "m.csv");
        assertEquals(List.of(new MostRead.Row(2, "b", 3), new MostRead.Row(3, "c", 4)), parsed.rows());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        Problem w = parsed.problems().get(0);
        assertFalse(w.isError());
        assertEquals(2, w.line(), "the line of the first one");
        assertTrue(w.message().contains("2 control characters"), w.message());
    }

    @Test
    void aQuoteLeftOpenIsReadLenientlyNotAnException() {
        MostRead.Parsed parsed = MostRead.parse("a,1\n\"b,2\nc,3\nb,4\n", "m.csv");
        assertEquals(List.of(new MostRead.Row(1, "a", 1)), parsed.rows());
        assertEquals(1, parsed.problems().size(), parsed.problems()::toString);
        assertEquals(2, parsed.problems().get(0).line());
        assertTrue(parsed.problems().get(0).message().contains("closes only 3 line(s) further, or never"), parsed.problems()::toString);
        parsed = MostRead.parse("a,1\nb,\"2\"x\n", "m.csv");
        assertEquals(1, parsed.rows().size(), parsed.problems()::toString);
    }
}
