package dev.gazette.render;

/** The kinds of page a site has, each with the template that renders it. */
public enum PageKind {
    HOME("home", "home.ftlh"),
    ARTICLE("article", "article.ftlh"),
    RELATED("related", "related.ftlh"),
    TAG("tag", "list.ftlh"),
    RUBRIC("rubric", "list.ftlh"),
    /** One month of the archive. */
    ARCHIVE("archive", "list.ftlh"),
    /** The archive's index of months. */
    ARCHIVE_INDEX("archives", "terms.ftlh"),
    TAG_INDEX("tags", "terms.ftlh"),
    RUBRIC_INDEX("rubrics", "terms.ftlh"),
    /** One author's articles, newest first. */
    AUTHOR("author", "list.ftlh"),
    /** The index of every author. */
    AUTHOR_INDEX("authors", "terms.ftlh"),
    NOT_FOUND("404", "404.ftlh"),
    /** The search page, answered in the browser from the search index. */
    SEARCH("search", "search.ftlh"),
    /** An old address that leads to a page's new one ({@code aliases:}, the redirects file, old title URLs). */
    REDIRECT("redirect", "redirect.ftlh");

    private final String label;
    private final String template;

    PageKind(String label, String template) {
        this.label = label;
        this.template = template;
    }

    /** The name templates see as {@code page.kind} ({@code "article"}, {@code "tags"}…), part of the theme's contract. */
    public String label() {
        return label;
    }

    /** The template that renders pages of this kind. */
    public String template() {
        return template;
    }
}
