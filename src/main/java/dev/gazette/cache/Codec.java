package dev.gazette.cache;

import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import dev.gazette.source.ParsedSource;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The binary form of a parsed source in the cache. Written by hand rather than with Java
 * serialization: it is several times faster, it does not tie the model records to
 * {@code Serializable}, and a change of layout is caught by {@link #LAYOUT} instead of by a
 * stream that happens to decode.
 */
final class Codec {

    /**
     * Bumped whenever the layout below changes, or what a cached entry holds does (2: the text
     * analysis for related content changed its stemming, stop words and names; 3: articles hold
     * their aliases and the slug their title gave under the old rule; 4: the featured weight, and
     * whether the date had no time; 5: the body in an entry of its own, by its hash).
     */
    static final int LAYOUT = 5;

    /**
     * Where a parsed source's body is: not in the source's entry but in one of its own, named by
     * the hash of its UTF-8 bytes ({@link CachedBody}); the empty body has none.
     */
    record BodyRef(long hashHigh, long hashLow, int length, boolean imageTag) {
        static final BodyRef EMPTY = new BodyRef(0, 0, 0, false);
    }

    private Codec() {
    }

    static byte[] encode(ParsedSource parsed, BodyRef body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(LAYOUT);
            out.writeInt(parsed.problems().size());
            for (Problem p : parsed.problems()) {
                out.writeBoolean(p.isError());
                string(out, p.file());
                out.writeInt(p.line());
                string(out, p.field());
                string(out, p.message());
                string(out, p.fix());
            }
            Article a = parsed.article();
            out.writeBoolean(a != null);
            if (a != null) {
                string(out, a.source());
                out.writeByte(a.format().ordinal());
                string(out, a.slug());
                string(out, a.title());
                date(out, a.date());
                date(out, a.updated());
                term(out, a.rubric());
                out.writeInt(a.tags().size());
                for (Term t : a.tags()) {
                    term(out, t);
                }
                strings(out, a.authors());
                string(out, a.lead());
                out.writeLong(body.hashHigh());
                out.writeLong(body.hashLow());
                out.writeInt(body.length());
                out.writeBoolean(body.imageTag());
                string(out, a.image());
                string(out, a.caption());
                out.writeBoolean(a.draft());
                string(out, a.language());
                strings(out, a.pinnedSlugs());
                strings(out, a.relatedTitles());
                strings(out, a.aliases());
                string(out, a.legacySlug());
                out.writeInt(a.featured());
                out.writeBoolean(a.dateOnly());
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The parsed source in {@code in}, its body made by {@code bodyOf} from where it is; throws on
     * anything that is not exactly what {@link #encode} wrote.
     */
    static ParsedSource decode(ByteReader in, Function<BodyRef, Body> bodyOf) throws IOException {
        if (in.readInt() != LAYOUT) {
            throw new IOException("another layout");
        }
        int problems = count(in);
        List<Problem> list = new ArrayList<>(problems);
        for (int i = 0; i < problems; i++) {
            boolean error = in.readBoolean();
            String file = string(in);
            int line = in.readInt();
            String field = string(in);
            String message = string(in);
            String fix = string(in);
            list.add(error ? Problem.error(file, line, field, message, fix) : Problem.warning(file, line, field, message, fix));
        }
        Article article = null;
        if (in.readBoolean()) {
            String source = string(in);
            SourceFormat format = SourceFormat.values()[in.readByte()];
            String slug = string(in);
            String title = string(in);
            ZonedDateTime date = date(in);
            ZonedDateTime updated = date(in);
            Term rubric = term(in);
            int tagCount = count(in);
            List<Term> tags = new ArrayList<>(tagCount);
            for (int i = 0; i < tagCount; i++) {
                tags.add(term(in));
            }
            List<String> authors = strings(in);
            String lead = string(in);
            long high = in.readLong();
            long low = in.readLong();
            int length = in.readInt();
            boolean imageTag = in.readBoolean();
            if (length < 0) {
                throw new IOException("bad length");
            }
            Body body = length == 0 ? Body.EMPTY : bodyOf.apply(new BodyRef(high, low, length, imageTag));
            if (body == null) {
                throw new IOException("the body's entry is missing");
            }
            String image = string(in);
            String caption = string(in);
            boolean draft = in.readBoolean();
            String language = string(in);
            List<String> pins = strings(in);
            List<String> relatedTitles = strings(in);
            List<String> aliases = strings(in);
            String legacySlug = string(in);
            int featured = in.readInt();
            if (featured < 0) {
                throw new IOException("bad featured weight");
            }
            boolean dateOnly = in.readBoolean();
            article = new Article(source, format, slug, title, date, updated, rubric, tags, authors, lead, body, image, caption,
                    draft, language, pins, relatedTitles, aliases, legacySlug, featured, dateOnly);
        }
        return new ParsedSource(article, list);
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String string(ByteReader in) throws IOException {
        int n = in.readInt();
        if (n == -1) {
            return null;
        }
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad length");
        }
        return new String(in.readBytes(n), StandardCharsets.UTF_8);
    }

    private static void strings(DataOutputStream out, List<String> list) throws IOException {
        out.writeInt(list.size());
        for (String s : list) {
            string(out, s);
        }
    }

    private static List<String> strings(ByteReader in) throws IOException {
        int n = count(in);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            list.add(string(in));
        }
        return list;
    }

    private static int count(ByteReader in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.remaining()) {
            throw new IOException("bad count");
        }
        return n;
    }

    private static void term(DataOutputStream out, Term t) throws IOException {
        out.writeBoolean(t != null);
        if (t != null) {
            string(out, t.name());
            string(out, t.slug());
        }
    }

    private static Term term(ByteReader in) throws IOException {
        return in.readBoolean() ? new Term(string(in), string(in)) : null;
    }

    private static void date(DataOutputStream out, ZonedDateTime d) throws IOException {
        out.writeBoolean(d != null);
        if (d != null) {
            out.writeLong(d.toEpochSecond());
            out.writeInt(d.getNano());
            string(out, d.getZone().getId());
        }
    }

    private static ZonedDateTime date(ByteReader in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        long seconds = in.readLong();
        int nanos = in.readInt();
        return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds, nanos), ZoneId.of(string(in)));
    }
}
