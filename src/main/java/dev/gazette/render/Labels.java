package dev.gazette.render;

import dev.gazette.model.Problem;
import dev.gazette.yaml.YamlTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The theme's interface strings ("À la une", "Les plus lus", "Par"…), one file per language:
 * {@code labels/fr.yml} and {@code labels/en.yml} in the default theme, a flat mapping of key to
 * text read with the project's YAML reader. A site's templates folder may hold
 * {@code labels/<language>.yml} with only the keys it changes: those replace the theme's, the others
 * stay. So a newsroom renames a block without forking {@code layout.ftlh}. Templates see the result
 * as {@code labels}.
 *
 * @param values     each key's text ({@code lowerDateline} is a boolean)
 * @param problems   what was wrong with the site's file (an unknown key, a value that is not text)
 */
record Labels(Map<String, Object> values, List<Problem> problems) {

    /** The keys whose value is a boolean, not a text. */
    private static final Set<String> BOOLEANS = Set.of("lowerDateline");
    /** The theme's language when it has no file for the site's: French, as the default theme always was. */
    private static final String FALLBACK = "fr";

    Labels {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
    }

    /**
     * The labels of a site in {@code locale}: the default theme's file for its language (French when
     * the theme has none), with the keys of the site's own file (in {@code templatesDir}, may be
     * {@code null}) over them.
     */
    static Labels load(Path templatesDir, Locale locale) {
        String language = locale.getLanguage().isEmpty() ? FALLBACK : locale.getLanguage();
        List<Problem> problems = new ArrayList<>();
        String themeName = TemplateEngine.THEME + "/labels/" + language + ".yml";
        byte[] theme = themeFile(themeName);
        if (theme == null) {
            themeName = TemplateEngine.THEME + "/labels/" + FALLBACK + ".yml";
            theme = themeFile(themeName);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        if (theme != null) {
            // The default theme's own file: a mistake there is Gazette's, found by its tests.
            read(new String(theme, StandardCharsets.UTF_8), "[default theme] " + themeName, null, values, new ArrayList<>());
        }
        if (templatesDir != null) {
            Path own = templatesDir.resolve("labels").resolve(language + ".yml");
            if (Files.isRegularFile(own)) {
                try {
                    read(Files.readString(own, StandardCharsets.UTF_8), own.toString(), Set.copyOf(values.keySet()), values, problems);
                } catch (IOException e) {
                    problems.add(Problem.error(own.toString(), 0, null, "cannot read the labels (" + e.getMessage() + ").",
                            "check that the file is readable and in UTF-8."));
                }
            }
        }
        return new Labels(values, problems);
    }

    /**
     * Reads one labels file into {@code values}. With {@code known}, a key outside it is a warning
     * (a misspelt key would otherwise change nothing, silently).
     */
    private static void read(String text, String name, Set<String> known, Map<String, Object> values, List<Problem> problems) {
        YamlTree.Document doc;
        try {
            doc = YamlTree.parse(text);
        } catch (YamlTree.Refusal e) {
            problems.add(Problem.error(name, e.line(), e.key(), "the labels are not valid YAML (" + e.reason() + ").",
                    "write one `key: \"text\"` a line, as the default theme's file does."));
            return;
        }
        if (doc.root().isEmpty()) {
            return;
        }
        if (!(doc.root().get() instanceof YamlTree.Mapping map)) {
            problems.add(Problem.error(name, 1, null, "the labels must be a mapping of keys to texts.", "write one `key: \"text\"` a line."));
            return;
        }
        for (String key : map.keys()) {
            int line = map.lineOf(key);
            if (known != null && !known.contains(key)) {
                problems.add(Problem.warning(name, line, key, "unknown label, ignored.",
                        "use one of the keys of the default theme's labels (listed in the README's template reference)."));
                continue;
            }
            YamlTree.Node node = map.get(key);
            if (!(node instanceof YamlTree.Scalar s) || s.isNull()) {
                problems.add(Problem.error(name, line, key, "a label must be a text, not " + node.shown() + ".", "write `" + key + ": \"text\"`."));
                continue;
            }
            if (BOOLEANS.contains(key)) {
                if (s.bool().isEmpty()) {
                    problems.add(Problem.error(name, line, key, "must be true or false, not " + s.shown() + ".", "write `" + key + ": true`."));
                    continue;
                }
                values.put(key, s.bool().get());
            } else {
                values.put(key, s.text());
            }
        }
    }

    private static byte[] themeFile(String resource) {
        try (InputStream in = TemplateEngine.class.getClassLoader().getResourceAsStream(resource)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
