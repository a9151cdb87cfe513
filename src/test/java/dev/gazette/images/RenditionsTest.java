package dev.gazette.images;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class RenditionsTest {

    private static ImageInfo jpeg(String url, int w, int h) {
        return new ImageInfo(url, w, h, 1000, "image/jpeg");
    }

    @Test
    void copiesArePlannedAtEachWidthBelowTheImagesOwnBesideIt() {
        Map<String, ImageInfo> planned = Renditions.plan(Map.of("media/a.jpg", jpeg("media/a.jpg", 1000, 500),
                        "media/big.jpg", jpeg("media/big.jpg", 3000, 2000), "media/small.jpg", jpeg("media/small.jpg", 400, 300),
                        "media/b.svg", new ImageInfo("media/b.svg", 2000, 1000, 10, "image/svg+xml"), "media/body.jpg", jpeg("media/body.jpg", 2000, 1000)),
                Set.of("media/a.jpg", "media/big.jpg", "media/small.jpg", "media/b.svg"), Set.of("media/big.800w.jpg"));
        assertEquals(List.of(new ImageInfo.Rendition("media/a.480w.jpg", 480, 240), new ImageInfo.Rendition("media/a.800w.jpg", 800, 400)),
                planned.get("media/a.jpg").renditions());
        assertEquals(List.of(480, 1200), planned.get("media/big.jpg").renditions().stream().map(ImageInfo.Rendition::width).toList(),
                "never over a file of the site");
        assertEquals(List.of(), planned.get("media/small.jpg").renditions());
        assertEquals(List.of(), planned.get("media/b.svg").renditions(), "SVG scales by itself");
        assertEquals(List.of(), planned.get("media/body.jpg").renditions(), "body images are not in srcset");
        assertEquals("media/x.y/z.480w", Renditions.url("media/x.y/z", 480));
    }

    @Test
    void scalingAveragesAreasAndKeepsTransparency() {
        BufferedImage checker = new BufferedImage(4, 2, BufferedImage.TYPE_INT_ARGB);
        for (int x = 0; x < 4; x++) {
            for (int y = 0; y < 2; y++) {
                checker.setRGB(x, y, (x + y) % 2 == 0 ? 0xFFFFFFFF : 0xFF000000);
            }
        }
        BufferedImage half = Renditions.scale(checker, 2, 1);
        assertEquals(0xFF808080, half.getRGB(0, 0), "white and black average to mid-grey");
        BufferedImage clear = new BufferedImage(2, 1, BufferedImage.TYPE_INT_ARGB);
        clear.setRGB(0, 0, 0xFFFF0000);
        clear.setRGB(1, 0, 0x0000FF00); // transparent green: lends no colour
        assertEquals(0x80FF0000, Renditions.scale(clear, 1, 1).getRGB(0, 0));
    }

    @Test
    void encodingIsDeterministic() throws IOException {
        BufferedImage image = new BufferedImage(900, 600, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 900; x++) {
            for (int y = 0; y < 600; y++) {
                image.setRGB(x, y, (x * 7 ^ y * 13) & 0xFFFFFF);
            }
        }
        ByteArrayOutputStream source = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", source);
        BufferedImage decoded = Renditions.decode(source.toByteArray());
        byte[] one = Renditions.encode(Renditions.scale(decoded, 480, 320), "image/jpeg");
        byte[] two = Renditions.encode(Renditions.scale(Renditions.decode(source.toByteArray()), 480, 320), "image/jpeg");
        assertArrayEquals(one, two);
        assertEquals(480, ImageIO.read(new java.io.ByteArrayInputStream(one)).getWidth());
        assertTrue(Renditions.encode(Renditions.scale(decoded, 480, 320), "image/png").length > 0);
    }
}
