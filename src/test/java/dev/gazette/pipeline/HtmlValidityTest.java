package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every page of the sample site passes the Nu HTML Checker with zero errors. */
class HtmlValidityTest {

    @Test
    void everySamplePageIsValidHtml(@TempDir Path tmp) throws Exception {
        Path out = tmp.resolve("out");
        // The sample, with a picture beside the seed article (the sample ships none: see the README),
        // so that its copies, srcset and sizes are checked too.
        Path articles = tmp.resolve("articles");
        try (var walk = Files.walk(Path.of("articles"))) {
            for (Path f : walk.toList()) {
                Path to = articles.resolve(Path.of("articles").relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        java.awt.image.BufferedImage picture = new java.awt.image.BufferedImage(1600, 900, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 900; y++) {
            for (int x = 0; x < 1600; x++) {
                picture.setRGB(x, y, (x * 255 / 1600) << 16 | (y * 255 / 900) << 8 | 0x60);
            }
        }
        javax.imageio.ImageIO.write(picture, "jpg", articles.resolve("000_2ef354383e72c04e.jpg").toFile());
        BuildReport report = SiteBuilderTest.build(articles, out);
        assertTrue(report.succeeded(), () -> report.problems().toString());
        assertTrue(SiteBuilderTest.filesUnder(out, ".html").size() > 50);
        // Every page kind is checked, redirect pages too: the seed's URL before stop words were left out.
        Path redirect = out.resolve("politique/le-partenariat-strategique-approfondi-au-menu-d-un-entretien-telephonique-entre/index.html");
        assertTrue(Files.readString(redirect).contains("http-equiv=\"refresh\""), "a redirect page in the sample site");
        // And the author pages, their index, and a page whose image has srcset and sizes.
        assertTrue(Files.isRegularFile(out.resolve("auteurs/salma-benali/index.html")), "an author page in the sample site");
        assertTrue(Files.isRegularFile(out.resolve("auteurs/index.html")), "the author index");
        assertTrue(Files.readString(out.resolve("index.html")).contains("srcset="), "an image with renditions in the sample site");
        assertEquals(List.of(), NuChecker.errorsUnder(out));
    }
}
