package dev.gazette.index;

import static dev.gazette.model.TestArticles.article;
import static dev.gazette.model.TestArticles.withRelated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gazette.model.Article;
import dev.gazette.model.Problem;
import dev.gazette.model.Term;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SiteIndexTest {

    private static List<String> slugs(SiteIndex index) {
        return index.articles().stream().map(Article::slug).toList();
    }

    private static SiteIndex clean(List<Article> articles) {
        SiteIndex.Result r = SiteIndex.build(articles);
        assertEquals(List.of(), r.problems());
        return r.index();
    }

    @Test
    void newestFirstWithTiesBrokenBySlugWhateverTheInputOrder() {
        List<Article> articles = new ArrayList<>(List.of(
                article("1.md", "ancien", "A", "2025-08-01T10:00", null),
                article("2.md", "b-meme-heure", "B", "2025-09-01T10:00", null),
                article("3.md", "a-meme-heure", "C", "2025-09-01T10:00", null),
                article("4.md", "recent", "D", "2025-09-09T18:36", null),
                article("5.md", "c-meme-heure", "E", "2025-09-01T10:00", null)));
        List<String> expected = List.of("recent", "a-meme-heure", "b-meme-heure", "c-meme-heure", "ancien");
        Random random = new Random(42);
        for (int i = 0; i < 10; i++) {
            Collections.shuffle(articles, random);
            SiteIndex index = clean(articles);
            assertEquals(expected, slugs(index));
            assertEquals(Optional.of(1), index.positionOf("a-meme-heure"));
            assertEquals("recent", index.article(0).slug());
        }
        assertEquals(Optional.empty(), clean(articles).positionOf("absent"));
    }

    @Test
    void anArticleEditedInPlaceReplacesItsEntryOnlyWhenNothingPlacesItElsewhere() {
        SiteIndex index = SiteIndex.build(List.of(article("a.md", "a", "A", "2025-09-01T10:00", "Politique", "Maroc"),
                article("b.md", "b", "B", "2025-09-02T10:00", "Politique", "Maroc"))).index();
        int at = index.positionOf(new dev.gazette.model.ArticleId("a.md")).orElseThrow();
        SiteIndex edited = index.withArticle(at, article("a.md", "a", "A corrigé", "2025-09-01T10:00", "Politique", "Maroc")).orElseThrow();
        assertEquals("A corrigé", edited.article(at).title());
        assertEquals(index.tags(), edited.tags());
        assertTrue(index.withArticle(at, article("a.md", "a", "A", "2025-09-01T10:00", "Politique", "Russie")).isEmpty(), "tags");
        assertTrue(index.withArticle(at, article("a.md", "a", "A", "2025-09-03T10:00", "Politique", "Maroc")).isEmpty(), "date");
        assertTrue(index.withArticle(at, article("a.md", "a2", "A", "2025-09-01T10:00", "Politique", "Maroc")).isEmpty(), "slug");
        assertTrue(index.withArticle(at, article("a.md", "a", "A", "2025-09-01T10:00", "Économie", "Maroc")).isEmpty(), "rubric");
    }

    @Test
    void sameInstantInOtherZonesTiesToo() {
        Article a = article("a.md", "b", "A", "2025-09-01T10:00", null);
        Article b = new Article("b.md", a.format(), "a", "B", a.date().withZoneSameInstant(java.time.ZoneOffset.UTC), null, null,
                List.of(), List.of(), "", "", null, "", false, null, List.of(), List.of());
        assertEquals(List.of("a", "b"), slugs(clean(List.of(a, b))));
    }

    @Test
    void aDuplicateSlugIsAnErrorNamingBothFiles() {
        SiteIndex.Result r = SiteIndex.build(List.of(
                article("2025/zeta.md", "meme", "Z", "2025-09-02T10:00", null),
                article("2025/alpha.md", "meme", "A", "2025-09-01T10:00", null),
                article("autre.md", "autre", "O", "2025-09-03T10:00", null)));
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem p = r.problems().get(0);
        assertTrue(p.isError());
        assertEquals("slug", p.field());
        assertEquals("2025/zeta.md", p.file(), "the later file by name is the one reported");
        assertTrue(p.message().contains("2025/alpha.md"), p.message());
        assertTrue(p.message().contains("`meme`"), p.message());
        assertTrue(p.fix().contains("slug"));
        assertEquals(List.of("autre", "meme"), slugs(r.index()));
        assertEquals("2025/alpha.md", r.index().article(1).source());
    }

    @Test
    void threeSourcesWithOneSlugGiveTwoErrors() {
        SiteIndex.Result r = SiteIndex.build(List.of(
                article("c.md", "x", "C", "2025-09-02T10:00", null),
                article("a.md", "x", "A", "2025-09-01T10:00", null),
                article("b.md", "x", "B", "2025-09-03T10:00", null)));
        assertEquals(List.of("b.md", "c.md"), r.problems().stream().map(Problem::file).toList());
        assertTrue(r.problems().stream().allMatch(p -> p.message().contains("a.md")));
    }

    @Test
    void tagsDifferingByCaseOrAccentsMergeUnderTheMostFrequentSpelling() {
        SiteIndex index = clean(List.of(
                article("1.md", "un", "1", "2025-09-01T10:00", "Politique", "diplomatie", "Maroc"),
                article("2.md", "deux", "2", "2025-09-02T10:00", "politique", "Diplomatie"),
                article("3.md", "trois", "3", "2025-09-03T10:00", "Politique", "Diplomatíe", "Russie"),
                article("4.md", "quatre", "4", "2025-09-04T10:00", null, "Diplomatie")));
        assertEquals(List.of("diplomatie", "maroc", "russie"), index.tags().stream().map(g -> g.term().slug()).toList(),
                "sorted by slug");
        TermGroup diplomatie = index.tags().get(0);
        assertEquals("Diplomatie", diplomatie.term().name());
        assertEquals(List.of(0, 1, 2, 3), diplomatie.articles(), "positions, newest first");
        assertEquals(4, diplomatie.size());
        assertEquals("Diplomatie", index.canonicalTag(Term.of("DIPLOMATIE")).name());
        assertEquals("Inconnu", index.canonicalTag(Term.of("Inconnu")).name(), "a term of no group is itself");

        assertEquals(1, index.rubrics().size());
        assertEquals("Politique", index.rubrics().get(0).term().name());
        assertEquals(List.of(1, 2, 3), index.rubrics().get(0).articles(), "the article without rubric is in none");
        assertEquals("Politique", index.canonicalRubric(Term.of("POLITIQUE")).name());
    }

    @Test
    void aTieBetweenSpellingsIsBrokenTheSameWayWhateverTheOrder() {
        Article a = article("a.md", "a", "A", "2025-09-01T10:00", null, "économie");
        Article b = article("b.md", "b", "B", "2025-09-02T10:00", null, "Économie");
        String one = clean(List.of(a, b)).tags().get(0).term().name();
        String two = clean(List.of(b, a)).tags().get(0).term().name();
        assertEquals(one, two);
        Article c = article("c.md", "c", "C", "2025-08-01T10:00", null, "économie");
        assertEquals("économie", clean(List.of(a, b, c)).tags().get(0).term().name());
    }

    @Test
    void articlesAreKnownByTheirSourcePathWhereverTheyAre() {
        Article a = withRelated(article("2025/a.md", "a", "A", "2025-09-04T10:00", null), List.of("b"), List.of());
        Article b = article("b.md", "b", "B", "2025-09-03T10:00", null);
        SiteIndex before = SiteIndex.build(List.of(a, b)).index();
        SiteIndex after = SiteIndex.build(List.of(a, b, article("new.md", "n", "N", "2025-09-05T10:00", null))).index();
        dev.gazette.model.ArticleId id = new dev.gazette.model.ArticleId("2025/a.md");
        assertEquals(id, before.id(before.positionOf(id).orElseThrow()));
        assertEquals("2025/a.md", after.article(after.positionOf(id).orElseThrow()).source(), "a newer article moves positions, not ids");
        assertEquals(List.of(new dev.gazette.model.ArticleId("b.md")), after.pins(id));
        assertEquals(java.util.Optional.empty(), after.positionOf(new dev.gazette.model.ArticleId("gone.md")));
    }

    @Test
    void pinsAreResolvedInTheEditorsOrder() {
        Article a = withRelated(article("a.md", "a", "Le titre de A", "2025-09-04T10:00", null),
                List.of("c", "absent", "a", "b"), List.of());
        Article b = article("b.md", "b", "B", "2025-09-03T10:00", null);
        Article c = article("c.md", "c", "C", "2025-09-02T10:00", null);
        SiteIndex.Result r = SiteIndex.build(List.of(c, b, a));
        SiteIndex index = r.index();
        int pa = index.positionOf("a").orElseThrow();
        assertEquals(List.of(index.positionOf("c").orElseThrow(), index.positionOf("b").orElseThrow()), index.pinsOf(pa),
                "unknown and self pins left out");
        assertEquals(List.of(), index.pinsOf(index.positionOf("b").orElseThrow()));
        assertEquals(1, r.problems().size(), r.problems()::toString);
        Problem w = r.problems().get(0);
        assertFalse(w.isError());
        assertEquals("a.md", w.file());
        assertEquals("related", w.field());
        assertTrue(w.message().contains("`absent`"));
    }

    @Test
    void relatedTitleHintsAreResolvedIgnoringCaseAndAccentsAfterThePins() {
        Article a = withRelated(article("a.md", "a", "A", "2025-09-04T10:00", null),
                List.of("c"), List.of("LE PARTENARIAT STRATEGIQUE", "Un article absent de l'archive", "Titre de C"));
        Article b = article("b.md", "b", "Le partenariat stratégique", "2025-09-03T10:00", null);
        Article c = article("c.md", "c", "Titre de C", "2025-09-02T10:00", null);
        SiteIndex.Result r = SiteIndex.build(List.of(a, b, c));
        assertEquals(List.of(), r.problems(), "an unknown title is normal in an archive");
        SiteIndex index = r.index();
        assertEquals(List.of(index.positionOf("c").orElseThrow(), index.positionOf("b").orElseThrow()),
                index.pinsOf(index.positionOf("a").orElseThrow()));
    }

    @Test
    void anEmptySite() {
        SiteIndex index = clean(List.of());
        assertEquals(0, index.size());
        assertEquals(List.of(), index.tags());
        assertEquals(List.of(), index.rubrics());
    }

    @Test
    void authorsAreGroupedBySlugNamedAsMostBylinesWriteThemNewestFirst() {
        Article a = withAuthors(article("a.md", "a", "A", "2025-09-01T10:00", null), "Salma Benali");
        Article b = withAuthors(article("b.md", "b", "B", "2025-09-02T10:00", null), "salma benali", "Youssef El Amrani");
        Article c = withAuthors(article("c.md", "c", "C", "2025-09-03T10:00", null), "Salma Benali", "Salma BENALI", "—");
        SiteIndex index = clean(List.of(a, b, c));
        assertEquals(List.of("salma-benali", "youssef-el-amrani"), index.authors().stream().map(g -> g.term().slug()).toList());
        TermGroup salma = index.authors().get(0);
        assertEquals("Salma Benali", salma.term().name(), "the spelling most bylines use");
        assertEquals(List.of("c", "b", "a"), salma.articles().stream().map(i -> index.article(i).slug()).toList());
        assertEquals("Salma Benali", index.canonicalAuthor(Term.of("SALMA benali")).name());
        assertEquals(List.of(Term.of("Salma Benali")), c.authorTerms(dev.gazette.model.SlugRule.ASCII), "a name repeated, and one without a letter, are left out");
    }

    private static Article withAuthors(Article a, String... names) {
        return new Article(a.source(), a.format(), a.slug(), a.title(), a.date(), a.updated(), a.rubric(), a.tags(), List.of(names),
                a.lead(), a.bodyHtml(), a.image(), a.caption(), a.draft(), a.language(), a.pinnedSlugs(), a.relatedTitles());
    }
}
