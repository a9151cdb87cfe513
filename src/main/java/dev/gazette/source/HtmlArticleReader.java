package dev.gazette.source;

import dev.gazette.images.ImagePaths;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.gazette.model.Article;
import dev.gazette.model.Body;
import dev.gazette.model.Problem;
import dev.gazette.model.Slugs;
import dev.gazette.model.SourceFormat;
import dev.gazette.model.Term;
import dev.gazette.text.ControlCharacters;
import java.net.URI;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.CDataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.select.Elements;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * Reads an article page saved from a news site. Sites describe their articles three times, with
 * falling reliability: JSON-LD ({@code schema.org} {@code NewsArticle}), Open Graph and
 * {@code article:*} meta tags, then the visible document. Each field is taken from the first of
 * those that has it; the body comes from the {@code <article>} element stripped of the parts that
 * are already fields (headline, lead, byline, main image) and of the site's furniture.
 *
 * <p>Escapes can write control characters that no page may carry, although the file itself holds
 * none: character references ({@code &#1;}, {@code &#x7f;}) and JSON-LD's string escapes. They are
 * removed where the escapes are expanded (parsing the page, parsing each JSON-LD block, decoding a
 * value's references again), with one warning for the page.
 */
final class HtmlArticleReader {

    private static final Set<String> ARTICLE_TYPES = Set.of("NewsArticle", "Article", "ReportageNewsArticle",
            "AnalysisNewsArticle", "OpinionNewsArticle", "BlogPosting");
    /** Class or id words of bylines; matched per word so `authorized-content` does not count. */
    private static final Pattern BYLINE_CLASS = Pattern.compile("(?i)(?:^|[-_])(?:byline|bylines|author|authors|auteur|auteurs|signature)(?:[-_]|$)");
    /** Class or id words of a chapô; per word, so `leaderboard` (an advert) is none. */
    private static final Pattern LEAD_CLASS = Pattern.compile("(?i)(?:^|[-_])(?:chapo|chapeau|lead|leadin|intro|standfirst|dek|deck"
            + "|summary|sapo|desc|description|strapline|subtitle|subheadline|sous-titre|bajada|entradilla|linha-fina)(?:[-_]|$)");
    /** Class or id words of the widgets sites put around and inside articles. */
    private static final Pattern FURNITURE_CLASS = Pattern.compile("(?i)(?:^|[-_])(?:share|sharing|sharer|social|partage|partager"
            + "|newsletter|related|tags|ad|ads|advert|advertisement|adsense|pub|promo|breadcrumb|breadcrumbs|comments|comment"
            + "|read-also|lire-aussi|popular|most-read|trending|recommended|recirc|outbrain|taboola|gallery|slideshow|carousel"
            + "|video|player|sidebar|widget|subscribe|more|teaser|teasers|meta|date|dateline|timestamp)(?:[-_]|$)");
    // Tag names as sets, not CSS queries: `e.is(query)` parses the query and walks up to the
    // root on every call, which costs the page's depth for each of its elements.
    private static final Set<String> STRUCTURAL_FURNITURE = Set.of("header", "footer", "nav", "aside", "form");
    private static final Set<String> BYLINE_TAGS = Set.of("p", "div", "span", "address");
    private static final Set<String> MEDIA = Set.of("img", "video", "audio", "picture");
    /** Elements that are something even without text: kept when the body's empty wrappers go. */
    private static final Set<String> KEPT_EMPTY = Set.of("br", "hr", "td", "th", "source");
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, frame, object, embed, svg, "
            + "button, input, select, textarea, dialog, link, meta";
    private static final String MONTHS = "january|february|march|april|may|june|july|august|september|october|november|december"
            + "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre"
            + "|novembre|décembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
            + "|januar|februar|märz|juni|juli|oktober|dezember";
    private static final Pattern BYLINE_TEXT = Pattern.compile("(?iu)^(?:par|by|von|por|door|di|av|af|przez|автор|автор:|بقلم|كتب)"
            + "\\s*:?\\s+(.+)");
    /**
     * Where a byline's names stop: a dash, a bar, a date (a digit, even glued to the name as in
     * "Lucas Nolan22 Dec", or a month's name before one), or the words of a timestamp.
     */
    private static final Pattern BYLINE_END = Pattern.compile(
            "(?iu)\\s*(?:\\s[-–—]\\s|[|·•]|,?\\s*(?:publié|mis à jour|modifié|last updated|last modified|updated|published|posted)\\b"
            + "|\\s+le\\s+\\d|,?\\s+(?:" + MONTHS + ")\\.?\\s*\\d|\\s*\\d|\\s*\\(|\\s+(?:in|à|en|em|aus|in der)\\s+\\p{Lu}).*$");
    /** Co-authors a byline names in brackets after the first ("(avec …)", "(with …)"); other brackets hold a place or a role. */
    private static final Pattern CO_AUTHORS = Pattern.compile("(?iu)\\s*\\((?:avec|with|con|com|mit|met)\\s+([^()]+)\\)");
    /** Words that say what a person does, not who: a byline naming one holds a role after the name. */
    private static final Pattern ROLE = Pattern.compile("(?iu)\\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor"
            + "|staff|critic|producer|analyst|photographer|envoyée? spéciale?|correspondante?|rédact(?:eur|rice)|journaliste)\\b");
    /** The words of a timestamp, which sites print where the byline goes. */
    private static final Pattern TIMESTAMP = Pattern.compile("(?iu)(?:last\\s+updated|last\\s+modified|updated|published|posted"
            + "|mis à jour|publié|modifié|actualizado|aktualisiert)\\b");
    /** What follows a headline in a title that names the site: a separator, then a few words. */
    private static final Pattern SITE_SUFFIX = Pattern.compile("\\s*[|\\-–—:·•]\\s*\\S.{0,60}");
    private static final Pattern SEPARATOR_END = Pattern.compile("\\s*[|\\-–—:·•]\\s*$");
    /** Words of the names of papers, agencies and desks, which bylines print after the people. */
    private static final Pattern ORGANISATION = Pattern.compile("(?iu)\\b(?:news|press|agency|agence|times|post|journal|tribune"
            + "|herald|gazette|reuters|afp|ap|dpa|efe|ansa|bbc|cnn|associated|media|online|digital|magazine|newspaper|staff|desk"
            + "|newsroom|rédaction|redaction|redacción|redação|redaktion|service|bureau|team|équipe)\\b");
    /** Class or id words of a printed date. */
    private static final Pattern DATE_CLASS = Pattern.compile("(?i)(?:^|[-_])(?:date|dateline|timestamp|published|pubdate|time)(?:[-_]|$)");
    /** Words sites print as labels of their players, adverts and buttons, never as a story's text. */
    private static final Set<String> LABELS = Set.of("advertisement", "advertising", "publicité", "publicite", "anzeige", "publicidad",
            "pubblicità", "sponsored", "play", "pause", "mute", "unmute", "fullscreen", "full screen", "exit fullscreen", "replay",
            "share", "share this", "share this article", "partager", "copy link", "copier le lien", "skip advertisement",
            "continue reading the main story", "read more", "lire aussi", "lire plus", "close", "fermer", "watch", "listen",
            "loading", "chargement", "play video", "watch video", "now playing", "up next");
    private static final Set<String> PARTICLES = Set.of("de", "da", "di", "del", "van", "von", "der", "le", "la", "al", "el", "ben", "bin", "ibn");
    private static final Pattern NAME_SEPARATORS = Pattern.compile("\\s*[,;]\\s*|\\s+et\\s+|\\s+and\\s+|\\s+und\\s+|\\s+y\\s+|\\s*&\\s*");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*");
    private static final int MAX_BYLINE = 120;
    private static final Pattern CDATA = Pattern.compile(
            "(?s)\\s*(?://|/\\*)?\\s*<!\\[CDATA\\[\\s*(?:\\*/)?(.*?)(?://|/\\*)?\\s*\\]\\]>\\s*(?:\\*/)?\\s*");
    /**
     * Meta tags naming the publication date, most specific first: Dublin Core, the generic
     * {@code date}, and the names CMSs and analytics tools write.
     */
    private static final List<String> DATE_METAS = List.of("article:published_time", "datePublished", "DC.date.issued",
            "dcterms.issued", "DC.date.created", "dcterms.created", "DC.date", "dc.date", "date", "pubdate", "publishdate",
            "publish-date", "og:published_time", "sailthru.date", "parsely-pub-date", "cXenseParse:recs:publishtime");

    /** Meta tags naming the update time, after {@code article:modified_time}: the same vocabularies as {@link #DATE_METAS}. */
    private static final List<String> UPDATE_METAS = List.of("og:updated_time", "dateModified", "DC.date.modified", "dcterms.modified",
            "last-modified", "lastmod");

    private HtmlArticleReader() {
    }

    static ParsedSource read(String source, String text, ParseContext ctx) {
        return new Reading(source, text, ctx).run();
    }

    /** A candidate value and where it was found, for choosing among sources and for messages. */
    private record Found(String value, String where, int line) {
    }

    /** One reading of one page. */
    private static final class Reading {

        private final String source;
        private final ParseContext ctx;
        private final Document doc;
        private final List<Problem> problems = new ArrayList<>();
        private final Map<String, JsonObject> nodesById = new HashMap<>();
        private final ControlCharacters.Tally controls = new ControlCharacters.Tally();
        /** {@link #plain} of each text seen, so that a control it decodes is counted once. */
        private final Map<String, String> plainTexts = new HashMap<>();
        private JsonObject ld;
        private int ldLine;
        /** Bounds on the text length of the container's elements, known once the container is. */
        private TextSizes sizes = TextSizes.NONE;
        /** The page's {@code <base href>}, looked up once: empty for none; {@code null} until needed. */
        private java.util.Optional<Element> base;
        private List<Element> metaElements;
        /** The page's blocks measured by their prose and links. */
        private TextDensity density;

        Reading(String source, String text, ParseContext ctx) {
            this.source = source;
            this.ctx = ctx;
            this.doc = parse(text);
            doc.outputSettings().prettyPrint(false);
            removeControls();
        }

        /**
         * The page, with each element's place in the source for messages. jsoup's position tracking
         * breaks on some malformed pages (1.22.1 throws a NullPointerException for a {@code </body>}
         * under more than 256 open elements): such a page is read again without positions, and its
         * problems name no line rather than the page being lost.
         */
        private static Document parse(String text) {
            try {
                return Jsoup.parse(text, "", Parser.htmlParser().setTrackPosition(true));
            } catch (RuntimeException e) {
                return Jsoup.parse(text, "", Parser.htmlParser());
            }
        }

        /**
         * Parsing decoded the page's character references: the controls they name ({@code &#1;})
         * go from every text and attribute value, before any field or the body is read.
         */
        private void removeControls() {
            // The line is looked up only for the rare text that holds one.
            NodeTraversor.traverse((node, depth) -> {
                if (node instanceof TextNode t && ControlCharacters.in(t.getWholeText())) {
                    t.text(controls.strip(t.getWholeText(), line(t), null));
                } else if (node instanceof Element e) {
                    for (Attribute a : e.attributes()) {
                        if (ControlCharacters.in(a.getValue())) {
                            a.setValue(controls.strip(a.getValue(), line(e), null));
                        }
                    }
                }
            }, doc);
        }

        /** The warning for the control characters escapes wrote, if any; once, when the page is read. */
        private void reportControls() {
            controls.removed().ifPresent(r -> problems.add(r.warning(source, 0,
                    " written as character references (`&#1;`) or JSON escapes",
                    "remove the references such as `&#1;` or `&#x7f;` (and JSON-LD escapes such as `\\u0001`) from the page; "
                            + "the rest of its text is kept.")));
        }

        ParsedSource run() {
            pageZone = ctx.zone();
            readJsonLd();
            Element container = container();
            sizes = new TextSizes(container);

            Element h1 = container.selectFirst("h1");
            String title = title(h1);
            String language = language();
            String slug = title == null ? "" : Slugs.ofTitle(title, 80, language == null ? ctx.language() : language, ctx.slugs());
            if (title != null && slug.isEmpty()) {
                problems.add(Problem.error(source, 0, "title", "the title `" + title + "` has no letter or digit to make a URL from.",
                        "write the headline with words."));
            }
            ZonedDateTime date = date(container);
            ZonedDateTime updated = updated(date);
            Term rubric = rubric();
            List<Term> tags = tags();
            String image = image();
            Element scope = headScope(container);
            Element leadElement = leadElement(container, h1, scope);
            String lead = lead(leadElement);
            List<Element> bylines = bylines(container);
            List<String> authors = authors(bylines);
            if (authors.isEmpty() && scope != null) {
                authors = authors(bylines(scope, false));
            }
            if (authors.isEmpty()) {
                authors = authors(markedAuthors());
            }
            Element mainFigure = mainFigure(container, image, leadElement, bylines);
            String caption = caption(mainFigure);

            if (problems.stream().anyMatch(Problem::isError)) {
                reportControls();
                return ParsedSource.failed(problems);
            }
            String bodyHtml = body(container, h1, leadElement, bylines, mainFigure, lead);
            if (bodyHtml.isBlank()) {
                problems.add(Problem.warning(source, line(container), null, "the page has no body text.",
                        "put the article's paragraphs inside its `<article>` element."));
            }
            Article article = new Article(source, SourceFormat.HTML, slug, title, date, updated, rubric, tags, authors,
                    lead, Body.of(bodyHtml), image, caption, false, language, List.of(), List.of(), List.of(),
                    title == null ? null : Slugs.legacyOfTitle(title, 80), 0, dayOnly);
            reportControls();
            return ParsedSource.of(article, problems);
        }

        // ---- JSON-LD ----

        private void readJsonLd() {
            List<JsonObject> articles = new ArrayList<>();
            for (Element script : doc.select("script")) {
                if (!script.attr("type").strip().toLowerCase(Locale.ROOT).startsWith("application/ld+json")
                        || script.data().isBlank()) {
                    continue;
                }
                int before = articles.size();
                try {
                    collect(withoutControls(JsonParser.parseString(withoutCData(script.data())), line(script)), articles, 0);
                } catch (RuntimeException e) {
                    // gson's messages end with a link to its own troubleshooting page: keep the first line.
                    String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                            .replaceAll("\\s*See https?://\\S+", "").replaceFirst("^[\\w.$]+(?:Exception|Error):\\s*", "");
                    problems.add(Problem.warning(source, line(script), "json-ld", "the JSON-LD block is not valid JSON (" + why
                                    + "); used the page's meta tags and content instead.",
                            "fix the JSON inside `<script type=\"application/ld+json\">` (a JSON validator shows where), or remove the block."));
                    continue;
                }
                if (ld == null && articles.size() > before) {
                    ld = articles.get(before);
                    ldLine = line(script);
                }
            }
        }

        /**
         * The JSON of a block that many CMSs wrap in a CDATA section, a leftover of XHTML
         * ({@code <![CDATA[ … ]]>}, also behind {@code //} or inside comment marks): the wrapper
         * is no JSON, and browsers and search engines ignore it.
         */
        static String withoutCData(String data) {
            Matcher m = CDATA.matcher(data);
            return m.matches() ? m.group(1) : data;
        }

        /** {@code e} without the control characters its strings' escapes (<code>"&#92;u0001"</code>) wrote; {@code line} is its block's. */
        private JsonElement withoutControls(JsonElement e, int line) {
            if (e instanceof JsonPrimitive p && p.isString()) {
                String text = p.getAsString();
                String kept = controls.strip(text, line, "json-ld");
                return kept == text ? p : new JsonPrimitive(kept);
            }
            if (e instanceof JsonArray a) {
                for (int i = 0; i < a.size(); i++) {
                    a.set(i, withoutControls(a.get(i), line));
                }
                return a;
            }
            if (e instanceof JsonObject o) {
                JsonObject kept = new JsonObject();
                for (Map.Entry<String, JsonElement> entry : o.entrySet()) {
                    kept.add(controls.strip(entry.getKey(), line, "json-ld"), withoutControls(entry.getValue(), line));
                }
                return kept;
            }
            return e;
        }

        /** Finds article objects in a single object, an array, an {@code @graph} or a page's {@code mainEntity}. */
        private void collect(JsonElement e, List<JsonObject> articles, int depth) {
            if (e == null || depth > 8) {
                return;
            }
            if (e.isJsonArray()) {
                e.getAsJsonArray().forEach(item -> collect(item, articles, depth + 1));
            } else if (e.isJsonObject()) {
                JsonObject o = e.getAsJsonObject();
                if (o.get("@id") instanceof JsonPrimitive id && id.isString()) {
                    nodesById.putIfAbsent(id.getAsString(), o);
                }
                if (isArticle(o)) {
                    articles.add(o);
                }
                collect(o.get("@graph"), articles, depth + 1);
                collect(o.get("mainEntity"), articles, depth + 1);
            }
        }

        private static boolean isArticle(JsonObject o) {
            JsonElement type = o.get("@type");
            if (type instanceof JsonPrimitive p) {
                return ARTICLE_TYPES.contains(localName(p.getAsString()));
            }
            if (type instanceof JsonArray types) {
                for (JsonElement t : types) {
                    if (t instanceof JsonPrimitive p && ARTICLE_TYPES.contains(localName(p.getAsString()))) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** {@code https://schema.org/NewsArticle} and {@code schema:NewsArticle} are {@code NewsArticle}. */
        private static String localName(String type) {
            return type.substring(Math.max(type.lastIndexOf('/'), type.lastIndexOf(':')) + 1).strip();
        }

        /** The JSON-LD value at {@code key} as plain text: a string, the first of an array, or a node's name. */
        private String ldText(String key) {
            return ld == null ? null : text(ld.get(key), 0);
        }

        private String text(JsonElement e, int depth) {
            if (e == null || e.isJsonNull() || depth > 4) {
                return null;
            }
            if (e instanceof JsonPrimitive p) {
                return plain(p.getAsString());
            }
            if (e instanceof JsonArray a) {
                for (JsonElement item : a) {
                    String t = text(item, depth + 1);
                    if (t != null) {
                        return t;
                    }
                }
                return null;
            }
            JsonObject o = resolve(e.getAsJsonObject());
            return text(o.has("name") ? o.get("name") : o.get("@value"), depth + 1);
        }

        /** The node an {@code {"@id": ...}} reference points to, in the same page; else the object itself. */
        private JsonObject resolve(JsonObject o) {
            if (o.size() == 1 && o.get("@id") instanceof JsonPrimitive id) {
                JsonObject target = nodesById.get(id.getAsString());
                return target == null ? o : target;
            }
            return o;
        }

        /** Every string at {@code key}: an array's items, or the one value. */
        private List<String> ldTexts(String key) {
            List<String> out = new ArrayList<>();
            JsonElement e = ld == null ? null : ld.get(key);
            if (e instanceof JsonArray a) {
                for (JsonElement item : a) {
                    String t = text(item, 1);
                    if (t != null) {
                        out.add(t);
                    }
                }
            } else {
                String t = text(e, 0);
                if (t != null) {
                    out.add(t);
                }
            }
            return out;
        }

        // ---- meta ----

        /** The content of the first {@code <meta property|name=key>}, or {@code null}. */
        private Found meta(String key) {
            List<Found> all = metas(key);
            return all.isEmpty() ? null : all.get(0);
        }

        private List<Found> metas(String key) {
            List<Found> out = new ArrayList<>();
            if (metaElements == null) {
                metaElements = doc.select("meta[content]"); // once: fields look up a score of keys
            }
            for (Element m : metaElements) {
                if (key.equalsIgnoreCase(m.attr("property")) || key.equalsIgnoreCase(m.attr("name")) || key.equalsIgnoreCase(m.attr("itemprop"))) {
                    String content = plain(m.attr("content"));
                    if (content != null) {
                        out.add(new Found(content, "the `" + key + "` meta", line(m)));
                    }
                }
            }
            return out;
        }

        // ---- fields ----

        /**
         * The element holding the story: the block {@link TextDensity} finds the story's prose
         * in, or the {@code <article>} around it (which also holds its headline, lead and byline).
         * An {@code <article>} elsewhere is a teaser card, never the story. A page without
         * prose falls back on its tags: the {@code <article>} holding the headline, else the
         * largest one, else {@code <main>}, else the body.
         */
        private Element container() {
            density = new TextDensity(doc.body());
            Element best = density.best();
            if (best != null) {
                for (Element a = best; a != null; a = a.parent()) {
                    if (a.normalName().equals("article")) {
                        return a;
                    }
                }
                for (Element a : best.select("article")) {
                    if (density.paragraphText(a) * 2 > density.paragraphText(best)) {
                        return a;
                    }
                }
                return best;
            }
            Elements articles = doc.select("article");
            for (Element a : articles) {
                if (a.selectFirst("h1") != null) {
                    return a;
                }
            }
            Element largest = null;
            for (Element a : articles) {
                if (largest == null || a.text().length() > largest.text().length()) {
                    largest = a;
                }
            }
            if (largest != null) {
                return largest;
            }
            Element main = doc.selectFirst("main, [role=main]");
            return main != null ? main : doc.body();
        }

        /**
         * Where the headline's companions are when the story's block does not hold the headline:
         * the headline's own block (its parent, and the parent's parent when that is small), which
         * sites print above the text with the standfirst and the byline. {@code null} when the
         * container holds the headline or the page has none.
         */
        private Element headScope(Element container) {
            if (container.selectFirst("h1") != null) {
                return null;
            }
            Element h1 = printedHeadline();
            if (h1 == null || h1.parent() == null) {
                return null;
            }
            Element scope = h1.parent();
            if (scope.parent() != null && !scope.parent().normalName().equals("body") && density.text(scope.parent()) < 600
                    && !isInside(container, List.of(scope.parent())) && container != scope.parent()) {
                scope = scope.parent();
            }
            if (scope == container || scope.normalName().equals("body") || isInside(scope, List.of(container))) {
                return null;
            }
            // A block holding both the headline and the story is the headline's block when little
            // else is in it (the standfirst, the byline, the date), not when it is the whole page.
            if (isInside(container, List.of(scope)) && density.text(scope) - density.text(container) > 1500) {
                return null;
            }
            return scope;
        }

        private String title(Element h1) {
            String title = ldText("headline");
            if (title == null) {
                title = ldText("name");
            }
            if (title == null) {
                Found og = meta("og:title");
                title = og == null ? null : og.value();
            }
            if (title != null) {
                title = withoutSiteName(title, h1);
            }
            if (title == null && h1 != null) {
                title = plain(h1.text());
            }
            if (title == null && printedHeadline() != null) {
                title = plain(printedHeadline().text());
            }
            if (title == null) {
                Element head = doc.selectFirst("title");
                title = head == null ? null : plain(head.text());
                if (title != null) {
                    problems.add(Problem.warning(source, line(head), "title", "took the title from `<title>`, which may include the site's name.",
                            "add `<meta property=\"og:title\" content=\"...\">` or an `<h1>` in the article."));
                }
            }
            if (title == null) {
                problems.add(Problem.error(source, 0, "title", "the page has no title: looked at the JSON-LD `headline` and `name`, "
                                + "the `og:title` meta, the `<h1>` of the article and of the page, and `<title>`.",
                        "add `<h1>The headline</h1>` at the top of the `<article>`, or `<meta property=\"og:title\" content=\"The headline\">` "
                                + "in the `<head>`."));
            }
            return title;
        }

        /**
         * {@code title} without the site's name that {@code og:title} and JSON-LD often carry
         * ("The headline | The Courier", "The headline - BBC News"): the headline printed on the
         * page when the title is it plus such a suffix, else the title less the
         * {@code og:site_name} it ends with; else as it is.
         */
        private String withoutSiteName(String title, Element h1) {
            Element printed = h1 != null ? h1 : printedHeadline();
            String headline = printed == null ? null : plain(printed.text());
            if (headline != null && !headline.equals(title) && title.startsWith(headline)
                    && SITE_SUFFIX.matcher(title.substring(headline.length())).matches()) {
                return headline;
            }
            Found site = meta("og:site_name");
            if (site != null && title.endsWith(site.value()) && title.length() > site.value().length()) {
                String rest = title.substring(0, title.length() - site.value().length());
                Matcher m = SEPARATOR_END.matcher(rest);
                if (m.find() && m.start() > 0) {
                    return rest.substring(0, m.start());
                }
            }
            return title;
        }

        /**
         * The page's headline when the story's block does not hold it: its first {@code <h1>}
         * outside menus, footers and asides that is no logo (a picture, or a link to the home
         * page, as many sites' mastheads are).
         */
        private Element printedHeadline() {
            for (Element h1 : doc.body().select("h1")) {
                if (h1.closest("nav, footer, aside") == null && h1.selectFirst("img, svg, picture") == null
                        && h1.selectFirst("a[href=/], a[href=./], a[href=index.html]") == null && plain(h1.text()) != null) {
                    return h1;
                }
            }
            return null;
        }

        /** Whether the publication date read gives the day without a time. */
        private boolean dayOnly;
        /** The zone the page's dates without an offset are read in (see {@link #pageZone}). */
        private ZoneId pageZone;

        private ZonedDateTime date(Element container) {
            List<Found> candidates = new ArrayList<>();
            String published = ldText("datePublished");
            if (published != null) {
                candidates.add(new Found(published, "the JSON-LD `datePublished`", ldLine));
            }
            for (String key : DATE_METAS) {
                candidates.addAll(metas(key));
            }
            // Microdata: `<meta itemprop content>` is read above; `<span itemprop>` and `<time>`
            // carry the date in `content`, `datetime` or their text.
            candidates.addAll(microdata("datePublished"));
            // A `<time>` in the article first; else the page's first, which sites print beside
            // the headline, outside the `<article>` element.
            for (Element scope : List.of(container, doc)) {
                Element time = scope.selectFirst("time[datetime][pubdate], time[datetime]");
                if (time != null && plain(time.attr("datetime")) != null) {
                    candidates.add(new Found(plain(time.attr("datetime")), "`<time datetime>`", line(time)));
                    break;
                }
            }
            // Last, a date the page prints beside the headline or atop the story (`<span class="date">10 July 2015</span>`).
            if (candidates.isEmpty()) {
                for (Element scope : headScope(container) == null ? List.of(container) : List.of(headScope(container), container)) {
                    for (Element e : scope.select("[class], [id]")) {
                        if (hasWord(e, DATE_CLASS) && e.text().length() <= 80 && plain(e.text()) != null) {
                            candidates.add(new Found(plain(e.text()), "the date printed in `<" + e.normalName() + " class=\"" + e.className() + "\">`", line(e)));
                            break;
                        }
                    }
                }
            }
            String fix = "write it in ISO 8601, e.g. `2025-09-11T10:30:00+01:00`, in `<meta property=\"article:published_time\" content=\"...\">` "
                    + "or `<time datetime=\"...\">` in the article.";
            if (candidates.isEmpty()) {
                if (ctx.fallbackDate() != null) {
                    problems.add(Problem.warning(source, 0, "date", "the page has no publication date; used "
                            + ctx.fallbackDate().origin() + ", " + ctx.fallbackDate().date() + ".", "check the date in the article written."));
                    dayOnly = ctx.fallbackDate().dayOnly();
                    return ctx.fallbackDate().date().withZoneSameInstant(ctx.zone());
                }
                problems.add(Problem.error(source, 0, "date", "the page has no publication date: looked at the JSON-LD `datePublished`, "
                        + "the `article:published_time`, `date` and `DC.date.issued` metas, `itemprop=\"datePublished\"` and `<time datetime>`.",
                        "add one; " + fix + " To import such pages, `gazette import --date-fallback file` (the file's time) "
                                + "or `--date-fallback 2025-09-11` dates them."));
                return null;
            }
            pageZone = pageZone(candidates);
            List<Found> bad = new ArrayList<>();
            for (Found c : candidates) {
                try {
                    ZonedDateTime date = Dates.parsePage(c.value(), pageZone, ctx.zone());
                    dayOnly = Dates.pageDayOnly(c.value());
                    for (Found b : bad) {
                        problems.add(Problem.warning(source, b.line(), "date", "`" + b.value() + "` in " + b.where()
                                + " is not a date Gazette reads; used " + c.where() + " instead.", fix));
                    }
                    return date;
                } catch (DateTimeParseException e) {
                    bad.add(c);
                }
            }
            Found first = bad.get(0);
            problems.add(Problem.error(source, first.line(), "date", "the publication date `" + first.value() + "` in " + first.where()
                    + " is not a date Gazette reads" + (bad.size() > 1 ? " (nor are the " + (bad.size() - 1) + " other dates given)" : "")
                    + ".", fix));
            return null;
        }

        /**
         * The zone the page states for itself: the offset of the first of its dates that has
         * one (the publication date's candidates, then the update's), else the site's. A page
         * that writes {@code 2015-07-10 09:53} in one place and {@code -04:00} in another means
         * New York's morning, not the newsroom's.
         */
        private ZoneId pageZone(List<Found> candidates) {
            List<String> dates = new ArrayList<>();
            candidates.forEach(c -> dates.add(c.value()));
            String modified = ldText("dateModified");
            if (modified != null) {
                dates.add(modified);
            }
            metas("article:modified_time").forEach(f -> dates.add(f.value()));
            for (String d : dates) {
                java.util.Optional<ZoneId> offset = Dates.statedOffset(d);
                if (offset.isPresent()) {
                    return offset.get();
                }
            }
            return ctx.zone();
        }

        /**
         * The dates of the page's elements marked {@code itemprop=name}, but metas (read with the
         * other metas): a {@code <time>} or {@code <span>} carries it in {@code datetime},
         * {@code content} or its text.
         */
        private List<Found> microdata(String name) {
            List<Found> out = new ArrayList<>();
            for (Element e : doc.select("[itemprop=" + name + "]:not(meta)")) {
                String value = plain(e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text());
                if (value != null) {
                    out.add(new Found(value, "the `itemprop=\"" + name + "\"` element", line(e)));
                }
            }
            return out;
        }

        private ZonedDateTime updated(ZonedDateTime date) {
            Found found = null;
            String modified = ldText("dateModified");
            if (modified != null) {
                found = new Found(modified, "the JSON-LD `dateModified`", ldLine);
            }
            if (found == null) {
                found = meta("article:modified_time");
            }
            for (int i = 0; found == null && i < UPDATE_METAS.size(); i++) {
                found = meta(UPDATE_METAS.get(i));
            }
            if (found == null) {
                // Microdata on the printed time ("Mis à jour le <time itemprop="dateModified" datetime>"), as for the publication date.
                found = microdata("dateModified").stream().findFirst().orElse(null);
            }
            if (found == null) {
                return null;
            }
            try {
                ZonedDateTime updated = Dates.parse(found.value(), pageZone, ctx.zone());
                if (date != null && updated.isBefore(date)) {
                    problems.add(Problem.warning(source, found.line(), "updated", "the update time `" + found.value() + "` in "
                                    + found.where() + " is before the publication date; ignored.",
                            "set it to a time after the publication, or remove it."));
                    return null;
                }
                return updated;
            } catch (DateTimeParseException e) {
                problems.add(Problem.warning(source, found.line(), "updated", "`" + found.value() + "` in " + found.where()
                        + " is not a date Gazette reads; ignored.", "write it in ISO 8601, e.g. `2025-09-11T16:05:00+01:00`."));
                return null;
            }
        }

        private Term rubric() {
            String name = ldText("articleSection");
            if (name == null) {
                Found section = meta("article:section");
                name = section == null ? null : section.value();
            }
            if (name == null) {
                return null;
            }
            Term rubric = Term.of(name, ctx.slugs());
            if (rubric.slug().isEmpty()) {
                problems.add(Problem.warning(source, 0, "rubric", "the section `" + name + "` has no letter or digit; ignored.",
                        "name the section with words."));
                return null;
            }
            return rubric;
        }

        private List<Term> tags() {
            List<String> names = new ArrayList<>();
            for (String keywords : ldTexts("keywords")) {
                names.addAll(List.of(keywords.split(",")));
            }
            for (Found tag : metas("article:tag")) {
                names.addAll(List.of(tag.value().split(",")));
            }
            Map<String, Term> bySlug = new LinkedHashMap<>();
            for (String name : names) {
                if (!name.isBlank()) {
                    Term tag = Term.of(name, ctx.slugs());
                    if (!tag.slug().isEmpty()) {
                        bySlug.putIfAbsent(tag.slug(), tag);
                    }
                }
            }
            return List.copyOf(bySlug.values());
        }

        private List<String> authors(List<Element> bylines) {
            List<String> names = new ArrayList<>();
            JsonElement author = ld == null ? null : ld.get("author");
            if (author instanceof JsonArray a) {
                // Beside the people who wrote it, sites list their own organisation: the people sign.
                boolean people = false;
                for (JsonElement item : a) {
                    people |= item.isJsonObject() && "Person".equals(localName(String.valueOf(text(resolve(item.getAsJsonObject()).get("@type"), 1))));
                }
                for (JsonElement item : a) {
                    if (!people || !item.isJsonObject()
                            || "Person".equals(localName(String.valueOf(text(resolve(item.getAsJsonObject()).get("@type"), 1))))) {
                        addName(names, text(item, 1));
                    }
                }
            } else {
                addName(names, text(author, 0));
            }
            // JSON-LD names are written as bylines too ("By Jane Doe, CNN"): the names in them.
            List<String> cleaned = new ArrayList<>();
            names.forEach(n -> bylineNames(cleaned, n));
            names.clear();
            names.addAll(cleaned);
            if (names.isEmpty()) {
                // article:author is often the URL of a profile page, which names nobody.
                metas("article:author").stream().map(Found::value).filter(v -> !v.contains("://"))
                        .forEach(v -> bylineNames(names, v));
            }
            if (names.isEmpty()) {
                Found meta = meta("author");
                if (meta != null && !meta.value().contains("://")) {
                    bylineNames(names, meta.value());
                }
            }
            for (int i = 0; names.isEmpty() && i < bylines.size(); i++) {
                String text = bylines.get(i).text().strip();
                if (text.length() <= MAX_BYLINE) {
                    bylineNames(names, text);
                }
            }
            return names;
        }

        /**
         * The names a printed byline gives, without what sites print around them: "By", the
         * date and time ("Steven Musil January 5, 2016", "Lucas Nolan22 Dec"), the role and the
         * paper ("Benjamin Romano Seattle Times business reporter"), the place ("Jane Doe,
         * Seattle"). A timestamp label ("Last Updated: …") names nobody.
         */
        private void bylineNames(List<String> names, String text) {
            Matcher m = BYLINE_TEXT.matcher(text);
            String rest = m.matches() ? m.group(1) : text;
            if (TIMESTAMP.matcher(rest).lookingAt()) {
                return;
            }
            // "Jane Doe (avec John Roe et Ann Poe)": the people in the brackets wrote it too.
            rest = CO_AUTHORS.matcher(rest).replaceFirst(", $1");
            rest = BYLINE_END.matcher(rest).replaceFirst("");
            List<String> parts = new ArrayList<>();
            for (String part : NAME_SEPARATORS.split(rest)) {
                String name = plain(part);
                if (name == null) {
                    continue;
                }
                name = withoutRole(name).replaceAll("[\\s:;,]+$", "");
                if (!name.isEmpty() && name.codePoints().anyMatch(Character::isLetter) && !TIMESTAMP.matcher(name).lookingAt()) {
                    parts.add(name);
                }
            }
            // Beside full names, a single word is the place or the desk ("Jane Doe, Seattle"), and
            // the paper or agency is no author ("Jane Doe, BBC News").
            boolean fullNames = parts.stream().anyMatch(n -> n.contains(" ") && !ORGANISATION.matcher(n).find());
            for (String name : parts) {
                if (!fullNames || name.contains(" ") && !ORGANISATION.matcher(name).find()) {
                    addName(names, name);
                }
            }
        }

        /** {@code name} without the role that follows it: the first two words (three with an initial or a particle). */
        private static String withoutRole(String name) {
            Matcher role = ROLE.matcher(name);
            if (!role.find()) {
                return name;
            }
            String[] words = name.substring(0, role.start()).strip().split("\\s+");
            if (words.length < 2 || words[0].isEmpty()) {
                return "";
            }
            int keep = words.length > 2 && (words[1].length() <= 2 || words[1].endsWith(".") || PARTICLES.contains(words[1].toLowerCase(Locale.ROOT)))
                    ? 3 : 2;
            return String.join(" ", List.of(words).subList(0, Math.min(keep, words.length)));
        }

        /**
         * Authors marked as such anywhere in the page but its menus and footers: microdata
         * ({@code itemprop="author"}), {@code rel="author"}, links to an author's page.
         */
        private List<Element> markedAuthors() {
            for (Element e : doc.body().select("[itemprop=author], [rel=author], a[href*=/author/], a[href*=/authors/], a[href*=/auteur/]")) {
                if (e.closest("nav, footer, aside") == null && plain(e.text()) != null && e.text().length() <= MAX_BYLINE) {
                    return List.of(e);
                }
            }
            return List.of();
        }

        private void addName(List<String> names, String name) {
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }

        private String image() {
            String image = null;
            int line = ldLine;
            if (ld != null) {
                image = imageUrl(ld.get("image"), 0);
            }
            if (image == null) {
                for (String key : List.of("og:image", "og:image:secure_url", "og:image:url")) {
                    Found og = meta(key);
                    if (og != null) {
                        image = og.value();
                        line = og.line();
                        break;
                    }
                }
            }
            if (image != null) {
                image = withBase(image);
            }
            if (image == null || ImagePaths.isUrl(image) && ImagePaths.check(image) == null) {
                return image;
            }
            // Saved pages keep the site's protocol-relative and root-relative URLs: make them
            // absolute against the page's own address when it is known.
            if (image.startsWith("//")) {
                return "https:" + image;
            }
            if (!ImagePaths.isUrl(image) && !image.startsWith("/") && !image.contains(":")) {
                // A relative path in a page means "beside the page", as a browser reads it; the
                // build resolves an article's image against the article's folder, like Markdown's.
                if (ImagePaths.check(source, image) == null) {
                    return image;
                }
            }
            String base = pageUrl();
            if (base != null) {
                try {
                    String absolute = URI.create(base).resolve(image.replace(" ", "%20")).toString();
                    if (ImagePaths.check(absolute) == null) {
                        return absolute;
                    }
                } catch (IllegalArgumentException e) {
                    // fall through to the warning
                }
            }
            problems.add(Problem.warning(source, line, "image", ImagePaths.check(image) + " The page has no image.",
                    "use an absolute https:// URL for the image, or give the page its address in `<link rel=\"canonical\" href=\"...\">`."));
            return null;
        }

        private String imageUrl(JsonElement e, int depth) {
            if (e == null || e.isJsonNull() || depth > 4) {
                return null;
            }
            if (e instanceof JsonPrimitive p) {
                return plainUrl(p.getAsString());
            }
            if (e instanceof JsonArray a) {
                for (JsonElement item : a) {
                    String url = imageUrl(item, depth + 1);
                    if (url != null) {
                        return url;
                    }
                }
                return null;
            }
            JsonObject o = resolve(e.getAsJsonObject());
            String url = imageUrl(o.get("url"), depth + 1);
            return url != null ? url : imageUrl(o.get("contentUrl"), depth + 1);
        }

        /**
         * {@code ref} as the page's {@code <base href>} makes it: browsers read a relative
         * reference against it, and a page saved with its images often says where they went
         * ({@code <base href="./page_files/">}). Without a base, or for a reference that is
         * already absolute (or not understood), {@code ref} as written.
         */
        private String withBase(String ref) {
            if (base == null) {
                Element b = doc.selectFirst("base[href]");
                base = java.util.Optional.ofNullable(b);
            }
            Element base = this.base.orElse(null);
            String r = ref.strip();
            if (base == null || r.isEmpty() || r.startsWith("#") || r.startsWith("data:") || r.startsWith("//")
                    || r.startsWith("/") && !ImagePaths.isUrl(base.attr("href").strip()) || r.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
                return ref;
            }
            try {
                String b = base.attr("href").strip().replace(" ", "%20");
                String resolved = URI.create(b).resolve(r.replace(" ", "%20")).toString();
                if (ImagePaths.isUrl(resolved)) {
                    return resolved;
                }
                resolved = resolved.replace("%20", " "); // a path beside the page, as written
                return resolved.startsWith("./") ? resolved.substring(2) : resolved;
            } catch (IllegalArgumentException e) {
                return ref;
            }
        }

        private String pageUrl() {
            Element canonical = doc.selectFirst("link[rel=canonical][href]");
            String url = canonical != null ? canonical.attr("href").strip() : null;
            if (url == null || !ImagePaths.isUrl(url)) {
                Found og = meta("og:url");
                url = og == null ? null : og.value();
            }
            return url != null && ImagePaths.isUrl(url) ? url : null;
        }

        /**
         * The chapô: an element marked as such (a paragraph first, else another block holding no
         * picture) next to the headline: after it, and before the story's first paragraph.
         * Marked elements elsewhere are no lead: a comment box, an author's bio, a caption,
         * another story's standfirst. Looked for in the headline's block first when the story's
         * block does not hold the headline.
         */
        private Element leadElement(Element container, Element h1, Element scope) {
            List<Element> places = scope == null ? List.of(container) : List.of(scope, container);
            for (Element where : places) {
                int total = where.text().length();
                Element headline = where.selectFirst("h1");
                Element firstProse = null;
                for (Element p : where.select("p")) {
                    if (!hasWord(p, LEAD_CLASS) && p.text().length() >= TextDensity.MIN_PARAGRAPH && !hasWord(p, BYLINE_CLASS)
                            && !BYLINE_TEXT.matcher(p.text().strip()).matches()) {
                        firstProse = p;
                        break;
                    }
                }
                for (String query : List.of("p", "div, h2, span")) {
                    for (Element e : where.select(query)) {
                        if (hasWord(e, LEAD_CLASS) && plain(e.text()) != null && e.selectFirst("figure, img, picture") == null
                                && e.closest("figure, blockquote") == null && !holdsMostOf(e, total)
                                && (firstProse == null || startsBefore(e, firstProse)) && (headline == null || startsBefore(headline, e))) {
                            return e;
                        }
                    }
                }
            }
            return null;
        }

        /** The chapô as printed on the page; else the description, which sites often shorten. */
        private String lead(Element leadElement) {
            if (leadElement != null) {
                return plain(leadElement.text());
            }
            String lead = ldText("description");
            for (String key : List.of("og:description", "description")) {
                if (lead == null) {
                    Found meta = meta(key);
                    lead = meta == null ? null : meta.value();
                }
            }
            return lead == null ? "" : lead;
        }

        private List<Element> bylines(Element container) {
            return bylines(container, true);
        }

        private List<Element> bylines(Element container, boolean story) {
            int total = container.text().length();
            List<Element> out = new ArrayList<>();
            // The bylines found and everything inside them; parents come before their children.
            Set<Element> inBylines = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Element e : container.select("*")) {
                if (e == container) {
                    continue;
                }
                if (inBylines.contains(e.parent())) {
                    inBylines.add(e);
                    continue;
                }
                boolean byClass = hasWord(e, BYLINE_CLASS);
                boolean mayBeByText = BYLINE_TAGS.contains(e.normalName()) && sizes.atLeast(e) <= MAX_BYLINE;
                if (!byClass && !mayBeByText) {
                    continue; // most elements: no need to gather their text
                }
                String text = e.text().strip();
                Matcher par = BYLINE_TEXT.matcher(text);
                // "Par Hicham Ouazzani" is a byline; "Par ailleurs, le port..." is prose.
                boolean byText = mayBeByText && text.length() <= MAX_BYLINE && par.matches()
                        && Character.isUpperCase(par.group(1).codePointAt(0)) && !text.endsWith(".");
                // In the story, an element holding most of its text is the story (`<div class="post author-x">`);
                // in the headline's small block, the byline often is most of the text.
                if ((byClass || byText) && !text.isEmpty() && (!story || !holdsMostOf(e, total))) {
                    out.add(e);
                    inBylines.add(e);
                }
            }
            return out;
        }

        /** The figure of the main image: the one showing it, else one above the first paragraph. */
        private Element mainFigure(Element container, String image, Element leadElement, List<Element> bylines) {
            if (image == null) {
                return null;
            }
            Elements figures = container.select("figure");
            String file = fileName(image);
            for (Element figure : figures) {
                for (Element img : figure.select("img, source")) {
                    for (String attr : List.of("src", "data-src", "srcset")) {
                        String v = img.attr(attr).strip().split("[\\s,]", 2)[0];
                        if (!v.isEmpty() && (v.equals(image) || fileName(v).equals(file))) {
                            return figure;
                        }
                    }
                }
            }
            // Sites resize the shared image, so the figure's file name may differ: a figure above
            // the body's first paragraph is the article's main image all the same.
            Element first = figures.first();
            if (first == null) {
                return null;
            }
            for (Element p : container.select("p")) {
                if (p == leadElement || isInside(p, bylines) || (leadElement != null && isInside(p, List.of(leadElement)))
                        || p.closest("header, figure") != null || plain(p.text()) == null) {
                    continue;
                }
                return startsBefore(first, p) ? first : null;
            }
            return first;
        }

        /** Whether {@code a} starts before {@code b}: by their places in the source, else (untracked) in document order. */
        private static boolean startsBefore(Element a, Element b) {
            if (a.sourceRange().isTracked() && b.sourceRange().isTracked()) {
                return a.sourceRange().startPos() < b.sourceRange().startPos();
            }
            Element top = a;
            while (top.parent() != null) {
                top = top.parent();
            }
            for (Element e : top.getAllElements()) {
                if (e == a || e == b) {
                    return e == a;
                }
            }
            return false;
        }

        private static boolean isInside(Element e, List<Element> ancestors) {
            for (Element p = e.parent(); p != null; p = p.parent()) {
                if (ancestors.contains(p)) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The main image's caption. Other figures keep their captions in the body: taken as the
         * article's caption they would describe an image the article does not show.
         */
        private String caption(Element mainFigure) {
            Element figcaption = mainFigure != null ? mainFigure.selectFirst("figcaption") : null;
            String caption = figcaption == null ? null : plain(figcaption.text());
            if (caption == null && ld != null && ld.get("image") != null) {
                JsonElement image = ld.get("image").isJsonArray() && !ld.get("image").getAsJsonArray().isEmpty()
                        ? ld.get("image").getAsJsonArray().get(0) : ld.get("image");
                if (image.isJsonObject()) {
                    caption = text(resolve(image.getAsJsonObject()).get("caption"), 1);
                }
            }
            return caption == null ? "" : caption;
        }

        private String language() {
            String lang = ldText("inLanguage");
            int line = ldLine;
            if (lang == null) {
                Element html = doc.selectFirst("html[lang]");
                lang = html == null ? null : plain(html.attr("lang"));
                line = html == null ? 0 : line(html);
            }
            if (lang == null) {
                return null;
            }
            lang = lang.replace('_', '-');
            if (!LANGUAGE.matcher(lang).matches()) {
                problems.add(Problem.warning(source, line, "language", "`" + lang + "` is not a language tag; ignored.",
                        "use a BCP 47 tag such as `fr` or `fr-MA`."));
                return null;
            }
            return lang;
        }

        // ---- body ----

        /** The article's own content: what is not already a field nor the site's furniture. */
        private String body(Element container, Element h1, Element leadElement, List<Element> bylines, Element mainFigure, String lead) {
            int total = container.text().length();
            List<Element> remove = new ArrayList<>();
            if (h1 != null) {
                remove.add(h1);
            }
            if (leadElement != null) {
                remove.add(leadElement);
            }
            if (mainFigure != null) {
                remove.add(mainFigure);
            }
            remove.addAll(bylines);
            remove.addAll(container.select(NEVER_CONTENT));
            for (Element e : container.select("*")) {
                if (e != container && (STRUCTURAL_FURNITURE.contains(e.normalName()) || hasWord(e, FURNITURE_CLASS)) && !holdsMostOf(e, total)) {
                    remove.add(e);
                }
            }
            // Lists of links (related stories, "most read", tags) and paragraphs that are mostly a
            // link ("Lire aussi | …", "Read more: …"), whatever their classes say: the story's
            // text is not links. And the labels of players and adverts, which are words alone.
            for (Element e : container.select("ul, ol, div, section, table, p, span, figure")) {
                if (e == container) {
                    continue;
                }
                double links = density.linkDensity(e);
                boolean linkList = switch (e.normalName()) {
                    case "p" -> links > 0.7 && density.text(e) < 200;
                    case "span", "figure" -> false;
                    default -> links > 0.5;
                };
                if ((linkList || density.text(e) <= 40 && LABELS.contains(e.text().strip().toLowerCase(Locale.ROOT)))
                        && !holdsMostOf(e, total)) {
                    remove.add(e);
                }
            }
            // Above the headline sit kickers and breadcrumbs (`<p class="rubrique">Économie</p>`):
            // short labels, never the article's text.
            if (h1 != null && h1.sourceRange().isTracked()) {
                int headline = h1.sourceRange().startPos();
                for (Element e : container.select("*")) {
                    if (e != container && e.sourceRange().isTracked() && e.endSourceRange().isTracked()
                            && e.endSourceRange().endPos() <= headline && sizes.atLeast(e) <= MAX_BYLINE
                            && (sizes.atMost(e) <= MAX_BYLINE || e.text().length() <= MAX_BYLINE)
                            && !density.hasPicture(e)) {
                        remove.add(e);
                    }
                }
            }
            // A dateline paragraph (`<p><time>11 septembre 2025</time></p>`) repeats the date field.
            for (Element time : container.select("time")) {
                Element p = time.parent();
                if (p != null && p != container && p.is("p, div, span") && p.text().strip().equals(time.text().strip())) {
                    remove.add(p);
                }
            }
            detach(remove);
            if (leadElement == null && !lead.isEmpty()) {
                // Without a marked chapô, sites print the description as the first paragraph.
                Element first = container.selectFirst("p:matchesOwn(\\S)");
                if (first != null && lead.equals(plain(first.text()))) {
                    first.remove();
                }
            }
            for (Element img : container.select("img[src]")) {
                img.attr("src", withBase(img.attr("src")));
            }
            removeEmpty(container);
            dropLayoutWhitespace(container);
            return ctx.sanitizer().sanitize(container.html()).strip();
        }

        /**
         * Drops the wrappers the removals left empty (no text, no picture), so no blank blocks
         * remain in the body. Children come before parents: an element holds something when its
         * own text does or one of its children holds something, so each is looked at once.
         */
        private static void removeEmpty(Element container) {
            List<Element> all = container.select("*");
            Set<Element> holding = Collections.newSetFromMap(new IdentityHashMap<>());
            List<Element> empty = new ArrayList<>();
            for (int i = all.size() - 1; i >= 0; i--) {
                Element e = all.get(i);
                if (holding.contains(e) || MEDIA.contains(e.normalName()) || !e.ownText().isBlank()) {
                    if (e.parent() != null) {
                        holding.add(e.parent());
                    }
                } else if (e != container && !KEPT_EMPTY.contains(e.normalName())) {
                    empty.add(e);
                }
            }
            detach(empty);
        }

        /**
         * Removes {@code nodes} from the page, each parent's children rebuilt once: removing
         * children one by one renumbers their later siblings each time, which is quadratic in a
         * page of thousands of siblings.
         */
        private static void detach(Collection<? extends Node> nodes) {
            Map<Element, Set<Node>> byParent = new IdentityHashMap<>();
            for (Node n : nodes) {
                if (n.parentNode() instanceof Element parent) {
                    byParent.computeIfAbsent(parent, p -> Collections.newSetFromMap(new IdentityHashMap<>())).add(n);
                }
            }
            byParent.forEach((parent, gone) -> {
                if (gone.size() == 1) {
                    gone.iterator().next().remove();
                    return;
                }
                List<Node> kept = new ArrayList<>(parent.childNodeSize());
                for (Node child : parent.childNodes()) {
                    if (!gone.contains(child)) {
                        kept.add(child);
                    }
                }
                parent.empty();
                parent.appendChildren(kept);
            });
        }

        /**
         * Drops the source's indentation between blocks, and the blank runs the removals left, so
         * the body is compact; whitespace between inline elements is kept, as it is a word space.
         */
        private static void dropLayoutWhitespace(Element container) {
            List<Node> gone = new ArrayList<>();
            for (Element parent : container.select("*")) {
                List<Node> children = parent.childNodes();
                int i = 0;
                while (i < children.size()) {
                    if (!isBlankText(children.get(i))) {
                        i++;
                        continue;
                    }
                    // A run of blank text nodes (the removals leave several side by side): between
                    // blocks it goes; between inline elements its first node stays, as one space.
                    int end = i + 1;
                    while (end < children.size() && isBlankText(children.get(end))) {
                        end++;
                    }
                    Node prev = i == 0 ? null : children.get(i - 1);
                    Node next = end == children.size() ? null : children.get(end);
                    boolean betweenBlocks = (prev == null || prev instanceof Element pe && pe.isBlock())
                            && (next == null || next instanceof Element ne && ne.isBlock());
                    if (!betweenBlocks) {
                        ((TextNode) children.get(i)).text(" ");
                    }
                    gone.addAll(children.subList(betweenBlocks ? i : i + 1, end));
                    i = end;
                }
            }
            detach(gone);
        }

        private static boolean isBlankText(Node node) {
            return node instanceof TextNode t && t.isBlank();
        }

        /**
         * Whether {@code e} holds most of the container's text; such an element is the content
         * itself, whatever its class says (`<div class="post has-share-buttons">`).
         */
        private boolean holdsMostOf(Element e, int total) {
            if (total <= 0) {
                return false;
            }
            if (sizes.atLeast(e) * 2 > total) {
                return true;
            }
            if (sizes.atMost(e) <= total / 2) {
                return false;
            }
            return e.text().length() * 2 > total;
        }

        private static boolean hasWord(Element e, Pattern words) {
            for (String name : e.classNames()) {
                if (words.matcher(name).find()) {
                    return true;
                }
            }
            return !e.id().isEmpty() && words.matcher(e.id()).find();
        }

        private static String fileName(String url) {
            String path = url.split("[?#]", 2)[0];
            return path.substring(path.lastIndexOf('/') + 1);
        }

        private static int line(Node n) {
            return n.sourceRange().isTracked() ? n.sourceRange().start().lineNumber() : 0;
        }

        /**
         * Text from markup: entities decoded, tags dropped, whitespace collapsed; {@code null} when
         * blank. Sites escape HTML inside JSON-LD strings and attribute values, so their references
         * are decoded here, again for an element's text: a control one names ({@code &amp;#1;} in
         * an attribute) is removed, and counted once however often the same text is read.
         */
        private String plain(String text) {
            if (text == null) {
                return null;
            }
            String t = plainTexts.computeIfAbsent(text, raw -> {
                String decoded = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(raw).body().text() : raw;
                return controls.strip(decoded, 0, null).replace('\u00A0', ' ').replaceAll("\\s+", " ").strip();
            });
            return t.isEmpty() ? null : t;
        }

        private String plainUrl(String url) {
            String u = url == null ? "" : controls.strip(Parser.unescapeEntities(url, true), 0, "image").strip();
            return u.isEmpty() ? null : u;
        }
    }

    /**
     * Bounds on the length of each element's {@link Element#text()}, from one walk of a subtree.
     * The reader compares text lengths with thresholds, and calling {@code text()} on every element
     * costs the page's size times its depth (seconds for a page of thousands of unclosed tags); the
     * bounds settle nearly every comparison without it. They describe the page as parsed, before
     * the body is cut out of it.
     *
     * <p>{@code text()} collapses each run of whitespace into one space and trims the ends; it
     * keeps every other character, but for a few invisible ones. So its length is at least the
     * number of characters that are neither whitespace nor invisible, and, with {@code n}
     * characters that are not whitespace, at most {@code 2n - 1} (a space before each but the
     * first). Inside {@code <pre>} and its kin, and in CDATA, whitespace is kept as it is: there
     * the bound is every character, plus a space on each side of each element.
     */
    private static final class TextSizes {

        static final TextSizes NONE = new TextSizes();

        /** Per element: {@code [kept, notWhitespace, characters, elements, preserving (0 or 1)]}. */
        private final Map<Element, long[]> sizes = new IdentityHashMap<>();

        private TextSizes() {
        }

        TextSizes(Element root) {
            NodeTraversor.traverse(new NodeVisitor() {
                /** Open elements that keep whitespace (pre, textarea…), an over-estimate of jsoup's own rule. */
                private int preserving;

                @Override
                public void head(Node node, int depth) {
                    if (node instanceof Element e && e.tag().preserveWhitespace()) {
                        preserving++;
                    }
                }

                @Override
                public void tail(Node node, int depth) {
                    long[] add = new long[5];
                    if (node instanceof TextNode t) {
                        String text = t.getWholeText();
                        for (int i = 0; i < text.length(); i++) {
                            char c = text.charAt(i);
                            boolean whitespace = c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
                            add[0] += whitespace || c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)
                                    || Character.getType(c) == Character.FORMAT || c == '\u00A0' ? 0 : 1;
                            add[1] += whitespace ? 0 : 1;
                        }
                        add[2] = text.length();
                        add[4] = preserving > 0 || t instanceof CDataNode ? 1 : 0;
                    } else if (node instanceof Element e) {
                        if (e.tag().preserveWhitespace()) {
                            preserving--;
                        }
                        long[] own = of(e);
                        own[3]++;
                        add = own;
                    } else {
                        return;
                    }
                    if (node != root && node.parentNode() instanceof Element parent) {
                        long[] p = of(parent);
                        for (int i = 0; i < 4; i++) {
                            p[i] += add[i];
                        }
                        p[4] |= add[4];
                    }
                }
            }, root);
        }

        private long[] of(Element e) {
            return sizes.computeIfAbsent(e, k -> new long[5]);
        }

        /** A length {@code e.text()} is certainly not below; 0 for an element not measured. */
        long atLeast(Element e) {
            long[] s = sizes.get(e);
            return s == null ? 0 : s[0];
        }

        /** A length {@code e.text()} is certainly not above; unbounded for an element not measured. */
        long atMost(Element e) {
            long[] s = sizes.get(e);
            if (s == null) {
                return Long.MAX_VALUE;
            }
            return s[4] != 0 ? s[2] + 2 * s[3] : Math.max(0, 2 * s[1] - 1);
        }
    }
}
