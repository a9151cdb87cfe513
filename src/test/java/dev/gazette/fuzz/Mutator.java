package dev.gazette.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of real sample files, the kind of damage sources meet on their way to the
 * newsroom's folder: bit rot, copy-paste accidents, truncated uploads, editors switching line
 * endings, and deliberately nasty text (YAML anchors, deep nesting, invalid UTF-8, far dates).
 * Works on bytes so that invalid UTF-8 and split characters reach the decoders. The same random
 * source gives the same mutations, which is what makes a failing case replayable from its seed.
 */
public final class Mutator {

    /** No mutation grows a file past this: enough for very long lines, small enough to stay fast. */
    static final int MAX_SIZE = 384 * 1024;

    /** Fragments that mean something to one of the formats: front matter, YAML, Markdown, HTML, the news layout. */
    private static final List<String> FRAGMENTS = List.of(
            "---", "---\n", "\n---\n", "...\n", ":", ": ", ":\n", "[", "]", "{", "}", "&x", "&x ", "*x", "? ", "<<: *x",
            "%YAML 1.1\n", "%TAG ! tag:x,2000:\n", "!!binary", "!!python/object/apply:os.system [ls]", "!!set", "!<tag:x>",
            "&amp;", "&", "&#0;", "&#xD800;", "&#x110000;", "&#99999999999;", "&nbsp;", "&notanentity;",
            "<script>alert(1)</script>", "<script>", "</script>", "<![CDATA[", "]]>", "<!--", "-->", "<", ">", "\"", "'",
            "`", "```", "~~~", "#", "# ", "|", "| --- |\n", "\\", "\t", "    ", "* ", "- ", "1. ", "[^1]", "[x]: <>",
            "<article>", "</article>", "<h1>", "</h1>", "<time datetime=\"10000-01-01\">", "<main>", "<body>", "</html>",
            "<meta property=\"article:published_time\" content=\"+999999999-12-31T23:59:59Z\">",
            "<meta property=\"og:title\" content=\"\">", "<meta property=\"og:image\" content=\"../../../etc/passwd\">",
            "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":[],\"datePublished\":{}}</script>",
            "<script type=\"application/ld+json\">{\"@graph\":[{\"@id\":\"a\"},{\"@type\":\"Article\",\"author\":{\"@id\":\"a\"}}]}</script>",
            "<link rel=\"canonical\" href=\"http://[::1\">", "<html lang=\"\u0000\">",
            "<img src=\"../../../etc/passwd\">", "<img src=x onerror=alert(1)>", "<svg onload=alert(1)>", "<iframe src=//evil>",
            "<base href=//evil.example/>", "<math><mi>x</mi></math>", "<template>", "<table>", "<frameset>", "<plaintext>",
            "<noscript>", "<?xml version=\"1.0\"?>", "<!DOCTYPE x [<!ENTITY a \"b\">]>", "&a;",
            "![x](../../secret.png)", "![x](/etc/passwd)", "![x](images/missing.svg)", "![x](images/maroc-russie-carte.svg)",
            "![x](C:\\boot.ini)", "![x](http://[::1)", "[x](javascript:alert(1))", "<https://x.example/a b>",
            "${x}", "<#list x as y>", "[#ftl]", "#{x}", "<@x/>", "{{x}}",
            " date 2025-09-09 Politique", "date", "Par ", "Par La Rédaction\nLe 09/09/2025 à 18h36\n",
            "Le 09/09/2025 à 18h36", "Le 31/12/9999 à 23h59", "#Maroc#", "#", "Les contenus liés", "Articles les plus lus",
            "Politique | Retrouvez toute l'actualité", "Voir plus",
            "\u0000", "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029",
            "\uFEFF", "\u202E", "\u200B", "\u00A0", "\u202F", "é", "e\u0301", "İ", "ı", "ß", "ﬁ", "🇲🇦", "😀", "\r", "\r\n",
            "\n", "\n\n");

