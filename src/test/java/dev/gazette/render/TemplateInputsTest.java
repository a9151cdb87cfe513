package dev.gazette.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateInputsTest {

    private static final ZoneId ZONE = ZoneId.of("Africa/Casablanca");

    private static TemplateInputs read(Path dir) throws IOException {
        return TemplateInputs.read(dir, Locale.FRENCH, ZONE);
    }

    @Test
    void theDefaultThemesPagesLoadTheirTemplateAndTheLayout(@TempDir Path dir) throws IOException {
        TemplateInputs inputs = read(dir.resolve("none"));
        assertEquals(Optional.of(Set.of("article.ftlh", "layout.ftlh")), inputs.loadedBy("article.ftlh"));
        assertEquals(Optional.of(Set.of("list.ftlh", "layout.ftlh")), inputs.loadedBy("list.ftlh"));
    }

    @Test
    void anEditChangesThePagesOfTheTemplatesThatLoadItOnly(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("article.ftlh"), "<#import \"layout.ftlh\" as layout><#include 'parts/byline.ftl'>A");
        Files.createDirectories(dir.resolve("parts"));
        Files.writeString(dir.resolve("parts/byline.ftl"), "[#include \"../parts/sign.ftl\"]B");
        Files.writeString(dir.resolve("parts/sign.ftl"), "C");
        Files.writeString(dir.resolve("list.ftlh"), "<#import \"/layout.ftlh\" as layout>L");
        TemplateInputs before = read(dir);
        assertEquals(Optional.of(Set.of("article.ftlh", "layout.ftlh", "parts/byline.ftl", "parts/sign.ftl")), before.loadedBy("article.ftlh"));

        Files.writeString(dir.resolve("parts/sign.ftl"), "C edited");
        TemplateInputs signEdited = read(dir);
        assertNotEquals(before.of("article.ftlh"), signEdited.of("article.ftlh"), "included two levels down");
        assertEquals(before.of("list.ftlh"), signEdited.of("list.ftlh"));

        // The site's own layout, where the theme's stood: every page that imports it.
        Files.writeString(dir.resolve("layout.ftlh"), "<#macro page>${.now}</#macro>");
        TemplateInputs ownLayout = read(dir);
        assertNotEquals(signEdited.of("article.ftlh"), ownLayout.of("article.ftlh"));
        assertNotEquals(signEdited.of("list.ftlh"), ownLayout.of("list.ftlh"));

        // A template nothing loads, and a label file, which every page may show.
        Files.writeString(dir.resolve("unused.ftlh"), "U");
        TemplateInputs unused = read(dir);
        assertEquals(ownLayout.of("article.ftlh"), unused.of("article.ftlh"));
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/fr.properties"), "more=Plus\n");
        TemplateInputs labelled = read(dir);
        assertNotEquals(unused.of("article.ftlh"), labelled.of("article.ftlh"));
        assertNotEquals(unused.of("list.ftlh"), labelled.of("list.ftlh"));
    }

    @Test
    void aNameKnownOnlyAtRenderTimeMakesThePageDependOnEveryTemplate(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("other.ftl"), "O");
        for (String loads : new String[] {"<#include part>", "<#import part + \".ftl\" as p>", "<#include r\"x.ftl\">",
                "<#include \"*/other.ftl\">", "${\"<#include 'x.ftl'>\"?interpret}", "<#assign t = .get_optional_template(\"x.ftl\")>"}) {
            Files.writeString(dir.resolve("page.ftlh"), "<#import \"layout.ftlh\" as layout>" + loads);
            TemplateInputs inputs = read(dir);
            assertEquals(Optional.empty(), inputs.loadedBy("page.ftlh"), loads);
            Files.writeString(dir.resolve("other.ftl"), "O " + loads);
            assertNotEquals(inputs.of("page.ftlh"), read(dir).of("page.ftlh"), "any template edited changes it: " + loads);
        }
    }

    @Test
    void theLocaleAndZoneAreInputs(@TempDir Path dir) throws IOException {
        String french = TemplateInputs.read(dir, Locale.FRENCH, ZONE).of("article.ftlh");
        assertNotEquals(french, TemplateInputs.read(dir, Locale.ENGLISH, ZONE).of("article.ftlh"));
        assertNotEquals(french, TemplateInputs.read(dir, Locale.FRENCH, ZoneId.of("UTC")).of("article.ftlh"));
        assertTrue(french.endsWith("|fr|Africa/Casablanca"), french);
    }
}
