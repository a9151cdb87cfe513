package dev.gazette.render;

import dev.gazette.model.Problem;
import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.InvalidReferenceException;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.core.Environment;
import freemarker.template.Configuration;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;

/**
 * FreeMarker, configured once per build and shared by all rendering threads. Templates are looked
 * up in the site's template folder first, then in the default theme inside the jar, so a site only
 * overrides what it changes. {@code .ftlh} templates escape every value as HTML.
 */
public final class TemplateEngine {

    /** Where the default theme lives on the class path. */
    public static final String THEME = "theme";
    /** Static files of the default theme, copied to every site unless the site's folder has its own. */
    public static final List<String> THEME_ASSETS = List.of("assets/gazette.css", "assets/logo.png", "assets/social.png",
            "assets/favicon.svg");

    private final Configuration configuration;
    private final Path templatesDir;
    /**
     * The problem of each template whose rendering overflowed the stack. A template that overflowed
     * once fails at once afterwards: unwinding a full stack costs milliseconds, a site renders
     * thousands of pages from one template, and the build has failed anyway.
     */
    private final Map<String, Problem> overflowed = new ConcurrentHashMap<>();
    /** The interface strings, the theme's with the site's own over them; templates see them as {@code labels}. */
    private final Labels labels;

    /**
     * @param templatesDir the site's template folder; may not exist
     */
    public TemplateEngine(Path templatesDir, Locale locale, ZoneId zone) throws IOException {
        this.templatesDir = templatesDir;
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        List<TemplateLoader> loaders = new ArrayList<>();
        if (templatesDir != null && Files.isDirectory(templatesDir)) {
            loaders.add(new FileTemplateLoader(templatesDir.toFile()));
        }
        loaders.add(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), THEME));
        cfg.setTemplateLoader(new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new)));
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setLocale(locale);
        cfg.setTimeZone(TimeZone.getTimeZone(zone));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setLocalizedLookup(false);
        cfg.setObjectWrapper(new ViewWrapper());
        cfg.setSharedVariable("href", new Href());
        this.labels = Labels.load(templatesDir, locale);
        try {
            cfg.setSharedVariable("labels", labels.values());
        } catch (freemarker.template.TemplateModelException e) {
            throw new IllegalStateException("a map of texts is always a template model", e);
        }
        // A build reads each template once: no checking the files for changes while rendering.
        cfg.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        this.configuration = cfg;
    }

    /**
     * Loads and parses {@code names}; each one that is missing or broken becomes a problem, as does
     * each mistake in the site's labels file.
     */
    public List<Problem> check(List<String> names) {
        List<Problem> problems = new ArrayList<>(labels.problems());
        for (String name : names) {
            try {
                configuration.getTemplate(name);
            } catch (TemplateNotFoundException e) {
                problems.add(Problem.error(displayName(name), 0, null, "template not found, neither in the template folder nor in the default theme.",
                        "create it, or delete the folder's copy of the theme to use the default one."));
            } catch (ParseException e) {
                problems.add(Problem.error(displayName(e.getTemplateName() == null ? name : e.getTemplateName()),
                        e.getLineNumber(), null, "template syntax error: " + firstLine(e.getEditorMessage()) + ".",
                        "fix the FreeMarker syntax at that line."));
            } catch (IOException e) {
                problems.add(Problem.error(displayName(name), 0, null, "cannot read the template (" + e.getMessage() + ").",
                        "check that the file is readable."));
            } catch (StackOverflowError e) {
                problems.add(tooDeepToParse(name));
            }
        }
        return problems;
    }

    /**
     * Renders template {@code name} over {@code model}: the page's text, for tests and for callers
     * that show it. A page that goes to a file goes through {@link #renderUtf8}.
     *
     * @throws RenderException naming the template, line and expression that failed
     */
    public String render(String name, Map<String, Object> model) {
        return new String(renderUtf8(name, model), StandardCharsets.UTF_8);
    }

    /**
     * Renders template {@code name} over {@code model} into the UTF-8 bytes of the page, as the
     * page's file holds them: the text is encoded as FreeMarker writes it, never held as a string
     * (see {@link Utf8Writer}).
     *
     * @throws RenderException naming the template, line and expression that failed
     */
    public byte[] renderUtf8(String name, Map<String, Object> model) {
        Problem overflow = overflowed.get(name);
        if (overflow != null) {
            throw new RenderException(overflow);
        }
        try {
            Template template = configuration.getTemplate(name);
            Utf8Writer out = new Utf8Writer(16 * 1024);
            try {
                template.process(model, out);
            } catch (StackOverflowError e) {
                throw overflowed(name, runaway(name));
            }
            return out.toBytes();
        } catch (TemplateException e) {
            throw new RenderException(problemOf(name, e));
        } catch (IOException e) {
            throw new RenderException(Problem.error(displayName(name), 0, null, "cannot read the template (" + e.getMessage() + ").",
                    "check that the file is readable."));
        } catch (StackOverflowError e) {
            throw overflowed(name, tooDeepToParse(name));
        }
    }

    private RenderException overflowed(String name, Problem problem) {
        overflowed.putIfAbsent(name, problem);
        return new RenderException(problem);
    }

    /**
     * The problem of a render that ran out of stack: FreeMarker lets a macro call itself without
     * limit. It names the call to itself when {@link TemplateRecursion} finds one in the sources,
     * else the page's template.
     */
    private Problem runaway(String name) {
        Optional<TemplateRecursion.Call> call = TemplateRecursion.find(name, this::sourceOf);
        if (call.isEmpty()) {
            return Problem.error(displayName(name), 0, null, "rendering ran out of stack: a macro, function or include "
                            + "calls itself (perhaps through another) without end, or the data nests too deeply.",
                    "look in this template and the ones it includes or imports for macros that call each other, and make sure "
                            + "an `<#if>` stops the calls, e.g. on a shorter list each time.");
        }
        TemplateRecursion.Call c = call.get();
        if (c.name() == null) {
            return Problem.error(displayName(c.template()), c.line(), null, "the template includes itself without end: rendering ran out of stack.",
                    "remove that `<#include>`, or put it inside an `<#if>` that becomes false.");
        }
        return Problem.error(displayName(c.template()), c.line(), null, "`" + c.name() + "` calls itself here without end: "
                        + "rendering ran out of stack.",
                "call `" + c.name() + "` from itself only inside an `<#if>` that becomes false, e.g. on a shorter list each time.");
    }

    private Problem tooDeepToParse(String name) {
        return Problem.error(displayName(name), 0, null, "the template nests directives or expressions too deeply to be read: "
                        + "the parser ran out of stack.",
                "flatten it: fewer `<#if>`, `<#list>` or parentheses inside each other.");
    }

    /** The text of a template as its loader finds it (the site's folder, then the default theme); empty when unreadable. */
    private Optional<String> sourceOf(String name) {
        TemplateLoader loader = configuration.getTemplateLoader();
        try {
            Object source = loader.findTemplateSource(name);
            if (source == null) {
                return Optional.empty();
            }
            try (Reader reader = loader.getReader(source, "UTF-8")) {
                StringWriter text = new StringWriter();
                reader.transferTo(text);
                return Optional.of(text.toString());
            } finally {
                loader.closeTemplateSource(source);
            }
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** A static file of the theme: the site's copy when it has one, else the default theme's. */
    public Optional<InputStream> openAsset(String relative) throws IOException {
        if (templatesDir != null) {
            Path own = templatesDir.resolve(relative);
            if (Files.isRegularFile(own)) {
                return Optional.of(Files.newInputStream(own));
            }
        }
        return Optional.ofNullable(TemplateEngine.class.getClassLoader().getResourceAsStream(THEME + "/" + relative));
    }

    private Problem problemOf(String name, TemplateException e) {
        String source = e.getTemplateName() == null ? name : e.getTemplateName();
        int line = e.getLineNumber() == null ? 0 : e.getLineNumber();
        if (e instanceof InvalidReferenceException) {
            String expression = e.getBlamedExpressionString();
            return Problem.error(displayName(source), line, expression,
                    "the template uses `" + expression + "`, which is not defined for this page.",
                    "check the variable's name against the README's template reference, or give it a default: `${" + expression + "!\"\"}`.");
        }
        return Problem.error(displayName(source), line, e.getBlamedExpressionString(),
                "template error: " + firstLine(e.getMessageWithoutStackTop()) + ".", "fix the template at that line.");
    }

    private String displayName(String name) {
        if (templatesDir != null && Files.isRegularFile(templatesDir.resolve(name))) {
            return templatesDir.resolve(name).toString();
        }
        return "[default theme] " + name;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip().lines().findFirst().orElse("unknown error");
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }

    /**
     * A writer that encodes a page to UTF-8 as FreeMarker writes it, without a lock (each page has
     * its own, on one thread). A page used to go into a {@code StringBuilder}, then a string, then
     * its bytes: past the first character beyond Latin-1 (a French narrow no-break space) the
     * builder widened every piece appended to two bytes a character, each through a bounds check,
     * and the page was copied twice more. The encoding alone was a tenth of a full build's time
     * under the quick compiler. The bytes are those of {@code text.getBytes(UTF_8)} of the whole
     * text, to the byte: a surrogate pair split across two writes is joined, and a lone surrogate
     * becomes {@code ?}, as the JDK's encoder does.
     */
    static final class Utf8Writer extends Writer {
        /** Below this length a string is encoded here; above it, by the JDK, then copied in bulk. */
        private static final int BULK = 24;
        private byte[] bytes;
        private int size;
        /** A high surrogate that ended the last write, waiting for its low half; or 0. */
        private char pendingHigh;

        Utf8Writer(int capacity) {
            bytes = new byte[capacity];
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, chars.length);
            room(3 * length + 4);
            byte[] b = bytes;
            int p = size;
            int end = offset + length;
            int i = offset;
            while (pendingHigh != 0 && i < end) {
                p = encode(chars[i++], b, p);
            }
            for (; i < end; i++) {
                char c = chars[i];
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else {
                    p = encode(c, b, p);
                    while (pendingHigh != 0 && i + 1 < end) {
                        p = encode(chars[++i], b, p); // the low half, or what stands in its place
                    }
                }
            }
            size = p;
        }

        /** As {@link #write(char[], int, int)}, the same loop over a string: one over a {@code CharSequence} would cost an interface call a character. */
        @Override
        public void write(String s, int offset, int length) {
            Objects.checkFromIndexSize(offset, length, s.length());
            if (length >= BULK && offset == 0 && length == s.length() && pendingHigh == 0 && !Character.isSurrogate(s.charAt(length - 1))) {
                // A whole string, as FreeMarker writes values and markup: the JDK's encoder reads
                // a Latin-1 string's bytes as they are, then one bulk copy.
                byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
                room(encoded.length);
                System.arraycopy(encoded, 0, bytes, size, encoded.length);
                size += encoded.length;
                return;
            }
            room(3 * length + 4);
            byte[] b = bytes;
            int p = size;
            int end = offset + length;
            int i = offset;
            while (pendingHigh != 0 && i < end) {
                p = encode(s.charAt(i++), b, p);
            }
            for (; i < end; i++) {
                char c = s.charAt(i);
                if (c < 0x80) {
                    b[p++] = (byte) c;
                } else {
                    p = encode(c, b, p);
                    while (pendingHigh != 0 && i + 1 < end) {
                        p = encode(s.charAt(++i), b, p); // the low half, or what stands in its place
                    }
                }
            }
            size = p;
        }

        @Override
        public void write(int c) {
            room(4 + 3);
            size = encode((char) c, bytes, size);
        }

        @Override
        public Writer append(CharSequence s) {
            String text = String.valueOf(s);
            write(text, 0, text.length());
            return this;
        }

        /** Encodes {@code c} (anything but plain ASCII with nothing pending) at {@code p}; returns the new end. */
        private int encode(char c, byte[] b, int p) {
            if (pendingHigh != 0) {
                char high = pendingHigh;
                pendingHigh = 0;
                if (Character.isLowSurrogate(c)) {
                    int cp = Character.toCodePoint(high, c);
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | (cp >> 12 & 0x3F));
                    b[p++] = (byte) (0x80 | (cp >> 6 & 0x3F));
                    b[p++] = (byte) (0x80 | (cp & 0x3F));
                    return p;
                }
                b[p++] = '?'; // a high surrogate without its low half
            }
            if (c < 0x80) {
                b[p++] = (byte) c;
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c)) {
                pendingHigh = c;
            } else if (Character.isLowSurrogate(c)) {
                b[p++] = '?'; // a low surrogate without its high half
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | (c >> 6 & 0x3F));
                b[p++] = (byte) (0x80 | (c & 0x3F));
            }
            return p;
        }

        /** Makes room for {@code more} bytes past the end. */
        private void room(int more) {
            if (more > bytes.length - size) {
                bytes = Arrays.copyOf(bytes, Math.max(size + more, 2 * bytes.length));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        /** The page's bytes: a high surrogate left waiting at the end becomes {@code ?}. */
        byte[] toBytes() {
            if (pendingHigh != 0) {
                pendingHigh = 0;
                room(1);
                bytes[size++] = '?';
            }
            return Arrays.copyOf(bytes, size);
        }
    }

    /**
     * {@code href(url)}: a URL relative to the site's root ({@code politique/mon-article/}), as seen
     * from the page being rendered ({@code page.root} is the way back to the root); absolute URLs
     * are kept as they are. In Java rather than a template function: a page has hundreds of links,
     * and a FreeMarker function call costs as much as the rest of a teaser.
     */
    static final class Href implements TemplateMethodModelEx {
        private static final Object ROOT = new Object();

        @Override
        public Object exec(@SuppressWarnings("rawtypes") List arguments) throws TemplateModelException {
            if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel scalar)) {
                throw new TemplateModelException("href(url) takes one string");
            }
            String url = scalar.getAsString();
            if (url.startsWith("http://") || url.startsWith("https://") || url.startsWith("/")) {
                return url;
            }
            String relative = root() + url;
            return relative.isEmpty() ? "./" : relative;
        }

        private static String root() throws TemplateModelException {
            Environment env = Environment.getCurrentEnvironment();
            Object cached = env.getCustomState(ROOT);
            if (cached == null) {
                TemplateModel page = env.getDataModel().get("page");
                TemplateModel root = page instanceof TemplateHashModel hash ? hash.get("root") : null;
                cached = root instanceof TemplateScalarModel s ? s.getAsString() : "";
                env.setCustomState(ROOT, cached);
            }
            return (String) cached;
        }
    }

    /** A template failed while rendering one page. */
    public static final class RenderException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Problem problem;

        RenderException(Problem problem) {
            super(problem.describe(), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }
}
