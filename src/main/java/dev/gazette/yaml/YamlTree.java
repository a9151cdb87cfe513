package dev.gazette.yaml;

import dev.gazette.text.ControlCharacters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads one YAML document (an article's front matter, {@code site.yml}) into a tree in which every
 * scalar is the text the editor wrote, with the line it was written on.
 *
 * <p>Nothing is typed implicitly. SnakeYAML's own typing follows YAML 1.1, where {@code Yes},
 * {@code NO} and {@code on} are booleans, {@code 010} is 8, {@code 1.10} is 1.1 and {@code 12:30}
 * is 750: the headline {@code title: Yes} was published as "true" and the tag {@code NO} (Norway)
 * as "false". Here a field that holds text gets the text; a date, boolean or number field converts
 * the text itself and can name itself when the text is not what it needs. Explicit tags
 * ({@code !!int}) are ignored for the same reason: the field decides.
 *
 * <p>Refused, with the line when known: a key written twice (a mistake to show, not a choice of
 * the last line), and documents that would exhaust memory or the stack (alias "billion laughs"
 * bombs, recursive aliases, absurd nesting or size).
 *
 * <p>Double-quoted scalars have escapes for any character: {@code "\0"}, {@code "\x01"},
 * <code>"&#92;u0007"</code>, {@code "\e"} write control characters that no page may carry, although the
 * text itself holds none. They are removed from every scalar and key of the tree
 * ({@link ControlCharacters}), and the document says how many were and where the first was, so
 * that each reader can warn in its own terms.
 */
public final class YamlTree {

    /** SnakeYAML's own default: far above any front matter or configuration. */
    static final int MAX_CHARS = 3 * 1024 * 1024;
    /** Lists and mappings nested deeper than this are no configuration a person writes. */
    static final int MAX_DEPTH = 50;
    /** Aliases to lists or mappings; each may multiply the size of the tree. */
    static final int MAX_COLLECTION_ALIASES = 50;
    /**
     * Values in the tree, an aliased list counted each time it is used. A handful of aliases can
     * still multiply a long list a million times over; this bounds the tree itself.
     */
    static final int MAX_VALUES = 100_000;

    /** A resolver without implicit resolvers: every untagged scalar stays a string. */
    private static final Resolver NO_TYPING = new Resolver() {
        @Override
        protected void addImplicitResolvers() {
        }
    };

    private YamlTree() {
    }

    /** A value of the tree. */
    public sealed interface Node permits Scalar, Sequence, Mapping {

        /** The 1-based line of the text where the value starts, or 0 when unknown. */
        int line();

        /** The value for a message saying it is not what a field needs: {@code `twenty`}, "a list". */
        String shown();
    }

    /**
     * A scalar as written: the plain text, or for a quoted or block scalar its text after YAML's
     * unquoting and escapes.
     *
     * @param text  the text, never null
     * @param plain whether it was written without quotes or block indicator; only such scalars
     *              can be YAML's "no value" or a boolean or number, a quoted one is always text
     * @param line  the 1-based line
     */
    public record Scalar(String text, boolean plain, int line) implements Node {

        public Scalar {
            Objects.requireNonNull(text, "text");
        }

        /**
         * Whether this is YAML's "no value": nothing, {@code ~} or {@code null}, unquoted. Every
         * YAML version agrees on these, unlike the booleans and octal numbers of YAML 1.1; editors
         * write them to leave a field empty.
         */
        public boolean isNull() {
            return plain && (text.isEmpty() || text.equals("~") || text.equals("null") || text.equals("Null")
                    || text.equals("NULL"));
        }

        /**
         * The value of a boolean field: {@code true}/{@code yes}/{@code on} or
         * {@code false}/{@code no}/{@code off} in any case, unquoted; empty for anything else.
         */
        public Optional<Boolean> bool() {
            if (!plain) {
                return Optional.empty();
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on" -> Optional.of(true);
                case "false", "no", "off" -> Optional.of(false);
                default -> Optional.empty();
            };
        }

        @Override
        public String shown() {
            return plain ? "`" + text + "`" : "`\"" + text + "\"`";
        }
    }

    /**
     * A list.
     *
     * @param items the entries, in order
     * @param line  the 1-based line of its start
     */
    public record Sequence(List<Node> items, int line) implements Node {

        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String shown() {
            return "a list";
        }
    }

    /**
     * A mapping from text keys to values, in the order written.
     *
     * @param entries each key with its value and line
     * @param line    the 1-based line of its start
     */
    public record Mapping(Map<String, Entry> entries, int line) implements Node {

        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        /** The keys, in the order written. */
        public Set<String> keys() {
            return entries.keySet();
        }

        /** The value of {@code key}, or {@code null} when the key is not there. */
        public Node get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /** The 1-based line of {@code key}, or 0 when the key is not there. */
        public int lineOf(String key) {
            Entry e = entries.get(key);
            return e == null ? 0 : e.line();
        }

        @Override
        public String shown() {
            return "a mapping";
        }
    }

    /**
     * One key of a mapping.
     *
     * @param line  the 1-based line of the key (a list's items may start on the next lines)
     * @param value its value
     */
    public record Entry(int line, Node value) {
    }

    /**
     * A document read.
     *
     * @param root     the root value, or empty when the document holds none (empty, or only comments)
     * @param controls the control characters removed from its scalars and keys, with the line and
     *                 the key of the first ({@code related.textWeight} inside a mapping, the list's key
     *                 for an entry of a list); empty when there were none
     */
    public record Document(Optional<Node> root, Optional<ControlCharacters.Removed> controls) {

        public Document {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(controls, "controls");
        }
    }

    /** Why a document was not read. */
    public static final class Refusal extends Exception {

        private static final long serialVersionUID = 1L;

        /** What kind of mistake it is, so that each reader can word its own advice. */
        public enum Kind {
            /** Not YAML: indentation, an unclosed quote, a `:` in an unquoted value… */
            SYNTAX,
            /** A key written twice in one mapping; {@link #key()} names it. */
            DUPLICATE_KEY,
            /** Valid YAML, but bigger, deeper or more aliased than anything Gazette reads. */
            TOO_COMPLEX
        }

        private final Kind kind;
        private final int line;
        private final String key;
        private final String reason;

        private Refusal(Kind kind, int line, String key, String reason) {
            super(reason);
            this.kind = kind;
            this.line = line;
            this.key = key;
            this.reason = reason;
        }

        public Kind kind() {
            return kind;
        }

        /** The 1-based line of the text, or 0 when unknown. */
        public int line() {
            return line;
        }

        /** The key written twice, or {@code null}. */
        public String key() {
            return key;
        }

        /** What is wrong, lower case, without a final full stop. */
        public String reason() {
            return reason;
        }

        /** General advice; readers may say something closer to their format for {@link Kind#SYNTAX}. */
        public String fix() {
            return switch (kind) {
                case SYNTAX -> "fix the YAML syntax (indentation, quotes around values containing `: `).";
                case DUPLICATE_KEY -> "keep one of the two lines.";
                case TOO_COMPLEX -> "write the values out instead of repeating lists through aliases (`*name`), nest at most "
                        + MAX_DEPTH + " levels and keep the file under " + MAX_CHARS / (1024 * 1024) + " MB.";
            };
        }
    }

    /**
     * Reads {@code text}, a single YAML document.
     *
     * @return the tree, and what was removed from it
     * @throws Refusal when it is not YAML, writes a key twice, or is too big or aliased to read safely
     */
    public static Document parse(String text) throws Refusal {
        Objects.requireNonNull(text, "text");
        if (text.length() > MAX_CHARS) {
            throw new Refusal(Refusal.Kind.TOO_COMPLEX, 0, null, "it is longer than " + MAX_CHARS + " characters");
        }
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
        org.yaml.snakeyaml.nodes.Node root;
        try {
            // Composing, not constructing: the nodes keep their text, style and line.
            root = new Composer(new ParserImpl(new StreamReader(text), options), NO_TYPING, options).getSingleNode();
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
            throw new Refusal(Refusal.Kind.SYNTAX, mark == null ? 0 : mark.getLine() + 1, null, problem);
        } catch (ReaderException e) {
            throw new Refusal(Refusal.Kind.SYNTAX, lineAt(text, e.getPosition()), null,
                    String.format("the character U+%04X is not allowed in YAML", e.getCodePoint()));
        } catch (YAMLException e) {
            // The limits set above: SnakeYAML has no exception type of its own for them.
            throw new Refusal(Refusal.Kind.TOO_COMPLEX, 0, null, "too complex to read safely (" + e.getMessage() + ")");
        }
        if (root == null) {
            return new Document(Optional.empty(), Optional.empty());
        }
        Builder builder = new Builder();
        Node tree = builder.node(root, null);
        return new Document(Optional.of(tree), builder.controls.removed());
    }

    /** The 1-based line of the {@code codePoint}-th code point of {@code text}, or 0. */
    private static int lineAt(String text, int codePoint) {
        if (codePoint < 0 || codePoint > text.codePointCount(0, text.length())) {
            return 0;
        }
        int end = text.offsetByCodePoints(0, codePoint);
        return (int) text.substring(0, end).chars().filter(c -> c == '\n').count() + 1;
    }

    private static int line(org.yaml.snakeyaml.nodes.Node node) {
        return node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
    }

    /**
     * Turns SnakeYAML's nodes into the tree, an alias becoming a copy of what it names, and every
     * scalar and key losing its control characters.
     */
    private static final class Builder {

        /** The lists and mappings being built: meeting one again is an alias inside itself. */
        private final Set<org.yaml.snakeyaml.nodes.Node> open = Collections.newSetFromMap(new IdentityHashMap<>());
        private final ControlCharacters.Tally controls = new ControlCharacters.Tally();
        private int values;

        /** The value of {@code node}, found under the key path {@code key} ({@code null} at the top). */
        Node node(org.yaml.snakeyaml.nodes.Node node, String key) throws Refusal {
            if (++values > MAX_VALUES) {
                throw new Refusal(Refusal.Kind.TOO_COMPLEX, line(node), null,
                        "it holds more than " + MAX_VALUES + " values, counting an aliased list each time it is used");
            }
            if (node instanceof ScalarNode scalar) {
                return new Scalar(controls.strip(scalar.getValue(), line(scalar), key), scalar.isPlain(), line(scalar));
            }
            if (!open.add(node)) {
                throw new Refusal(Refusal.Kind.TOO_COMPLEX, line(node), null, "an alias is used inside the list or mapping it names");
            }
            try {
                if (node instanceof SequenceNode sequence) {
                    List<Node> items = new ArrayList<>();
                    for (org.yaml.snakeyaml.nodes.Node item : sequence.getValue()) {
                        items.add(node(item, key));
                    }
                    return new Sequence(items, line(sequence));
                }
                return mapping((MappingNode) node, key);
            } finally {
                open.remove(node);
            }
        }

        private Mapping mapping(MappingNode node, String path) throws Refusal {
            Map<String, Entry> entries = new LinkedHashMap<>();
            List<Mapping> merged = new ArrayList<>();
            for (NodeTuple tuple : node.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                    throw new Refusal(Refusal.Kind.SYNTAX, line(tuple.getKeyNode()), null, "a key must be text, not a list or mapping");
                }
                String key = controls.strip(keyNode.getValue(), line(keyNode), path);
                boolean merge = keyNode.isPlain() && key.equals("<<");
                Node value = node(tuple.getValueNode(), merge ? path : path == null ? key : path + "." + key);
                if (merge && addMerged(value, merged)) {
                    continue;
                }
                if (entries.putIfAbsent(key, new Entry(line(keyNode), value)) != null) {
                    throw new Refusal(Refusal.Kind.DUPLICATE_KEY, line(keyNode), key, "`" + key + "` is written twice");
                }
            }
            // YAML's merge key (`<<: *defaults`): the keys written here win, then the first mapping merged.
            for (Mapping m : merged) {
                m.entries().forEach(entries::putIfAbsent);
            }
            return new Mapping(entries, line(node));
        }

        /** Adds the mappings a {@code <<} key merges; false when its value is not one or a list of them. */
        private static boolean addMerged(Node value, List<Mapping> merged) {
            if (value instanceof Mapping m) {
                merged.add(m);
                return true;
            }
            if (value instanceof Sequence s && !s.items().isEmpty() && s.items().stream().allMatch(Mapping.class::isInstance)) {
                s.items().forEach(item -> merged.add((Mapping) item));
                return true;
            }
            return false;
        }
    }

    /**
     * {@code text} as a double-quoted YAML scalar. Only the backslash and the quote need escaping
     * there, and the characters YAML reads as line breaks (U+0085, U+2028, U+2029) or that are not
     * printable in YAML; everything else (accents, « guillemets », {@code :}, {@code #}) is kept
     * as written, so the file stays readable. The one writer of YAML values in Gazette: {@code gazette new}
     * and {@code gazette import} write front matter with it, and this class reads it back.
     */
    public static String quoted(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\u0085' -> out.append("\\N");
                case '\u2028' -> out.append("\\L");
                case '\u2029' -> out.append("\\P");
                default -> {
                    if (c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\uFEFF' || c == '\uFFFE' || c == '\uFFFF') {
                        out.append(String.format(java.util.Locale.ROOT, "\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
