package dev.gazette.source;

import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Reads the plain-text news format, as news sites let readers save an article:
 * <pre>
 *  date 2025-09-09 Politique
 *
 * Title
 *
 * Photo caption
 *
 * Lead
 *
 * Par La Rédaction
 * Le 09/09/2025 à 18h36
 *
 * Body paragraphs, separated by blank lines…
 *
 * Par La Rédaction
 * Le 09/09/2025 à 18h36
 * #Tag#Other tag
 *
 * LEs contenus liés
 * …site furniture: related titles, most-read lists, "Voir plus"…
 * </pre>
 * The layout is positional, so the reader anchors on the lines it can recognise for sure (header,
 * byline, dateline, hashtags, furniture headings) and never lets anything after the body's end
 * back into the body.
 */
final class NewsTextReader {

    private static final Pattern HEADER = Pattern.compile("(?i)date(?:\\s*:\\s*|\\s+|$)(\\S+)?\\s*(.*)");
    /** The optional slug line, directly under the header: {@code slug: the-slug}. */
    private static final Pattern SLUG_LINE = Pattern.compile("(?i)slug\\s*:\\s*(.*)");
    private static final Pattern BYLINE = Pattern.compile("(?i)par\\s*:?\\s+(\\S.*)");
    private static final String FRENCH_TIME = "\\d{1,2}/\\d{1,2}/\\d{4}(?:\\s*(?:à|a)?\\s*\\d{1,2}\\s*[h:]\\s*\\d{2})?";
    private static final Pattern DATELINE = Pattern.compile("(?iu)le\\s+(" + FRENCH_TIME + ")"
            + "\\s*(?:[-–—|,(]?\\s*(?:modifi[ée]|mis\\s+à\\s+jour)\\s+le\\s+(" + FRENCH_TIME + ")\\s*\\)?)?");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*,\\s*|\\s+et\\s+|\\s*&\\s*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");
    /** Longer than any real byline or tag; past it a line is prose. */
    private static final int SHORT_LINE = 80;
    private static final String HEADER_FIX = "make the first line ` date 2025-09-09 Politique`: the word `date`, "
            + "the day of publication (YYYY-MM-DD), then the rubric; then a blank line and the title.";

    private NewsTextReader() {
    }

    static ParsedSource read(String source, String text, ParseContext ctx) {
        return new Reading(source, text, ctx).run();
    }

    /** What a furniture line announces. */
    private enum Section { RELATED, DROPPED }

    /** One reading of one file: the lines and the problems found so far. */
    private static final class Reading {

        private final String source;
        private final ParseContext ctx;
        private final String[] lines;
        private final List<Problem> problems = new ArrayList<>();
        /** The opening `Par X` line: repeated, with or without its dateline, it closes the body. */
        private String openingByline = "";

        Reading(String source, String text, ParseContext ctx) {
            this.source = source;
            this.ctx = ctx;
            String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
            if (normalised.startsWith("\uFEFF")) {
                normalised = normalised.substring(1);
            }
            // Saved pages are full of non-breaking spaces (before `:` in French, in dates); they
            // must not defeat the patterns nor survive as odd characters in titles.
            this.lines = normalised.replace('\u00A0', ' ').replace('\u202F', ' ').split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                lines[i] = lines[i].strip();
            }
        }

