package dev.gazette.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds where a template calls itself, by reading template sources. FreeMarker sets no limit on
 * recursion, and once a runaway one has overflowed the stack, the instructions it was running are
 * unwound with it: nothing says which macro it was. So, after the fact, this looks through the
 * page's template and the templates it includes or imports for a macro or function whose body
 * calls it by name, or a template that includes itself. A best guess, and a cheap one, run only
 * after a failure: recursion through two macros calling each other is not found.
 */
final class TemplateRecursion {

    /** A call of a template to itself: where it is, and whom it calls ({@code null} for an include). */
    record Call(String template, int line, String name) {
    }

    /** {@code <#macro name} or {@code <#function name}, in either FreeMarker syntax. */
    private static final Pattern DEFINITION = Pattern.compile("[<\\[]#(macro|function)\\s+([\\p{L}_$][\\p{L}\\p{N}_$]*)");
    /** {@code <#include "x">} and {@code <#import "x" as y>} with a literal name. */
    private static final Pattern LOAD = TemplateInputs.LOAD;
    /** More than any theme holds: a bound on the walk through includes. */
    private static final int MAX_TEMPLATES = 100;

    private TemplateRecursion() {
    }

    /**
     * The first call to itself found in {@code template} or the templates it loads, nearest first.
     *
     * @param sources the source text of a template by name, empty when there is none
     */
    static Optional<Call> find(String template, Function<String, Optional<String>> sources) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(template);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty() && seen.size() < MAX_TEMPLATES) {
            String name = todo.removeFirst();
            if (!seen.add(name)) {
                continue;
            }
            String text = sources.apply(name).orElse(null);
            if (text == null) {
                continue;
            }
            Optional<Call> call = selfCall(name, text);
            if (call.isPresent()) {
                return call;
            }
            todo.addAll(TemplateInputs.literalLoads(name, text));
        }
        return Optional.empty();
    }

    /** A macro or function of {@code text} calling itself in its body, or {@code text} including itself. */
    static Optional<Call> selfCall(String template, String text) {
        Matcher definition = DEFINITION.matcher(text);
        while (definition.find()) {
            boolean macro = definition.group(1).equals("macro");
            String name = definition.group(2);
            int bodyStart = text.indexOf(text.charAt(definition.start()) == '<' ? '>' : ']', definition.end());
            if (bodyStart < 0) {
                break;
            }
            // Definitions cannot nest in FreeMarker: the body ends at the first closing tag.
            Matcher end = Pattern.compile("[<\\[]/#" + definition.group(1) + "\\s*[>\\]]").matcher(text);
            int bodyEnd = end.find(bodyStart) ? end.start() : text.length();
            Pattern call = macro
                    ? Pattern.compile("[<\\[]@(?:[\\p{L}\\p{N}_$]+\\.)?" + Pattern.quote(name) + "(?=[\\s/>\\](])")
                    : Pattern.compile("(?<![\\p{L}\\p{N}_$])" + Pattern.quote(name) + "\\s*\\(");
            Matcher self = call.matcher(text).region(bodyStart, bodyEnd);
            if (self.find()) {
                return Optional.of(new Call(template, lineOf(text, self.start()), name));
            }
        }
        Matcher load = LOAD.matcher(text);
        while (load.find()) {
            // An import runs a template once per page, however often it is written: only an include recurses.
            if (load.group(1).equals("include") && TemplateInputs.resolve(template, load.group(2)).equals(template)) {
                return Optional.of(new Call(template, lineOf(text, load.start()), null));
            }
        }
        return Optional.empty();
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
