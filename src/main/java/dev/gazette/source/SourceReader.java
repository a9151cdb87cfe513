package dev.gazette.source;

import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.text.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads one source file and hands its text to the reader of its format. The only code in this
 * package that touches the disk besides {@link SourceFinder}.
 */
public final class SourceReader {

    private SourceReader() {
    }

    /** Reads {@code root/relative}; never throws for bad content or an unreadable file. */
    public static ParsedSource read(Path root, String relative, ParseContext ctx) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(root.resolve(relative));
        } catch (IOException | SecurityException e) {
            return ParsedSource.failed(List.of(Problem.error(relative, 0, null,
                    "cannot read the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "check that the file exists and that Gazette may read it.")));
        }
        return parse(relative, bytes, ctx);
    }

    /** Parses the bytes of a source named {@code relative}; touches no disk. */
    public static ParsedSource parse(String relative, byte[] bytes, ParseContext ctx) {
        List<Problem> problems = new ArrayList<>();
        String text = TextDecoder.decode(relative, bytes, problems);
        SourceFormat format = SourceFinder.formatOf(relative).orElseThrow(
                () -> new IllegalArgumentException("not an article source: " + relative));
        ParsedSource parsed = guarded(relative, () -> switch (format) {
            case MARKDOWN -> MarkdownReader.read(relative, text, ctx);
            case NEWS_TEXT -> NewsTextReader.read(relative, text, ctx);
            case HTML -> HtmlArticleReader.read(relative, text, ctx);
        });
        if (problems.isEmpty()) {
            return parsed;
        }
        problems.addAll(parsed.problems());
        return new ParsedSource(parsed.article(), problems);
    }

    /**
     * What {@code read} makes of the source {@code relative}, never failing the whole build: a file
     * the libraries cannot cope with becomes an error naming it, so the newsroom learns which file
     * to fix and every other file is still read and reported. Reached only past the readers' own
     * checks (such as {@link dev.gazette.markup.MarkdownRenderer#MAX_NESTING}): a stack overflow
     * inside a parser's regular expressions, say on a line of thousands of {@code *}, or a bug.
     * The parsers keep no state between documents, so the next file is read as if nothing had
     * happened.
     */
    static ParsedSource guarded(String relative, Supplier<ParsedSource> read) {
        try {
            return read.get();
        } catch (StackOverflowError e) {
            return ParsedSource.failed(List.of(Problem.error(relative, 0, null,
                    "the file is too deeply nested to be read: the parser ran out of stack.",
                    "look for quotes, lists, emphasis, links or HTML elements nested inside each other by the hundred, "
                            + "or a line of thousands of `*`, `-` or `_`, and flatten or shorten it.")));
        } catch (RuntimeException e) {
            return ParsedSource.failed(List.of(Problem.error(relative, 0, null,
                    "Gazette failed while reading the file (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ").",
                    "this is a bug in Gazette: please report it with the file attached; until it is fixed, move the file "
                            + "out of the articles folder (or rename it to start with `_`) to build the rest.")));
        }
    }
}