        ParsedSource run() {
            int h = nextNonBlank(0);
            if (h < 0) {
                return failure(1, null, "the file is empty.", HEADER_FIX);
            }
            Matcher header = HEADER.matcher(lines[h]);
            if (!header.matches()) {
                return failure(h + 1, null, "missing the header line `date YYYY-MM-DD Rubrique` (the first line is `"
                        + abbreviate(lines[h]) + "`).", HEADER_FIX);
            }
            LocalDate headerDay = headerDay(header.group(1), h);
            Term rubric = rubric(header.group(2), h);
            // A slug line is recognised only directly under the header: a title always follows a blank line
            // there, so a headline starting with "Slug:" is never taken for one.
            boolean slugLine = h + 1 < lines.length && SLUG_LINE.matcher(lines[h + 1]).matches();
            String givenSlug = slugLine ? givenSlug(h + 1) : null;

            int t = nextNonBlank(h + (slugLine ? 2 : 1));
            if (t < 0 || isByline(t) || isDateline(t) || isHashtags(t) || furniture(t) != null || isBoilerplate(t)) {
                problems.add(Problem.error(source, h + 3, "title", "the title is missing: after the header line comes "
                                + (t < 0 ? "nothing" : "`" + abbreviate(lines[t]) + "`") + ".",
                        "put the headline on line " + (h + 3) + ", after the header line and a blank line, "
                                + "then the photo caption, the lead and the byline `Par ...`."));
                return ParsedSource.failed(problems);
            }
            int titleEnd = paragraphEnd(t, true);
            String title = join(t, titleEnd);
            if (titleEnd - t > 1) {
                problems.add(Problem.warning(source, t + 1, "title", "the title runs over " + (titleEnd - t)
                        + " lines; they were joined into one headline.",
                        "if the next lines are the caption or the lead, put a blank line after the title."));
            }
            String slug = givenSlug != null ? givenSlug : Slugs.ofTitle(title, 80, ctx.language(), ctx.slugs());
            String legacySlug = slugLine ? null : Slugs.legacyOfTitle(title, 80);
            if (slug.isEmpty() && !slugLine) {
                problems.add(Problem.error(source, t + 1, "title", "the title `" + abbreviate(title)
                        + "` has no letter or digit to make a URL from.", "write the headline with words."));
            }

            // Caption and lead: the paragraphs between the title and the byline.
            List<Paragraph> head = new ArrayList<>();
            int i = paragraphsUntil(titleEnd, head, true);
            List<String> body = new ArrayList<>();
            String caption = "";
            String lead = "";
            List<String> authors = List.of();
            int dateline = -1;
            if (i < lines.length && (isBylineInHead(i) || isDateline(i))) {
                Byline byline = byline(i);
                openingByline = BYLINE.matcher(lines[i]).matches() ? lines[i] : "";
                authors = byline.authors();
                dateline = byline.dateline();
                switch (head.size()) {
                    case 0 -> problems.add(Problem.warning(source, i + 1, "lead", "no lead between the title and the byline.",
                            "write the lead (chapô) as a paragraph above the byline `Par ...`."));
                    case 1 -> lead = head.get(0).text();
                    default -> {
                        caption = head.get(0).text();
                        lead = head.get(head.size() - 1).text();
                        if (head.size() > 2) {
                            problems.add(Problem.warning(source, head.get(1).line(), "lead", (head.size() - 2)
                                    + " paragraph(s) between the caption and the lead were moved to the start of the body.",
                                    "keep only the photo caption and the lead between the title and the byline `Par ...`."));
                            head.subList(1, head.size() - 1).forEach(p -> body.add(p.text()));
                        }
                    }
                }
                List<Paragraph> rest = new ArrayList<>();
                i = paragraphsUntil(byline.end(), rest, false);
                rest.forEach(p -> body.add(p.text()));
            } else {
                // Without a byline nothing marks where the lead ends: the first paragraph is the
                // likeliest lead, and keeping the rest as body loses no text.
                problems.add(Problem.warning(source, titleEnd + 1, "authors", "no byline `Par ...` and dateline after the lead; "
                                + "took the first paragraph after the title as the lead and the rest as the body.",
                        "add the byline `Par Prénom Nom` and the dateline `Le 09/09/2025 à 18h36` between the lead and the body."));
                if (!head.isEmpty()) {
                    lead = head.get(0).text();
                    head.subList(1, head.size()).forEach(p -> body.add(p.text()));
                }
            }
            if (body.isEmpty()) {
                problems.add(Problem.warning(source, Math.min(i, lines.length - 1) + 1, null, "the article has no body text.",
                        "add the body paragraphs after the byline and the dateline, separated by blank lines."));
            }

            Tail tail = tail(i, rubric);
            Dating dates = dates(headerDay, h, dateline);

            if (problems.stream().anyMatch(Problem::isError)) {
                return ParsedSource.failed(problems);
            }
            StringBuilder html = new StringBuilder();
            for (String paragraph : body) {
                html.append("<p>").append(Entities.escape(paragraph)).append("</p>");
            }
            Article article = new Article(source, SourceFormat.NEWS_TEXT, slug, title, dates.date(), dates.updated(), rubric,
                    tail.tags(), authors, lead, Body.of(ctx.sanitizer().sanitize(html.toString())), null, caption, false, null,
                    List.of(), tail.relatedTitles(), List.of(), legacySlug, 0, dates.dayOnly());
            return ParsedSource.of(article, problems);
        }

