package dev.gazette.intake;

import dev.gazette.model.Article;
import dev.gazette.model.Term;
import dev.gazette.yaml.YamlTree;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An article as a Markdown file with front matter, the format editors keep. Each text value is a
 * double-quoted YAML string ({@link YamlTree#quoted}), so quotes, colons, {@code #} and every
 * script arrive as read; fields are written in one fixed order and empty ones left out, so the
 * same article always gives the same bytes.
 */
final class MarkdownArticle {

    private MarkdownArticle() {
    }

    /**
     * The file for {@code a} with {@code body} (Markdown) after the front matter.
     *
     * @param from the page's file name, said in a comment: where to look when the article is in doubt
     */
    static String render(Article a, String body, String from) {
        StringBuilder out = new StringBuilder("---\n");
        // A file name may hold anything: what YAML reads as a line break or cannot print would end the comment.
        out.append("# Imported by gazette import from ").append(from.replaceAll("[\\p{Cntrl}\\u0085\\u2028\\u2029\\uFEFF]", "?"))
                .append('\n');
        field(out, "title", YamlTree.quoted(a.title()));
        field(out, "date", a.dateOnly() ? a.date().toLocalDate().toString() : iso(a));
        if (a.updated() != null) {
            field(out, "updated", a.updated().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        }
        if (a.rubric() != null) {
            field(out, "category", YamlTree.quoted(a.rubric().name()));
        }
        if (!a.tags().isEmpty()) {
            field(out, "tags", list(a.tags().stream().map(Term::name).toList()));
        }
        if (!a.authors().isEmpty()) {
            field(out, "author", a.authors().size() == 1 ? YamlTree.quoted(a.authors().get(0)) : list(a.authors()));
        }
        if (!a.lead().isEmpty()) {
            field(out, "summary", YamlTree.quoted(a.lead()));
        }
        if (a.image() != null) {
            field(out, "image", YamlTree.quoted(a.image()));
        }
        if (!a.caption().isEmpty()) {
            field(out, "caption", YamlTree.quoted(a.caption()));
        }
        field(out, "slug", a.slug());
        if (a.language() != null) {
            field(out, "lang", YamlTree.quoted(a.language()));
        }
        out.append("---\n");
        if (!body.isEmpty()) {
            out.append('\n').append(body);
        }
        return out.toString();
    }

    private static String iso(Article a) {
        return a.date().truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name).append(": ").append(value).append('\n');
    }

    private static String list(List<String> items) {
        StringBuilder out = new StringBuilder("[");
        for (String item : items) {
            if (out.length() > 1) {
                out.append(", ");
            }
            out.append(YamlTree.quoted(item));
        }
        return out.append(']').toString();
    }
}
