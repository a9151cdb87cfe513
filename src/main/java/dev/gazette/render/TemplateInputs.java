package dev.gazette.render;

import dev.gazette.text.ContentHash;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a page's output depends on besides its model, per page template: the text of every
 * template it can load (itself, and what it includes or imports, through any depth), every file
 * of the site's template folder that is no template (labels, assets), and the engine's locale and
 * time zone. Editing one template thus renders again only the pages made with it, or with a
 * template that loads it: a comment added to {@code article.ftlh} used to render the related,
 * list and home pages too, 14,000 of 24,000 pages at 10,000 articles.
 *
 * <p>A template is followed by reading its source, as FreeMarker would find it (the site's folder,
 * then the default theme). Where the source loads a template in a way a reading cannot follow (a
 * name computed at render time, {@code .get_optional_template}, {@code ?interpret}, an acquired
 * {@code *} path), the page depends on every template of the site's folder, as all pages did
 * before. The default theme's own templates are part of Gazette's build, which the cache is
 * keyed by.
 *
 * <p>Everything is read when this is made, before the engine parses a template: a template saved
 * in between then makes the pages' fingerprint older than the pages, which renders them again at
 * the next build, never the other way round.
 */
public final class TemplateInputs {

    /** A literal {@code <#include "x">} or {@code <#import "x" as y>}, in either syntax. */
    static final Pattern LOAD = Pattern.compile("[<\\[]#(include|import)\\s+[\"']([^\"']+)[\"']");
    /** Any include or import, literal or not: more of these than of {@link #LOAD} means a computed name. */
    private static final Pattern ANY_LOAD = Pattern.compile("[<\\[]#(include|import)(?![\\p{L}\\p{N}_$])");
    /** What loads or makes a template from a string known only at render time. */
    private static final Pattern COMPUTED = Pattern.compile("get_optional_template|interpret(?![\\p{L}\\p{N}_$])");
    /** More templates than any theme holds: past it, a page is taken to depend on them all. */
    private static final int MAX_TEMPLATES = 200;

    /** The site's templates (by path in the folder, with {@code /}), as read when this was made. */
    private final Map<String, byte[]> siteTemplates;
    /**
     * The folder's other files (labels, assets), by path, each as the hash of its bytes: a theme's
     * images and fonts are not held for the length of the render.
     */
    private final Map<String, String> otherFiles;
    private final String engine;
    private final String everyTemplate;
    private final Map<String, String> byTemplate = new ConcurrentHashMap<>();

    private TemplateInputs(Map<String, byte[]> siteTemplates, Map<String, String> otherFiles, Locale locale, ZoneId zone) {
        this.siteTemplates = siteTemplates;
        this.otherFiles = otherFiles;
        this.engine = locale.toLanguageTag() + "|" + zone.getId();
        this.everyTemplate = hash(null);
    }

    /** Reads the site's template folder {@code templatesDir} (which may not exist) for an engine of {@code locale} and {@code zone}. */
    public static TemplateInputs read(Path templatesDir, Locale locale, ZoneId zone) throws IOException {
        Map<String, byte[]> templates = new TreeMap<>();
        Map<String, String> others = new TreeMap<>();
        if (templatesDir != null && Files.isDirectory(templatesDir)) {
            List<Path> paths;
            try (var walk = Files.walk(templatesDir)) {
                paths = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path f : paths) {
                String path = templatesDir.relativize(f).toString().replace('\\', '/');
                byte[] bytes = Files.readAllBytes(f);
                if (isTemplate(path)) {
                    templates.put(path, bytes);
                } else {
                    others.put(path, ContentHash.of(bytes));
                }
            }
        }
        return new TemplateInputs(templates, others, locale, zone);
    }

    /** The inputs of a page made with {@code template}, as a hash: equal hashes, same output for the same model. */
    public String of(String template) {
        return byTemplate.computeIfAbsent(template, t -> loadedBy(t).map(this::hash).orElse(everyTemplate));
    }

    /**
     * The templates {@code template} can load, itself included, by name; empty when a source loads
     * one that reading it cannot name.
     */
    Optional<Set<String>> loadedBy(String template) {
        Set<String> seen = new TreeSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(template));
        while (!todo.isEmpty()) {
            String name = todo.removeFirst();
            if (!seen.add(name)) {
                continue;
            }
            if (seen.size() > MAX_TEMPLATES || name.contains("*")) {
                return Optional.empty();
            }
            String text = source(name).orElse(null);
            if (text == null) {
                continue; // no such template: the page fails to render, whatever its fingerprint
            }
            if (COMPUTED.matcher(text).find()) {
                return Optional.empty();
            }
            List<String> loads = literalLoads(name, text);
            todo.addAll(loads);
            int any = 0;
            Matcher directive = ANY_LOAD.matcher(text);
            while (directive.find()) {
                any++;
            }
            if (any != loads.size()) {
                return Optional.empty();
            }
        }
        return Optional.of(seen);
    }

    /** What the source {@code text} of {@code template} loads by a literal include or import, by the names FreeMarker gives them. */
    static List<String> literalLoads(String template, String text) {
        List<String> names = new ArrayList<>();
        Matcher load = LOAD.matcher(text);
        while (load.find()) {
            names.add(resolve(template, load.group(2)));
        }
        return names;
    }

    /** A template's text as FreeMarker finds it: the site's file, else the default theme's. */
    private Optional<String> source(String name) {
        byte[] own = siteTemplates.get(name);
        if (own != null) {
            return Optional.of(new String(own, StandardCharsets.UTF_8));
        }
        try (InputStream in = TemplateInputs.class.getClassLoader().getResourceAsStream(TemplateEngine.THEME + "/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the default theme's " + name, e);
        }
    }

    /**
     * The hash of the site's files a page made with the templates {@code loaded} depends on: those
     * templates' and every file that is no template. With {@code null}, every file.
     */
    private String hash(Set<String> loaded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(bytes)) {
            data.writeUTF(loaded == null ? "every file" : "templates loaded, other files");
            for (Map.Entry<String, byte[]> template : siteTemplates.entrySet()) {
                if (loaded == null || loaded.contains(template.getKey())) {
                    data.writeUTF(template.getKey());
                    data.writeInt(template.getValue().length);
                    data.write(template.getValue());
                }
            }
            for (Map.Entry<String, String> other : otherFiles.entrySet()) {
                data.writeUTF(other.getKey());
                data.writeUTF(other.getValue());
            }
            if (loaded != null) {
                // Which theme templates stand in where the site has none is part of the output too.
                for (String name : loaded) {
                    data.writeUTF(name);
                    data.writeBoolean(siteTemplates.containsKey(name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ContentHash.of(bytes.toByteArray()) + "|" + engine;
    }

    /** Whether a file of the template folder is a template (FreeMarker's extensions): one a page depends on only if it loads it. */
    private static boolean isTemplate(String path) {
        return path.endsWith(".ftl") || path.endsWith(".ftlh") || path.endsWith(".ftlx");
    }

    /** The name FreeMarker gives {@code target} loaded from {@code base}: relative to its folder unless it starts with {@code /}. */
    static String resolve(String base, String target) {
        String path = target.startsWith("/") ? target.substring(1) : base.substring(0, base.lastIndexOf('/') + 1) + target;
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            if (segment.equals("..")) {
                segments.pollLast();
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                segments.addLast(segment);
            }
        }
        return String.join("/", segments);
    }
}