        /** The slug written on line {@code i + 1} ({@code slug: ...}), cleaned; empty (with an error) when unusable. */
        private String givenSlug(int i) {
            Matcher m = SLUG_LINE.matcher(lines[i]);
            m.matches();
            String given = m.group(1);
            String clean = Slugs.of(given, ctx.slugs());
            String fix = "write the slug in lower-case letters, digits and hyphens, e.g. `slug: "
                    + (clean.isEmpty() ? "mon-article" : clean) + "`, or remove the line to take the slug from the title.";
            if (given.contains("/") || given.contains("\\") || given.contains("..")) {
                problems.add(Problem.error(source, i + 1, "slug", "`" + abbreviate(given) + "` tries to leave the article's folder.", fix));
                return "";
            }
            if (clean.isEmpty()) {
                problems.add(Problem.error(source, i + 1, "slug", "the slug line gives no slug with a letter or digit.", fix));
                return "";
            }
            if (!clean.equals(given)) {
                problems.add(Problem.warning(source, i + 1, "slug", "`" + abbreviate(given) + "` is not a clean slug; using `" + clean + "`.",
                        "write `slug: " + clean + "`."));
            }
            return clean;
        }

        private LocalDate headerDay(String token, int h) {
            if (token == null) {
                problems.add(Problem.error(source, h + 1, "date", "the header line has no day.", HEADER_FIX));
                return null;
            }
            try {
                return Dates.parse(token, ctx.zone()).toLocalDate();
            } catch (DateTimeParseException e) {
                problems.add(Problem.error(source, h + 1, "date", "`" + token + "` in the header line is not a day ("
                        + e.getMessage() + ").", "write the day as YYYY-MM-DD, e.g. ` date 2025-09-09 Politique`."));
                return null;
            }
        }

        private Term rubric(String name, int h) {
            if (name == null || name.isBlank()) {
                problems.add(Problem.warning(source, h + 1, "rubric", "the header line names no rubric; the article has none.",
                        "add the rubric after the day, e.g. ` date 2025-09-09 Politique`."));
                return null;
            }
            Term rubric = Term.of(name, ctx.slugs());
            if (rubric.slug().isEmpty()) {
                problems.add(Problem.warning(source, h + 1, "rubric", "the rubric `" + name.strip()
                        + "` has no letter or digit to make a URL from; ignored.", "name the rubric with words, e.g. `Politique`."));
                return null;
            }
            return rubric;
        }

        /**
         * The publication and update times. The dateline carries the time of day, so it wins over
         * the header; the header's day is the fallback.
         */
        private Dating dates(LocalDate headerDay, int h, int dateline) {
            ZonedDateTime date = null;
            ZonedDateTime updated = null;
            boolean dayOnly = false;
            if (dateline >= 0) {
                Matcher m = DATELINE.matcher(lines[dateline]);
                if (m.matches()) {
                    try {
                        date = Dates.parse(m.group(1), ctx.zone());
                        dayOnly = Dates.dayOnly(m.group(1));
                    } catch (DateTimeParseException e) {
                        problems.add(Problem.warning(source, dateline + 1, "date", "the dateline is no valid date ("
                                + e.getMessage() + "); used the header's day at midnight.",
                                "write the dateline as `Le 09/09/2025 à 18h36`."));
                    }
                    if (m.group(2) != null) {
                        updated = updated(m.group(2), date, dateline);
                    }
                }
            }
            if (headerDay == null) {
                return new Dating(date, updated, dayOnly);
            }
            if (date == null) {
                if (dateline < 0) {
                    problems.add(Problem.warning(source, h + 1, "date", "no dateline `Le DD/MM/YYYY à HHhMM` under the byline; "
                            + "the article is dated " + headerDay + " at 00:00.",
                            "add the dateline under the byline, e.g. `Le 09/09/2025 à 18h36`."));
                }
                date = headerDay.atStartOfDay(ctx.zone());
                dayOnly = true;
            } else if (!date.toLocalDate().equals(headerDay)) {
                problems.add(Problem.warning(source, dateline + 1, "date", "the dateline (line " + (dateline + 1) + ") says "
                                + date.toLocalDate() + " but the header line (line " + (h + 1) + ") says " + headerDay
                                + "; used the dateline.",
                        "make the day in the header line and the dateline agree."));
            }
            return new Dating(date, updated, dayOnly);
        }

        /** {@code dayOnly}: the source gives the day without a time (midnight is not to be shown). */
        private record Dating(ZonedDateTime date, ZonedDateTime updated, boolean dayOnly) {
        }

