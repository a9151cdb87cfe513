package dev.gazette.web;

import dev.gazette.model.Problem;
import dev.gazette.text.TextDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the site-wide redirects file named by {@code redirects:} in {@code site.yml}: one redirect
 * a line, the old address then the new one, separated by a comma (CSV) or a tab (TSV, or a file
 * whose first line holds a tab). Lines starting with {@code #} are comments; an optional header
 * line {@code from,to} is skipped. Fields may be quoted. Touches no disk.
 */
public final class RedirectsFile {

    /** One line of the file: {@code from} and {@code to} as written, stripped. */
    public record Rule(int line, String from, String to) {
    }

    /** The rules read, and the problems found (each naming its line). */
    public record Parsed(List<Rule> rules, List<Problem> problems) {
        public Parsed {
            rules = List.copyOf(rules);
            problems = List.copyOf(problems);
        }
    }

    private RedirectsFile() {
    }

    /** Reads the file's bytes as every text file is read (UTF-8, or UTF-16/32 with a byte-order mark, else Windows-1252). */
    public static Parsed parse(byte[] bytes, String file) {
        List<Problem> problems = new ArrayList<>();
        String text = TextDecoder.decode(file, bytes, problems);
        Parsed parsed = parse(text, file);
        problems.addAll(parsed.problems());
        return new Parsed(parsed.rules(), problems);
    }

    /** Reads the text of the file; {@code file} is how messages name it. */
    public static Parsed parse(String text, String file) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int firstBreak = csv.indexOf('\n');
        String firstLine = firstBreak < 0 ? csv : csv.substring(0, firstBreak);
        char delimiter = file.toLowerCase(Locale.ROOT).endsWith(".tsv") || firstLine.indexOf('\t') >= 0 ? '\t' : ',';
        CSVFormat format = CSVFormat.Builder.create().setDelimiter(delimiter).setQuote('"').setCommentMarker('#')
                .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).setLenientEof(true).setTrailingData(true).get();
        List<Rule> rules = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String fix = "write the old address, then the new one, on each line: `/politique/ancien-titre/" + delimiter
                + "/politique/nouveau-titre/`.";
        boolean first = true;
        try (CSVParser parser = CSVParser.parse(csv, format)) {
            for (CSVRecord record : parser) {
                List<String> cells = record.toList().stream().map(String::strip).toList();
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                int line = lineAt(csv, (int) record.getCharacterPosition());
                if (first) {
                    first = false;
                    if (cells.size() >= 2 && cells.get(0).equalsIgnoreCase("from") && cells.get(1).equalsIgnoreCase("to")) {
                        continue;
                    }
                }
                if (cells.size() < 2 || cells.get(0).isEmpty() || cells.get(1).isEmpty()) {
                    problems.add(Problem.error(file, line, null, "expected an old address and a new one, found `"
                            + String.join(String.valueOf(delimiter), cells) + "`.", fix));
                } else if (cells.size() > 2 && !cells.subList(2, cells.size()).stream().allMatch(String::isEmpty)) {
                    problems.add(Problem.error(file, line, null, "more than two columns: `"
                            + String.join(String.valueOf(delimiter), cells) + "`.", fix + " Quote an address that holds a `"
                            + (delimiter == '\t' ? "tab" : delimiter) + "`."));
                } else {
                    rules.add(new Rule(line, cells.get(0), cells.get(1)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string cannot fail", e);
        } catch (IllegalStateException | UncheckedIOException e) {
            problems.add(Problem.error(file, 0, null, "the redirects file is not a CSV file (" + e.getMessage() + ").", fix));
        }
        return new Parsed(rules, problems);
    }

    /** The line of the record starting at {@code position}: Commons CSV counts the blank lines before it in. */
    private static int lineAt(String text, int position) {
        while (position < text.length() && (text.charAt(position) == '\n' || text.charAt(position) == '\r')) {
            position++;
        }
        int line = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
