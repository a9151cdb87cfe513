package dev.gazette.config;

import java.util.Objects;

/**
 * One rubric of the menu, as {@code site.yml}'s {@code menu:} lists it.
 *
 * @param rubric the rubric's name as articles write it ({@code Économie}; matched as tags are, by slug,
 *               so case and accents do not matter)
 * @param label  the text of the menu link, or empty for the rubric's own name
 * @param line   the line of {@code site.yml} the entry is on, for messages
 */
public record MenuEntry(String rubric, String label, int line) {

    public MenuEntry {
        Objects.requireNonNull(rubric, "rubric");
        label = label == null ? "" : label;
    }
}