        private ZonedDateTime updated(String text, ZonedDateTime date, int dateline) {
            try {
                ZonedDateTime updated = Dates.parse(text, ctx.zone());
                if (date != null && updated.isBefore(date)) {
                    problems.add(Problem.warning(source, dateline + 1, "updated", "the update time is before the publication time; ignored.",
                            "correct the `modifié le` part of the dateline."));
                    return null;
                }
                return updated;
            } catch (DateTimeParseException e) {
                problems.add(Problem.warning(source, dateline + 1, "updated", "the update time is no valid date ("
                        + e.getMessage() + "); ignored.", "write it as `modifié le 10/09/2025 à 09h15`."));
                return null;
            }
        }

        private record Byline(List<String> authors, int dateline, int end) {
        }

        /** The byline block starting at line index {@code i}: `Par X` and the dateline, in either order. */
        private Byline byline(int i) {
            int dateline = -1;
            int end = i + 1;
            String names = null;
            Matcher par = BYLINE.matcher(lines[i]);
            if (par.matches()) {
                names = par.group(1);
                int next = nextNonBlank(i + 1);
                if (next >= 0 && isDateline(next)) {
                    dateline = next;
                    end = next + 1;
                }
            } else {
                dateline = i;
                int next = nextNonBlank(i + 1);
                Matcher after = next < 0 ? null : BYLINE.matcher(lines[next]);
                if (after != null && after.matches() && lines[next].length() <= SHORT_LINE) {
                    names = after.group(1);
                    end = next + 1;
                } else {
                    problems.add(Problem.warning(source, i + 1, "authors", "no byline `Par ...` with the dateline; the article has no author.",
                            "add a line `Par Prénom Nom` above the dateline."));
                }
            }
            List<String> authors = new ArrayList<>();
            if (names != null) {
                for (String name : NAME_SEPARATORS.split(names)) {
                    String n = name.strip();
                    if (!n.isEmpty() && !authors.contains(n)) {
                        authors.add(n);
                    }
                }
            }
            return new Byline(authors, dateline, end);
        }

        private record Tail(List<Term> tags, List<String> relatedTitles) {
        }

