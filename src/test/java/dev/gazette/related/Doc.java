package dev.gazette.related;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** A hand-made document for the engine's tests. */
record Doc(String key, String title, String lead, String body, String language, List<String> keywords, String group,
           long epochSeconds, List<Integer> pinned) implements RelatedDocument {

    static Doc of(String key, String date, String title, String body) {
        return new Doc(key, title, "", body, null, List.of(), null, epoch(date), List.of());
    }

    Doc tags(String... tags) {
        return new Doc(key, title, lead, body, language, List.of(tags), group, epochSeconds, pinned);
    }

    Doc group(String g) {
        return new Doc(key, title, lead, body, language, keywords, g, epochSeconds, pinned);
    }

    Doc lead(String l) {
        return new Doc(key, title, l, body, language, keywords, group, epochSeconds, pinned);
    }

    Doc language(String l) {
        return new Doc(key, title, lead, body, l, keywords, group, epochSeconds, pinned);
    }

    Doc pin(Integer... positions) {
        return new Doc(key, title, lead, body, language, keywords, group, epochSeconds, List.of(positions));
    }

    static long epoch(String date) {
        return LocalDate.parse(date).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
}
