package dev.gazette.source;

import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading one source: the article when it could be read, and every problem found
 * (warnings may come with an article; an error never does).
 *
 * @param article  the article, or {@code null} when an error stopped it
 * @param problems the problems, in the order found
 */
public record ParsedSource(Article article, List<Problem> problems) {

    public ParsedSource {
        problems = List.copyOf(problems);
    }

    public static ParsedSource of(Article article, List<Problem> problems) {
        boolean failed = problems.stream().anyMatch(Problem::isError);
        return new ParsedSource(failed ? null : article, problems);
    }

    public static ParsedSource failed(List<Problem> problems) {
        return new ParsedSource(null, problems);
    }

    public Optional<Article> articleIfAny() {
        return Optional.ofNullable(article);
    }
}
