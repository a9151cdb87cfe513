package dev.gazette.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {

    @Test
    void aPictureWithTheArticlesBaseNameIsItsCompanion(@TempDir Path root) throws IOException {
        Files.createDirectories(root.resolve("2025"));
        Files.writeString(root.resolve("2025/depeche.txt"), "x");
        Files.write(root.resolve("2025/depeche.png"), new byte[] {1});
        Files.write(root.resolve("2025/depeche.webp"), new byte[] {1});
        Files.write(root.resolve("autre.jpg"), new byte[] {1});
        ImageFiles files = new ImageFiles(root);
        assertEquals("depeche.png", files.companion("2025/depeche.txt"), "the first extension of the list, whatever the listing");
        Files.write(root.resolve("2025/depeche.jpg"), new byte[] {1});
        assertEquals("depeche.jpg", files.companion("2025/depeche.txt"));
        assertNull(files.companion("seule.txt"));
        Files.createDirectories(root.resolve("dossier.jpg"));
        assertNull(files.companion("dossier.txt"), "a folder is not a picture");
    }
}
