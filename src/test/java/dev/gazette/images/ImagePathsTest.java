package dev.gazette.images;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ImagePathsTest {

    @ParameterizedTest
    @ValueSource(strings = {"images/port.svg", "port.jpg", "./images/port.jpg", "images/../port.jpg", "a/b/../../c.png",
            "https://cdn.example.ma/port.jpg", "http://example.ma/a.png", "images/photo d'été.jpg"})
    void acceptsPathsInsideTheFolderAndHttpUrls(String image) {
        assertNull(ImagePaths.check(image), image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "../port.jpg", "../../etc/passwd", "images/../../port.jpg", "a/../../b.jpg", "..\\x.jpg",
            "/etc/passwd", "\\\\server\\share\\x.jpg", "C:\\x.jpg", "c:/x.jpg", "~/x.jpg", "file:///etc/passwd",
            "javascript:alert(1)", "data:image/png;base64,AAAA", "https://", "https:///x.jpg", "http://exa mple.ma/x.jpg"})
    void rejectsEverythingElse(String image) {
        String why = ImagePaths.check(image);
        assertNotNull(why, image);
        assertTrue(image.isBlank() || why.contains(image.strip()), why);
    }

    @Test
    void isUrl() {
        assertTrue(ImagePaths.isUrl("https://x.ma/a.jpg"));
        assertTrue(ImagePaths.isUrl("http://x.ma/a.jpg"));
        assertFalse(ImagePaths.isUrl("images/http.jpg"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../images/port.jpg", "../../racine.jpg", "./photo.jpg", "../2024/../images/a.jpg"})
    void pathsAreRelativeToTheArticlesOwnFolder(String image) {
        assertNull(ImagePaths.check("2025/09/article.md", image), image);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../../x.jpg", "../../../articles/x.jpg", "/etc/passwd"})
    void fromASubFolderPathsStillMayNotLeave(String image) {
        assertNotNull(ImagePaths.check("2025/09/article.md", image), image);
        assertNotNull(ImagePaths.check("article.md", "../x.jpg"));
    }
}