    /** Values for a {@code key: value} line, a meta's content or a JSON member. */
    private static final List<String> VALUES = List.of(
            // dates
            "10000-01-01", "+10000-01-01T00:00:00Z", "99999-12-31T23:59:59+01:00", "0000-01-01", "-0001-01-01",
            "2025-02-30", "2025-13-01", "2025-09-09T24:00", "2025-09-09T23:59:60", "2025-09-09T10:00:00+18:00",
            "2025-09-09T10:00:00-18:00", "2025-09-09T10:00:00+19:00", "31/12/9999 à 23h59", "01/01/10000 à 00h00",
            "99/99/2025 à 99h99", "1970-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999-18:00",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "2025-09-09 18:36", "09/09/2025 à 18h36",
            // numbers
            "99999999999999999999999", "2147483648", "-2147483649", "9223372036854775808", "1e309", "-1e309", "1e-400",
            ".nan", ".inf", "-.inf", "0x7fffffff", "0o777", "0b1010", "1_000", "-0", "0", "-1", "1.5", "1:20:30",
            "!!float 1e999", "!!int 99999999999999999999",
            // YAML structure
            "&a [a, b]", "*a", "*undefined", "&a\n  x: 1", "[*a, *a]", "{a: 1, a: 2}", "[", "{", "\"unterminated",
            "'unterminated", "|\n  block", ">-\n  folded", "!!set {a, b}", "!!omap [a: 1]", "!!timestamp 2025-01-01",
            "!!binary SGVsbG8=", "!!str", "!!map", "!!seq", "!x y", "~", "null", "yes", "no", "on", "off", "true",
            "[[[[[[[[]]]]]]]]", "? [a]\n: b", "<<: {a: 1}", "\n- a\n- b", "\n  a: 1", "", " ", "\"\"", "[]", "{}",
            "[a, [b]]", "[a, {b: c}]", "\"\\uD800\"", "\"\\x00\"", "\"\\0\"",
            // paths and URLs
            "../../etc/passwd", "/etc/passwd", "C:\\Windows", "images/../../x.svg", "images/missing.svg",
            "images/maroc-russie-carte.svg", "https://", "https://x.example/a b.png", "http://[::1", "file:///etc/passwd",
            "data:image/png;base64,AAAA", "//evil.example/x.png", "images/\u0000.svg", "con", "a/b", "..", ".",
            "%2e%2e/x", "\\\\server\\share", "{slug}", "{year}/{slug}", "../{slug}", "{unknown}/{slug}", "//{slug}",
            // text
            "a: b", "# not a comment", "@handle", "Politique", "ÉCONOMIE", "İstanbul", "-", "_", "fr-MA", "tr", "und",
            "x-klingon", "Mars/Olympus_Mons", "UTC+99", "Europe/Paris", "+18:00");

    /** YAML tags, put before a value or alone: a tag that does not fit its node is a classic parser trap. */
    private static final List<String> TAGS = List.of(
            "!!map", "!!seq", "!!set", "!!omap", "!!pairs", "!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp",
            "!!binary", "!!merge", "!!value", "!!yaml", "!<tag:yaml.org,2002:map>", "!<tag:yaml.org,2002:int>", "!local", "!",
            "!!python/object:os.system", "!!java.io.File");

