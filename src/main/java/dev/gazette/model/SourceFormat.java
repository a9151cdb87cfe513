package dev.gazette.model;

/** The source formats Gazette reads, each recognised by its file extension. */
public enum SourceFormat {
    /** Markdown with YAML front matter ({@code .md}, {@code .markdown}). */
    MARKDOWN,
    /** The plain-text news format, as saved from a news site ({@code .txt}). */
    NEWS_TEXT,
    /** An HTML article page saved from a news site ({@code .html}, {@code .htm}). */
    HTML
}
