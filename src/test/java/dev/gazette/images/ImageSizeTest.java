package dev.gazette.images;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageSizeTest {

    private static Optional<ImageSize.Dimensions> size(byte[] bytes) throws Exception {
        return ImageSize.read(new ByteArrayInputStream(bytes));
    }

    private static byte[] encode(String format, int w, int h) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB), format, out);
        return out.toByteArray();
    }

    @Test
    void rasterFormatsWrittenByImageIo() throws Exception {
        assertEquals(Optional.of(new ImageSize.Dimensions(640, 360)), size(encode("png", 640, 360)));
        assertEquals(Optional.of(new ImageSize.Dimensions(33, 17)), size(encode("gif", 33, 17)));
        assertEquals(Optional.of(new ImageSize.Dimensions(1200, 675)), size(encode("jpg", 1200, 675)));
    }

    @Test
    void webpHeaders() throws Exception {
        // Lossy: frame tag, start code 9d 01 2a, 14-bit width and height.
        byte[] vp8 = riff("VP8 ", new byte[] {0, 0, 0, (byte) 0x9d, 0x01, 0x2a, (byte) 0x80, 0x02, (byte) 0x68, 0x01});
        assertEquals(Optional.of(new ImageSize.Dimensions(640, 360)), size(vp8));
        // Lossless: signature 0x2f, then width-1 and height-1 on 14 bits each.
        int bits = (100 - 1) | (50 - 1) << 14;
        byte[] vp8l = riff("VP8L", new byte[] {0x2f, (byte) bits, (byte) (bits >> 8), (byte) (bits >> 16), (byte) (bits >> 24)});
        assertEquals(Optional.of(new ImageSize.Dimensions(100, 50)), size(vp8l));
        // Extended: flags, then canvas width-1 and height-1 on 24 bits.
        byte[] vp8x = riff("VP8X", new byte[] {0, 0, 0, 0, (byte) 0xAF, 0x04, 0, 0x37, 0x02, 0});
        assertEquals(Optional.of(new ImageSize.Dimensions(1200, 568)), size(vp8x));
    }

    private static byte[] riff(String chunk, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {0, 0, 0, 0});
        out.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(chunk.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {(byte) payload.length, 0, 0, 0});
        out.writeBytes(payload);
        return out.toByteArray();
    }

    @Test
    void svgSizeFromAttributesOrViewBox() throws Exception {
        assertEquals(Optional.of(new ImageSize.Dimensions(1200, 675)),
                size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"675px\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(new ImageSize.Dimensions(300, 150)),
                size("<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 300 150\" width=\"100%\"/>"
                        .getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.of(new ImageSize.Dimensions(600, 300)),
                size("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" viewBox=\"0,0,300,150\"/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), size("<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void unknownOrTruncatedDataHasNoSize() throws Exception {
        assertEquals(Optional.empty(), size("plain text".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), size(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0}));
        assertEquals(Optional.empty(), size(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}));
    }

    @Test
    void mediaTypesByExtension() {
        assertEquals("image/jpeg", ImageSize.mediaType("A.JPG"));
        assertEquals("image/svg+xml", ImageSize.mediaType("x.svg"));
        assertEquals(null, ImageSize.mediaType("x.bmp"));
    }

    @Test
    void theExifOrientationOfAJpegIsRead() {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, 6, 0, 0, 0, 0, 0, 0};
        byte[] jpeg = new byte[4 + 2 + 6 + tiff.length + 2];
        int length = 2 + 6 + tiff.length;
        byte[] head = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0};
        System.arraycopy(head, 0, jpeg, 0, head.length);
        System.arraycopy(tiff, 0, jpeg, head.length, tiff.length);
        jpeg[jpeg.length - 2] = (byte) 0xFF;
        jpeg[jpeg.length - 1] = (byte) 0xD9;
        org.junit.jupiter.api.Assertions.assertEquals(6, ImageSize.orientation(jpeg));
        org.junit.jupiter.api.Assertions.assertEquals(1, ImageSize.orientation(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}));
        org.junit.jupiter.api.Assertions.assertEquals(1, ImageSize.orientation("<svg/>".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
