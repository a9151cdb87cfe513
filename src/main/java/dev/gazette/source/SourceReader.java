package dev.gazette.source;

import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.text.TextDecoder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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
        ParsedSource parsed = switch (format) {
            case MARKDOWN -> MarkdownReader.read(relative, text, ctx);
            case NEWS_TEXT -> NewsTextReader.read(relative, text, ctx);
            case HTML -> HtmlArticleReader.read(relative, text, ctx);
        };
        if (problems.isEmpty()) {
            return parsed;
        }
        problems.addAll(parsed.problems());
        return new ParsedSource(parsed.article(), problems);
    }
}