        /**
         * Everything after the body: the closing byline, the hashtags, then the site's furniture,
         * of which only the related titles are kept.
         */
        private Tail tail(int from, Term rubric) {
            Set<String> sectionSlugs = new LinkedHashSet<>();
            if (rubric != null) {
                sectionSlugs.add(rubric.slug());
            }
            // The boilerplate line names the related article's rubric, which the site then repeats
            // alone on a line: learn those names first so they are not mistaken for titles.
            for (int i = from; i < lines.length; i++) {
                if (isBoilerplate(i)) {
                    sectionSlugs.add(Slugs.of(lines[i].substring(0, Math.max(0, lines[i].indexOf('|'))), ctx.slugs()));
                }
            }
            Map<String, Term> tags = new LinkedHashMap<>();
            List<String> related = new ArrayList<>();
            Section section = null;
            int ignored = 0;
            int firstIgnored = -1;
            for (int i = from; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty()) {
                    continue;
                }
                Section heading = furniture(i);
                if (heading != null) {
                    section = heading;
                } else if (isBoilerplate(i)) {
                    section = section == null ? Section.RELATED : section;
                } else if (section == null && isHashtags(i)) {
                    addTags(i, tags);
                } else if (section == null && (isBylineInHead(i) || isDateline(i))) {
                    continue; // the closing byline repeats the opening one
                } else if (section == Section.RELATED) {
                    if (!sectionSlugs.contains(Slugs.of(line, ctx.slugs())) && !related.contains(line)) {
                        related.add(line);
                    }
                } else if (section == null) {
                    ignored++;
                    firstIgnored = firstIgnored < 0 ? i : firstIgnored;
                }
            }
            if (ignored > 0) {
                problems.add(Problem.warning(source, firstIgnored + 1, null, ignored + " line(s) after the closing byline were ignored, from `"
                                + abbreviate(lines[firstIgnored]) + "`.",
                        "if they belong to the body, move them above the closing byline `Par ...`; otherwise delete them."));
            }
            return new Tail(List.copyOf(tags.values()), related);
        }

        private void addTags(int i, Map<String, Term> tags) {
            for (String name : lines[i].split("#")) {
                if (name.isBlank()) {
                    continue;
                }
                Term tag = Term.of(name, ctx.slugs());
                if (tag.slug().isEmpty()) {
                    problems.add(Problem.warning(source, i + 1, "tags", "the hashtag `#" + name.strip()
                            + "` has no letter or digit; ignored.", "remove it or write it with words."));
                } else {
                    tags.putIfAbsent(tag.slug(), tag);
                }
            }
        }

        private record Paragraph(int line, String text) {
        }

        /**
         * Collects paragraphs from line index {@code from} up to the next line that ends this part of
         * the article; returns that line's index (or the end of the file).
         */
        private int paragraphsUntil(int from, List<Paragraph> out, boolean head) {
            int i = from;
            while (true) {
                i = nextNonBlank(i);
                if (i < 0) {
                    return lines.length;
                }
                if (endsPart(i, head)) {
                    return i;
                }
                int end = paragraphEnd(i, head);
                out.add(new Paragraph(i + 1, join(i, end)));
                i = end;
            }
        }

        private boolean endsPart(int i, boolean head) {
            if (isDateline(i) || isHashtags(i) || furniture(i) != null || isBoilerplate(i)) {
                return true;
            }
            return head ? isBylineInHead(i) : isByline(i) || (!openingByline.isEmpty() && lines[i].equals(openingByline));
        }

        /** The end (exclusive) of the paragraph starting at {@code start}: a blank or a marker line. */
        private int paragraphEnd(int start, boolean head) {
            int i = start + 1;
            while (i < lines.length && !lines[i].isEmpty() && !endsPart(i, head)) {
                i++;
            }
            return i;
        }

        /** A `Par X` line that the dateline follows: certainly a byline, even inside the body. */
        private boolean isByline(int i) {
            if (lines[i].length() > SHORT_LINE || !BYLINE.matcher(lines[i]).matches()) {
                return false;
            }
            int next = nextNonBlank(i + 1);
            return next >= 0 && isDateline(next);
        }

        /**
         * Before the body a `Par X` line is a byline even without a dateline, when it looks like a
         * name: short, capitalised, not a sentence ("Par ailleurs, ..." is prose).
         */
        private boolean isBylineInHead(int i) {
            if (isByline(i)) {
                return true;
            }
            Matcher m = BYLINE.matcher(lines[i]);
            if (!m.matches() || lines[i].length() > SHORT_LINE) {
                return false;
            }
            String names = m.group(1);
            return Character.isUpperCase(names.codePointAt(0)) && !names.matches(".*[.!?;:]$");
        }

        private boolean isDateline(int i) {
            return lines[i].length() <= 2 * SHORT_LINE && DATELINE.matcher(lines[i]).matches();
        }

        /** {@code #Russie#Maroc#Roi Mohammed VI}: hashtags, each short; a long one is prose. */
        private boolean isHashtags(int i) {
            String line = lines[i];
            if (line.length() < 2 || line.charAt(0) != '#' || line.charAt(1) == '#' || Character.isWhitespace(line.charAt(1))) {
                return false;
            }
            for (String name : line.split("#")) {
                if (name.strip().length() > SHORT_LINE / 2) {
                    return false;
                }
            }
            return true;
        }

        /** `Politique | Retrouvez toute l'actualité ... www.le360.ma`: the site's slogan. */
        private boolean isBoilerplate(int i) {
            return lines[i].indexOf('|') > 0 && key(lines[i]).contains("retrouvez toute");
        }

        /** The section a furniture heading opens, or {@code null} when line {@code i} is none. */
        private Section furniture(int i) {
            if (lines[i].length() > SHORT_LINE / 2) {
                return null;
            }
            String key = key(lines[i]);
            return switch (key) {
                case "les contenus lies", "contenus lies" -> Section.RELATED;
                case "articles les plus lus", "les articles les plus lus", "les plus lus",
                        "revues de presse", "revue de presse" -> Section.DROPPED;
                default -> key.startsWith("voir plus") ? Section.DROPPED : null;
            };
        }

        private int nextNonBlank(int from) {
            for (int i = from; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    return i;
                }
            }
            return -1;
        }

        private String join(int from, int to) {
            return String.join(" ", List.of(lines).subList(from, to)).replaceAll("\\s+", " ").strip();
        }

        private ParsedSource failure(int line, String field, String message, String fix) {
            problems.add(Problem.error(source, line, field, message, fix));
            return ParsedSource.failed(problems);
        }
    }

    /** Lower-case ASCII words separated by single spaces: how furniture headings are compared. */
    private static String key(String line) {
        String bare = COMBINING_MARKS.matcher(Normalizer.normalize(line, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALNUM.matcher(bare.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}
