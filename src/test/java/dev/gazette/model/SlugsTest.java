package dev.gazette.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Sergueï Lavrov|serguei-lavrov",
            "Maroc-Russie: les partenariats stratégiques|maroc-russie-les-partenariats-strategiques",
            "  Économie  |economie",
            "L’œuvre d’Ærø|l-oeuvre-d-aero",
            "Straße|strasse",
            "Łódź|lodz",
            "İstanbul|istanbul",
            "COVID-19|covid-19",
            "a -- b|a-b",
            "2025|2025",
    })
    void transliteratesAndJoinsWordsWithHyphens(String text, String slug) {
        assertEquals(slug, Slugs.of(text));
    }

    @Test
    void textWithoutLetterOrDigitHasAnEmptySlug() {
        assertEquals("", Slugs.of("!!! — ???"));
        assertEquals("", Slugs.of(""));
    }

    @Test
    void everySlugItMakesIsValid() {
        for (String text : new String[] {"Sergueï Lavrov", "  -x- ", "Mañana, à 18h36!", "ÆØÅ ß þ"}) {
            String slug = Slugs.of(text);
            assertTrue(Slugs.isValid(slug), slug);
        }
    }

    @Test
    void titleSlugIsCutAtAWordBoundary() {
        assertEquals("partenariat", Slugs.ofTitle("Le partenariat stratégique approfondi", 20));
        assertEquals("partenariat-strategique", Slugs.ofTitle("Le partenariat stratégique approfondi", 26));
        assertEquals("partenariat-strategique-approfondi", Slugs.ofTitle("Le partenariat stratégique approfondi", 80));
    }

    private static final String SEED_TITLE = "Le partenariat stratégique approfondi au menu d’un entretien téléphonique "
            + "entre Nasser Bourita et son homologue russe";

    @Test
    void seedTitleKeepsItsMeaningfulWords() {
        String slug = Slugs.ofTitle(SEED_TITLE, 80);
        assertEquals("partenariat-strategique-approfondi-menu-entretien-telephonique-nasser-bourita", slug);
        assertTrue(slug.contains("nasser-bourita"), slug);
    }

    @Test
    void legacyRuleKeepsEveryWordAndIsCutAtTheLimit() {
        assertEquals("le-partenariat-strategique-approfondi-au-menu-d-un-entretien-telephonique-entre",
                Slugs.legacyOfTitle(SEED_TITLE, 80));
        assertEquals("le-partenariat", Slugs.legacyOfTitle("Le partenariat stratégique approfondi", 20));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "L’œuvre d’un peintre à Fès|oeuvre-peintre-fes",
            "Aujourd’hui, l’été s’installe|aujourd-hui-ete-installe",
            "Qu’est-ce que la CAN ?|est-can",
            "Économie : les exportations du Maroc vers l’Europe|economie-exportations-maroc-europe",
            "À Rabat, des élèves et des enseignants|rabat-eleves-enseignants",
    })
    void frenchStopWordsAccentsAndApostrophesAreDropped(String title, String slug) {
        assertEquals(slug, Slugs.ofTitle(title, 80, "fr"));
        assertEquals(slug, Slugs.ofTitle(title, 80, "fr-MA"));
        assertEquals(slug, Slugs.ofTitle(title, 80));
    }

    @Test
    void aTitleOfStopWordsOnlyKeepsThemAll() {
        assertEquals("et-de-la", Slugs.ofTitle("Et de la…", 80));
        assertEquals("the-and-of", Slugs.ofTitle("The and of", 80, "en"));
    }

    @Test
    void englishTitlesDropEnglishStopWords() {
        assertEquals("un-general-assembly-80th-session-opens-new-york",
                Slugs.ofTitle("UN General Assembly: the 80th session opens in New York", 80, "en"));
        assertEquals("the-state-of-the-union", Slugs.ofTitle("The State of the Union", 80, "fr"), "French stop words only in French");
        assertEquals("state-union", Slugs.ofTitle("The State of the Union", 80, "en-GB"));
    }

    @Test
    void otherLanguagesKeepEveryWord() {
        assertEquals("la-casa-de-papel", Slugs.ofTitle("La casa de papel", 80, "es"));
    }

    @Test
    void veryLongTitlesAreCutAtAWordBoundaryAfterStopWordsAreDropped() {
        String title = "Le gouvernement annonce un plan d’investissement de grande ampleur pour les infrastructures "
                + "ferroviaires, portuaires et routières dans les régions du Sud";
        String slug = Slugs.ofTitle(title, 80);
        assertEquals("gouvernement-annonce-plan-investissement-grande-ampleur-infrastructures", slug);
        assertTrue(slug.length() <= 80);
        String whole = Slugs.ofTitle(title, 500);
        assertTrue(whole.startsWith(slug + "-"), whole);
    }

    @Test
    void titleSlugOfOneLongWordIsCutAtTheLimit() {
        assertEquals("anticonst", Slugs.ofTitle("Anticonstitutionnellement", 9));
    }

    @Test
    void titleSlugNeverExceedsTheLimitNorEndsWithAHyphen() {
        String title = "Un titre très long, avec beaucoup de mots, pour voir où la coupe se fait exactement";
        for (int max = 1; max <= 90; max++) {
            String slug = Slugs.ofTitle(title, max);
            assertTrue(slug.length() <= max, max + ": " + slug);
            assertTrue(Slugs.isValid(slug), max + ": " + slug);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "serguei-lavrov", "covid-19", "2025"})
    void validSlugs(String slug) {
        assertTrue(Slugs.isValid(slug));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-a", "a-", "a--b", "Maroc", "économie", "a b", "a/b", "../x", "a_b"})
    void invalidSlugs(String slug) {
        assertFalse(Slugs.isValid(slug));
    }

    // ---- other scripts than Latin ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "المغرب يفوز بكأس أفريقيا|almghrb-yfwz-bkas-afryqya",
            "人工智能改变新闻业|ren-gong-zhi-neng-gai-bian-xin-wen-ye",
            "Россия и Марокко подписали соглашение|rossia-i-marokko-podpisali-soglasenie",
            "Η Ελλάδα ψηφίζει σήμερα|e-ellada-psephizei-semera",
    })
    void titlesInOtherScriptsAreTransliterated(String title, String slug) {
        assertEquals(slug, Slugs.ofTitle(title, 80, "xx"));
        assertTrue(Slugs.isValid(slug));
    }

    @Test
    void aMixedTitleKeepsItsNonLatinWords() {
        assertEquals("deepmind-ren-gong-zhi-neng", Slugs.of("DeepMind 人工智能"));
        assertEquals("deepmind", Slugs.legacyOfTitle("DeepMind 人工智能", 80), "the old rule, for the redirect from the old URL");
    }

    @Test
    void aTitleWithoutLatinLetterHadNoLegacySlug() {
        assertEquals(null, Slugs.legacyOfTitle("人工智能", 80));
        assertEquals("", Slugs.asciiOf("人工智能"), "file names keep the old rule");
    }

    @Test
    void latinTextNeverChangesItsSlug() {
        assertFalse(Slugs.hasOtherScript("Sergueï Lavrov, L’œuvre d’Ærø, Łódź, İstanbul — 2025"));
        assertTrue(Slugs.hasOtherScript("Москва"));
    }

    // ---- slugs: unicode ----

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "افتتاح حديقة جديدة على ضفاف النهر|ar|افتتاح-حديقة-جديدة-على-ضفاف-النهر",
            "地铁新线明年春天开通|zh|地铁新线明年春天开通",
            "Театр откроет сезон|ru|театр-откроет-сезон",
            "Νέος επιβατικός σταθμός|el|νέος-επιβατικός-σταθμός",
            "DeepMind 人工智能|en|deepmind-人工智能",
            "שלום עולם|he|שלום-עולם",
    })
    void theUnicodeRuleKeepsTheLettersOfOtherScripts(String title, String language, String slug) {
        assertEquals(slug, Slugs.ofTitle(title, 80, language, SlugRule.UNICODE));
        assertTrue(Slugs.isValid(slug, SlugRule.UNICODE), slug);
        assertFalse(Slugs.isValid(slug, SlugRule.ASCII), "not an ASCII slug: " + slug);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Sergueï Lavrov", "Le partenariat stratégique approfondi au menu d’un entretien téléphonique "
            + "entre Nasser Bourita et son homologue russe", "L’œuvre d’Ærø", "Łódź, İstanbul — 2025", "COVID-19", "ＡＢＣ１"})
    void latinTextGivesTheSameSlugUnderBothRules(String title) {
        assertEquals(Slugs.of(title), Slugs.of(title, SlugRule.UNICODE));
        assertEquals(Slugs.ofTitle(title, 80, "fr"), Slugs.ofTitle(title, 80, "fr", SlugRule.UNICODE));
        assertEquals(Slugs.asciiOf(title), Slugs.ofFileName(title, SlugRule.UNICODE));
        assertEquals("serguei-lavrov", Slugs.of("Sergueï Lavrov", SlugRule.UNICODE));
    }

    @Test
    void vocalisedAndUnvocalisedArabicGiveOneSlug() {
        String plain = Slugs.of("افتتاح حديقة جديدة", SlugRule.UNICODE);
        assertEquals("افتتاح-حديقة-جديدة", plain);
        assertEquals(plain, Slugs.of("اِفْتِتَاحُ حَدِيقَةٍ جَدِيدَةٍ", SlugRule.UNICODE), "harakat dropped");
        assertEquals(plain, Slugs.of("افتـــتاح حديـقة جديدة", SlugRule.UNICODE), "tatweel dropped");
        // The hamza is part of the letter, written precomposed or not.
        assertEquals(Slugs.of("\u0623\u062D\u0645\u062F", SlugRule.UNICODE), Slugs.of("\u0627\u0654\u062D\u0645\u062F", SlugRule.UNICODE));
        assertEquals("\u0623\u062D\u0645\u062F", Slugs.of("\u0627\u0654\u062D\u0645\u062F", SlugRule.UNICODE));
    }

    @Test
    void unicodeSlugsAreLowerCaseAndNfc() {
        assertEquals("σταθμός", Slugs.of("ΣΤΑΘΜΌΣ", SlugRule.UNICODE), "final sigma, tonos kept");
        assertEquals("νέος", Slugs.of("Ne\u0301os".replace("Ne", "Νε").replace("os", "ος"), SlugRule.UNICODE), "decomposed accent composed");
        assertEquals("москва", Slugs.of("МОСКВА!", SlugRule.UNICODE));
        assertEquals("हिन्दी-समाचार", Slugs.of("हिन्दी समाचार", SlugRule.UNICODE), "vowel signs stay with their letters");
        assertEquals("", Slugs.of("!!! — ???", SlugRule.UNICODE));
    }

    @Test
    void unicodeTitleSlugsAreCutAtAWordBoundaryCountingCodePoints() {
        String word = "театр"; // 5 code points, 10 UTF-8 bytes
        String title = String.join(" ", java.util.Collections.nCopies(20, word)); // 119 code points as a slug
        String slug = Slugs.ofTitle(title, 80, "ru", SlugRule.UNICODE);
        assertEquals(String.join("-", java.util.Collections.nCopies(13, word)), slug, "13 words are 77 code points, 14 would be 83");
        String chinese = "地铁".repeat(50);
        assertEquals(80, Slugs.ofTitle(chinese, 80, "zh", SlugRule.UNICODE).codePointCount(0, 80), "one run, cut at the limit");
        assertEquals("地铁".repeat(40), Slugs.ofTitle(chinese, 80, "zh", SlugRule.UNICODE));
    }

    @Test
    void stopWordsAreLeftOutUnderTheUnicodeRuleToo() {
        assertEquals("partenariat-maroc-russie", Slugs.ofTitle("Le partenariat entre le Maroc et la Russie", 80, "fr", SlugRule.UNICODE));
        assertEquals("partenariat-россия", Slugs.ofTitle("Le partenariat avec la Россия", 80, "fr", SlugRule.UNICODE));
    }

    @Test
    void theUnicodeRuleNamesFilesByItself() {
        assertEquals("театр-откроет-сезон", Slugs.ofFileName("театр-откроет-сезон", SlugRule.UNICODE));
        assertEquals("", Slugs.ofFileName("театр-откроет-сезон", SlugRule.ASCII), "the ASCII rule keeps file names as before");
        assertFalse(Slugs.isValid("Театр", SlugRule.UNICODE), "not lower-case");
        assertFalse(Slugs.isValid("театр--сезон", SlugRule.UNICODE));
        assertFalse(Slugs.isValid("", SlugRule.UNICODE));
    }
}
