package dev.gazette.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A small site written by a test into a temporary folder: {@code articles/}, optional
 * {@code site.yml} and {@code templates/}, and the output folder {@code site-out/}. Builds it and
 * checks that a build touches nothing but its output folder.
 */
final class FixtureSite {

    static final Instant NOW = Instant.parse("2025-09-13T00:00:00Z");

    /** The test's temporary folder, which holds the site's folder and nothing else. */
    final Path tmp;
    final Path root;
    final Path articles;
    final Path out;

    FixtureSite(Path tmp) throws IOException {
        this.tmp = tmp;
        this.root = tmp.resolve("site");
        this.articles = Files.createDirectories(root.resolve("articles"));
        this.out = root.resolve("site-out");
    }

    /** Writes {@code text} to {@code relative} (under the site's folder), creating folders. */
    FixtureSite file(String relative, String text) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    /** Writes an article {@code articles/name} with the given front-matter lines and body. */
    FixtureSite article(String name, String body, String... frontMatter) throws IOException {
        return file("articles/" + name, "---\n" + String.join("\n", frontMatter) + "\n---\n" + body + "\n");
    }

    /** A previous build's output, to check that a failed build leaves it alone. */
    FixtureSite previousSite() throws IOException {
        file("site-out/" + dev.gazette.output.SiteOutput.MARKER, "made by Gazette");
        file("site-out/index.html", "<!doctype html><title>previous</title>");
        file("site-out/politique/ancien/index.html", "previous page");
        return this;
    }

    BuildReport build() throws IOException {
        Path config = root.resolve("site.yml");
        BuildOptions options = new BuildOptions(articles, root.resolve("templates"), out, Files.exists(config) ? config : null,
                null, false, false, NOW, 2);
        Map<String, byte[]> outside = snapshotOutsideOutput();
        BuildReport report = SiteBuilder.build(options);
        Map<String, byte[]> after = snapshotOutsideOutput();
        assertEquals(outside.keySet(), after.keySet(), "the build wrote, or left, something outside its output folder");
        outside.forEach((k, v) -> assertArrayEquals(v, after.get(k), k));
        return report;
    }

    /** Every entry of the temporary folder but the output folder, with its bytes (empty for folders and links). */
    private Map<String, byte[]> snapshotOutsideOutput() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        // A build keeps two things beside its output, by design: the lock file, and the site it
        // replaced, set aside (`.site-out.old-…`) for the next build to make its site in. Neither
        // is descended into.
        Path lock = out.resolveSibling("." + out.getFileName() + ".lock");
        String aside = "." + out.getFileName() + ".old-";
        Files.walkFileTree(tmp, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, java.nio.file.attribute.BasicFileAttributes attrs) {
                if (dir.equals(out) || setAside(dir, aside)) {
                    return java.nio.file.FileVisitResult.SKIP_SUBTREE;
                }
                files.put(tmp.relativize(dir).toString(), new byte[0]);
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, java.nio.file.attribute.BasicFileAttributes attrs) throws IOException {
                if (!p.equals(lock) && !setAside(p, aside)) {
                    files.put(tmp.relativize(p).toString(), attrs.isRegularFile() ? Files.readAllBytes(p) : new byte[0]);
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private boolean setAside(Path p, String prefix) {
        if (!p.startsWith(out.getParent()) || p.equals(out.getParent())) {
            return false;
        }
        Path first = out.getParent().relativize(p).getName(0);
        return first.toString().startsWith(prefix);
    }

    /** Every file of the output folder with its bytes. */
    Map<String, byte[]> output() throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        if (!Files.exists(out)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(out)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                files.put(out.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return files;
    }
}
