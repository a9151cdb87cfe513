package dev.gazette.web;

import dev.gazette.images.ImageInfo;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/**
 * JSON-LD blocks for search engines (schema.org): {@code NewsArticle} and {@code BreadcrumbList}.
 * Built as JSON trees with Gson, whose HTML-safe escaping writes {@code <}, {@code >} and {@code &}
 * as {@code \u003c}… so a headline can never close the {@code <script>} element it sits in.
 */
public final class JsonLd {

    private static final String CONTEXT = "https://schema.org";
    /** Thread-safe; keys come out in insertion order, so the output is the same on every build. */
    private static final Gson GSON = new GsonBuilder().create();

    /** A step of a breadcrumb trail: a name and an absolute URL. */
    public record Crumb(String name, String url) {
    }

    private JsonLd() {
    }

    /** The {@code NewsArticle} block, one line of JSON. */
    public static String newsArticle(NewsArticleFacts a) {
        JsonObject o = new JsonObject();
        o.addProperty("@context", CONTEXT);
        o.addProperty("@type", "NewsArticle");
        JsonObject page = new JsonObject();
        page.addProperty("@type", "WebPage");
        page.addProperty("@id", a.url());
        o.add("mainEntityOfPage", page);
        o.addProperty("url", a.url());
        o.addProperty("headline", a.headline());
        if (!a.description().isEmpty()) {
            o.addProperty("description", a.description());
        }
        o.addProperty("datePublished", FeedWriter.iso(a.published()));
        o.addProperty("dateModified", FeedWriter.iso(a.modified()));
        JsonObject publisher = organization(a);
        JsonArray authors = new JsonArray();
        for (NewsArticleFacts.Author author : a.authors()) {
            // "La Rédaction" is the publication, not a person: search engines are told so.
            JsonObject byline = new JsonObject();
            byline.addProperty("@type", author.organization() ? "Organization" : "Person");
            byline.addProperty("name", author.name());
            if (author.url() != null) {
                byline.addProperty("url", author.url());
            }
            authors.add(byline);
        }
        if (authors.isEmpty()) {
            // An unsigned article is the newsroom's own: Google asks for an author all the same.
            authors.add(organization(a));
        }
        o.add("author", authors);
        if (a.image() != null) {
            JsonArray images = new JsonArray();
            images.add(image(a.image()));
            o.add("image", images);
        }
        o.add("publisher", publisher);
        if (a.section() != null) {
            o.addProperty("articleSection", a.section());
        }
        if (!a.keywords().isEmpty()) {
            JsonArray keywords = new JsonArray();
            a.keywords().forEach(keywords::add);
            o.add("keywords", keywords);
        }
        if (a.language() != null) {
            o.addProperty("inLanguage", a.language());
        }
        return GSON.toJson(o);
    }

    /** The {@code BreadcrumbList} block for a trail, root first. */
    public static String breadcrumbs(List<Crumb> trail) {
        JsonObject o = new JsonObject();
        o.addProperty("@context", CONTEXT);
        o.addProperty("@type", "BreadcrumbList");
        JsonArray items = new JsonArray();
        int position = 1;
        for (Crumb c : trail) {
            JsonObject item = new JsonObject();
            item.addProperty("@type", "ListItem");
            item.addProperty("position", position++);
            item.addProperty("name", c.name());
            item.addProperty("item", c.url());
            items.add(item);
        }
        o.add("itemListElement", items);
        return GSON.toJson(o);
    }

    private static JsonObject organization(NewsArticleFacts a) {
        JsonObject org = new JsonObject();
        org.addProperty("@type", "NewsMediaOrganization");
        org.addProperty("name", a.publisher());
        if (a.publisherUrl() != null) {
            org.addProperty("url", a.publisherUrl());
        }
        if (a.logo() != null) {
            org.add("logo", image(a.logo()));
        }
        return org;
    }

    private static JsonObject image(ImageInfo image) {
        JsonObject o = new JsonObject();
        o.addProperty("@type", "ImageObject");
        o.addProperty("url", image.url());
        if (image.hasSize()) {
            o.addProperty("width", image.width());
            o.addProperty("height", image.height());
        }
        return o;
    }
}