    /**
     * Where a file writes a date: an ISO day with maybe a time and offset, or a French day with
     * maybe its hour (matched in bytes read as ISO-8859-1, so {@code à} is two characters).
     */
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2})?(?:[+-]\\d{2}:?\\d{2}|Z)?)?|\\d{2}/\\d{2}/\\d{4}(?: \\S{1,2} \\d{2}h\\d{2})?");

    /** Dates past year 9999 or before year 1, impossible days and hours, extreme offsets. */
    private static final List<String> DATES = List.of(
            "10000-01-01", "10000-01-01T00:00:00+01:00", "+10000-01-01T00:00:00Z", "99999-12-31T23:59:59+01:00",
            "9999-12-31T23:59:59-18:00", "9999-12-31T23:59:59+01:00", "0000-01-01", "0001-01-01T00:00:00+18:00",
            "-0001-01-01T00:00:00Z", "2025-02-29", "2024-02-29", "2025-02-30", "2025-13-01", "2025-00-10",
            "2025-09-09T24:00", "2025-09-09T23:60", "2025-09-09T23:59:60", "2025-09-09T10:00:00+18:00",
            "2025-09-09T10:00:00-18:00", "2025-09-09T10:00:00+18:01", "2025-09-09 10:00", "2025-09-09T10:00:00.999999999Z",
            "2099-01-01", "1970-01-01T00:00:00Z", "1900-01-01", "31/12/9999 à 23h59", "01/01/10000 à 00h00", "32/01/2025",
            "29/02/2025 à 10h00", "09/09/2025 à 25h00", "00/00/0000", "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z");

    /** Units repeated to build deep nesting. */
    private static final List<String> NESTING = List.of(
            "> ", ">", "- ", "* ", "1. ", "  ", "\t", "<div>", "<b>", "<table><tr><td>", "<ul><li>", "<blockquote>", "<p>",
            "<span>", "<a href=x>", "<q>", "<em>", "<i><b>", "[", "{", "[a](", "**", "_", "`", "<!--", "&a [", "- [",
            "{\"a\":", "[[", "\\", "#", "|", "![", "<", "((", "</div>", "]", "}", "-", "\"");

    /** Units repeated to build very long lines. */
    private static final List<String> LONG_UNITS = List.of(
            "a", "é", "x ", " ", "\t", "#", "<", "&amp;", "-", "=", "|", "Par ", ":", "\u00A0", "🇲🇦", "a,", "word ", "*",
            "_", "[a]", "\\", "/", ".");

    /** Byte sequences that are not UTF-8, or are but are unwelcome. */
    private static final List<byte[]> RAW = List.of(
            bytes(0xED, 0xA0, 0x80), bytes(0xED, 0xBF, 0xBF), bytes(0xED, 0xA0, 0xBD, 0xED, 0xB8, 0x80), bytes(0xC0, 0xAF),
            bytes(0xE0, 0x80, 0xAF), bytes(0xF0, 0x9F), bytes(0xFF), bytes(0xFE, 0xFF), bytes(0xFF, 0xFE),
            bytes(0xF8, 0x88, 0x80, 0x80, 0x80), bytes(0xF4, 0x90, 0x80, 0x80), bytes(0x80), bytes(0xC3),
            bytes(0xEF, 0xBB, 0xBF), bytes(0x00, 0x00), bytes(0x81, 0x8D, 0x8F, 0x90, 0x9D));

    private static final byte[] BOM = bytes(0xEF, 0xBB, 0xBF);

    private final SplittableRandom random;
    private final List<byte[]> donors;
    private final List<String> log = new ArrayList<>();

    /**
     * @param random the case's random source, seeded from the case's seed
     * @param donors other samples, from which pieces are spliced in
     */
    public Mutator(SplittableRandom random, List<byte[]> donors) {
        this.random = random;
        this.donors = List.copyOf(donors);
    }

    /** What was done so far, one short line per mutation, for failure messages. */
    public List<String> log() {
        return List.copyOf(log);
    }

    /** A mutated copy of {@code sample}: usually one or two mutations, sometimes up to seven. */
    public byte[] mutate(byte[] sample) {
        int count = 1 + (random.nextInt(4) == 0 ? random.nextInt(7) : random.nextInt(2));
        byte[] data = sample.clone();
        for (int i = 0; i < count; i++) {
            data = mutateOnce(data);
        }
        return data;
    }

    /**
     * A copy of {@code sample} with one to three of its values changed (front-matter fields, meta
     * contents, dates) and nothing else: the file mostly still parses, so its odd data reaches the
     * steps after parsing (index, pages, feeds).
     */
    public byte[] mutateValues(byte[] sample) {
        int count = 1 + random.nextInt(3);
        byte[] data = sample.clone();
        for (int i = 0; i < count; i++) {
            int kind = random.nextInt(10);
            data = kind < 4 ? replaceDate(data) : kind < 9 ? replaceValue(data, pick(VALUES)) : replaceValue(data, pick(TAGS));
        }
        return data;
    }

    private byte[] mutateOnce(byte[] data) {
        int kind = random.nextInt(100);
        if (kind < 7) {
            return flipBits(data);
        } else if (kind < 10) {
            return setByte(data);
        } else if (kind < 23) {
            return insert(data, pick(FRAGMENTS), "fragment");
        } else if (kind < 31) {
            return insertAtLineStart(data, pick(FRAGMENTS));
        } else if (kind < 43) {
            return replaceValue(data, pick(VALUES));
        } else if (kind < 47) {
            String tag = pick(TAGS);
            return replaceValue(data, random.nextBoolean() ? tag : tag + " " + pick(VALUES));
        } else if (kind < 51) {
            return replaceDate(data);
        } else if (kind < 56) {
            return deepNesting(data);
        } else if (kind < 61) {
            return longLine(data);
        } else if (kind < 64) {
            return yamlAliases(data);
        } else if (kind < 68) {
            return insertRaw(data);
        } else if (kind < 71) {
            return byteOrderMark(data);
        } else if (kind < 76) {
            return truncate(data);
        } else if (kind < 80) {
            return deleteRange(data);
        } else if (kind < 86) {
            return duplicateLines(data);
        } else if (kind < 89) {
            return swapLines(data);
        } else if (kind < 94) {
            return lineEndings(data);
        } else {
            return splice(data);
        }
    }

    // ---- the mutations ----

    private byte[] flipBits(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        byte[] out = data.clone();
        int n = 1 + random.nextInt(8);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int pos = random.nextInt(out.length);
            int bit = random.nextInt(8);
            out[pos] ^= (byte) (1 << bit);
            where.append(i == 0 ? "" : ",").append(pos).append('.').append(bit);
        }
        log.add("flip bits " + where);
        return out;
    }

    private byte[] setByte(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        byte[] out = data.clone();
        int pos = random.nextInt(out.length);
        int[] interesting = {0x00, 0xFF, 0x7F, 0x80, 0xC0, 0xED, '\n', '\r', ':', '-', '#', '<', '>', '&', '[', '{', '"', ' '};
        int value = random.nextBoolean() ? interesting[random.nextInt(interesting.length)] : random.nextInt(256);
        out[pos] = (byte) value;
        log.add(String.format("set byte %d to 0x%02X", pos, value));
        return out;
    }

    private byte[] insert(byte[] data, String fragment, String what) {
        int pos = random.nextInt(data.length + 1);
        log.add("insert " + what + " " + Texts.show(utf8(fragment), 60) + " at " + pos);
        return splice(data, pos, pos, utf8(fragment));
    }

    private byte[] insertAtLineStart(byte[] data, String fragment) {
        int pos = lineStart(data);
        String text = random.nextBoolean() ? fragment + "\n" : fragment;
        log.add("insert " + Texts.show(utf8(text), 60) + " at line start " + pos);
        return splice(data, pos, pos, utf8(text));
    }

    /** Replaces what follows {@code key:}, {@code content="} or {@code "key": } on a random line with {@code value}. */
    private byte[] replaceValue(byte[] data, String value) {
        List<int[]> lines = lines(data);
        List<int[]> candidates = new ArrayList<>();
        for (int[] line : lines) {
            if (valueStart(data, line) >= 0) {
                candidates.add(line);
            }
        }
        if (candidates.isEmpty()) {
            return insert(data, value, "value");
        }
        int[] line = candidates.get(random.nextInt(candidates.size()));
        int from = valueStart(data, line);
        int to = valueEnd(data, from, line[1]);
        if (random.nextInt(4) == 0) {
            value = random.nextBoolean() ? "\"" + value + "\"" : "[" + value + "]";
        }
        log.add("replace value at " + from + " with " + Texts.show(utf8(value), 60));
        return splice(data, from, to, utf8(value));
    }

    /** Where the value starts on {@code line}, or -1 when the line has none. */
    private static int valueStart(byte[] data, int[] line) {
        String text = new String(data, line[0], line[1] - line[0], StandardCharsets.ISO_8859_1);
        int content = text.indexOf("content=\"");
        if (content >= 0) {
            return line[0] + content + 9;
        }
        int datetime = text.indexOf("datetime=\"");
        if (datetime >= 0) {
            return line[0] + datetime + 10;
        }
        int colon = text.indexOf(": ");
        if (colon > 0 && colon < 40) {
            return line[0] + colon + 2;
        }
        return -1;
    }

    /** The end of a value: the closing quote of an attribute or JSON string, else the line's end. */
    private static int valueEnd(byte[] data, int from, int lineEnd) {
        if (from > 0 && data[from - 1] == '"') {
            for (int i = from; i < lineEnd; i++) {
                if (data[i] == '"') {
                    return i;
                }
            }
        }
        if (from < lineEnd && data[from] == '"') {
            for (int i = from + 1; i < lineEnd; i++) {
                if (data[i] == '"') {
                    return i + 1;
                }
            }
        }
        return lineEnd;
    }

    /** Replaces a date written in the file (ISO or French) with a far, odd or impossible one. */
    private byte[] replaceDate(byte[] data) {
        String text = new String(data, StandardCharsets.ISO_8859_1);
        List<int[]> dates = new ArrayList<>();
        Matcher m = DATE.matcher(text);
        while (m.find()) {
            dates.add(new int[] {m.start(), m.end()});
        }
        String date = pick(DATES);
        if (dates.isEmpty()) {
            return insert(data, date, "date");
        }
        int[] at = dates.get(random.nextInt(dates.size()));
        log.add("replace date at " + at[0] + " with " + date);
        return splice(data, at[0], at[1], date.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] deepNesting(byte[] data) {
        String unit = pick(NESTING);
        int[] depths = {64, 256, 1000, 3000, 10000};
        int depth = depths[random.nextInt(depths.length)];
        if (random.nextInt(5) == 0) {
            // Nested YAML mappings, one level per line and two spaces deeper each time.
            depth = Math.min(depth, 300);
            StringBuilder yaml = new StringBuilder();
            for (int i = 0; i < depth; i++) {
                yaml.append("  ".repeat(i)).append(random.nextBoolean() ? "k" + i + ":" : "- ").append('\n');
            }
            int pos = lineStart(data);
            log.add("insert " + depth + " nested YAML levels at line start " + pos);
            return splice(data, pos, pos, utf8(yaml.toString()));
        }
        String text = unit.repeat(depth) + (random.nextBoolean() ? "x\n" : "");
        int pos = random.nextInt(3) == 0 ? random.nextInt(data.length + 1) : lineStart(data);
        log.add("insert " + Texts.show(utf8(unit), 20) + "×" + depth + " at " + pos);
        return splice(data, pos, pos, utf8(text));
    }

    private byte[] longLine(byte[] data) {
        String unit = pick(LONG_UNITS);
        int length = 1000 + random.nextInt(150_000);
        String text = unit.repeat(Math.max(1, length / unit.length()));
        if (random.nextBoolean()) {
            int pos = random.nextInt(data.length + 1);
            log.add("insert long line " + Texts.show(utf8(unit), 20) + "×" + (length / unit.length()) + " at " + pos);
            return splice(data, pos, pos, utf8(text));
        }
        // Every line break removed: the whole file is one line.
        log.add("join all lines");
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        for (byte b : data) {
            if (b != '\n' && b != '\r') {
                out.write(b);
            }
        }
        return out.toByteArray();
    }

    /** Anchors and aliases, up to a billion-laughs expansion. */
    private byte[] yamlAliases(byte[] data) {
        int levels = 1 + random.nextInt(9);
        StringBuilder yaml = new StringBuilder("lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < levels; i++) {
            yaml.append("lol").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        if (random.nextBoolean()) {
            yaml.append("title: *l").append(levels - 1).append('\n');
        }
        if (random.nextBoolean()) {
            yaml.append("self: &s [*s]\nmerge: {<<: *l0}\n");
        }
        int pos = lineStart(data);
        log.add("insert " + levels + " levels of YAML aliases at line start " + pos);
        return splice(data, pos, pos, utf8(yaml.toString()));
    }

    private byte[] insertRaw(byte[] data) {
        byte[] raw = RAW.get(random.nextInt(RAW.size()));
        int pos = random.nextInt(data.length + 1);
        log.add("insert raw bytes " + Texts.hex(raw) + " at " + pos);
        return splice(data, pos, pos, raw);
    }

    private byte[] byteOrderMark(byte[] data) {
        switch (random.nextInt(4)) {
            case 0 -> {
                log.add("prepend a UTF-8 byte-order mark");
                return splice(data, 0, 0, BOM);
            }
            case 1 -> {
                log.add("prepend two UTF-8 byte-order marks");
                return splice(data, 0, 0, concat(BOM, BOM));
            }
            case 2 -> {
                log.add("prepend U+FEFF after a space");
                return splice(data, 0, 0, concat(utf8(" "), BOM));
            }
            default -> {
                boolean little = random.nextBoolean();
                log.add("re-encode as UTF-16" + (little ? "LE" : "BE") + " with its byte-order mark");
                String text = new String(data, StandardCharsets.UTF_8);
                return concat(little ? bytes(0xFF, 0xFE) : bytes(0xFE, 0xFF),
                        text.getBytes(little ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE));
            }
        }
    }

    private byte[] truncate(byte[] data) {
        int length = data.length == 0 ? 0 : random.nextInt(data.length);
        log.add("truncate to " + length + " bytes");
        return Arrays.copyOf(data, length);
    }

    private byte[] deleteRange(byte[] data) {
        if (data.length == 0) {
            return data;
        }
        int from = random.nextInt(data.length);
        int max = random.nextBoolean() ? 16 : Math.max(1, data.length / 4);
        int to = Math.min(data.length, from + 1 + random.nextInt(max));
        log.add("delete bytes " + from + ".." + to);
        return splice(data, from, to, new byte[0]);
    }

    private byte[] duplicateLines(byte[] data) {
        List<int[]> lines = lines(data);
        int first = random.nextInt(lines.size());
        int last = Math.min(lines.size() - 1, first + random.nextInt(8));
        int from = lines.get(first)[0];
        int to = Math.min(data.length, lines.get(last)[1] + 1);
        byte[] block = Arrays.copyOfRange(data, from, to);
        int[] copies = {1, 2, 10, 100, 1000};
        int n = copies[random.nextInt(copies.length)];
        if (block.length > 0) {
            n = Math.max(1, Math.min(n, (MAX_SIZE - data.length) / block.length));
        }
        log.add("repeat lines " + (first + 1) + ".." + (last + 1) + " " + n + " more time(s)");
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        for (int i = 0; i < n; i++) {
            copy.writeBytes(block);
        }
        return splice(data, to, to, copy.toByteArray());
    }

    private byte[] swapLines(byte[] data) {
        List<int[]> lines = lines(data);
        if (lines.size() < 2) {
            return data;
        }
        int a = random.nextInt(lines.size());
        int b = random.nextInt(lines.size());
        if (a == b) {
            return data;
        }
        int[] x = lines.get(Math.min(a, b));
        int[] y = lines.get(Math.max(a, b));
        log.add("swap lines " + (Math.min(a, b) + 1) + " and " + (Math.max(a, b) + 1));
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length);
        out.write(data, 0, x[0]);
        out.write(data, y[0], y[1] - y[0]);
        out.write(data, x[1], y[0] - x[1]);
        out.write(data, x[0], x[1] - x[0]);
        out.write(data, y[1], data.length - y[1]);
        return out.toByteArray();
    }

    private byte[] lineEndings(byte[] data) {
        int mode = random.nextInt(5);
        String[] names = {"CRLF", "CR", "mixed LF/CRLF/CR", "trailing spaces and tabs", "CR CR LF"};
        log.add("line endings: " + names[mode]);
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + data.length / 8);
        for (byte b : data) {
            if (b != '\n') {
                out.write(b);
                continue;
            }
            switch (mode) {
                case 0 -> out.writeBytes(utf8("\r\n"));
                case 1 -> out.write('\r');
                case 2 -> out.writeBytes(utf8(new String[] {"\n", "\r\n", "\r"}[random.nextInt(3)]));
                case 3 -> out.writeBytes(utf8(random.nextBoolean() ? " \t\n" : "\n"));
                default -> out.writeBytes(utf8("\r\r\n"));
            }
        }
        return out.toByteArray();
    }

    /** A few lines of another sample (maybe of another format), inserted at a line start. */
    private byte[] splice(byte[] data) {
        if (donors.isEmpty()) {
            return insertAtLineStart(data, pick(FRAGMENTS));
        }
        int d = random.nextInt(donors.size());
        byte[] donor = donors.get(d);
        List<int[]> lines = lines(donor);
        int first = random.nextInt(lines.size());
        int last = Math.min(lines.size() - 1, first + random.nextInt(12));
        byte[] piece = Arrays.copyOfRange(donor, lines.get(first)[0], Math.min(donor.length, lines.get(last)[1] + 1));
        int pos = lineStart(data);
        log.add("splice lines " + (first + 1) + ".." + (last + 1) + " of sample #" + d + " at line start " + pos);
        return splice(data, pos, pos, piece);
    }

    // ---- helpers ----

    private String pick(List<String> list) {
        return list.get(random.nextInt(list.size()));
    }

    /** A random line's first byte (or the end of the data). */
    private int lineStart(byte[] data) {
        List<int[]> lines = lines(data);
        return lines.get(random.nextInt(lines.size()))[0];
    }

    /** Each line's start and end (exclusive, before its {@code \n}); at least one, maybe empty, line. */
    static List<int[]> lines(byte[] data) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == '\n') {
                lines.add(new int[] {start, i});
                start = i + 1;
            }
        }
        lines.add(new int[] {start, data.length});
        return lines;
    }

    /** {@code data} with {@code from..to} replaced by {@code piece}; unchanged when it would grow past {@link #MAX_SIZE}. */
    private byte[] splice(byte[] data, int from, int to, byte[] piece) {
        if (data.length - (to - from) + piece.length > MAX_SIZE) {
            log.add("(skipped: would exceed " + MAX_SIZE + " bytes)");
            return data;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + piece.length);
        out.write(data, 0, from);
        out.writeBytes(piece);
        out.write(data, to, data.length - to);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }
}
