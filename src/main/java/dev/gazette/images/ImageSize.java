package dev.gazette.images;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads an image's width and height from its first bytes, without decoding it: PNG, GIF, JPEG,
 * WebP (lossy, lossless, extended) and SVG (its {@code width}/{@code height} in pixels, else its
 * {@code viewBox}). The format is told by the content, not the file name.
 */
public final class ImageSize {

    /** An image's intrinsic size, in pixels. */
    public record Dimensions(int width, int height) {
    }

    private static final XMLInputFactory XML = xmlFactory();

    private ImageSize() {
    }

    /** The size of the image in {@code in} (not closed), or empty when the format is unknown or the header broken. */
    public static Optional<Dimensions> read(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in, 64 * 1024);
        buffered.mark(32);
        byte[] head = buffered.readNBytes(16);
        buffered.reset();
        try {
            if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return png(new DataInputStream(buffered));
            }
            if (startsWith(head, 'G', 'I', 'F', '8')) {
                return gif(new DataInputStream(buffered));
            }
            if (startsWith(head, 0xFF, 0xD8)) {
                return jpeg(new DataInputStream(buffered));
            }
            if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && head[8] == 'W' && head[9] == 'E' && head[10] == 'B' && head[11] == 'P') {
                return webp(new DataInputStream(buffered));
            }
            if (looksLikeXml(head)) {
                return svg(buffered);
            }
        } catch (EOFException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The Exif orientation of a JPEG (1 to 8; 1 is upright), or 1 when it has none or is not a
     * JPEG. Browsers turn a photo by it; a decoder that ignores it sees the camera's raw pixels.
     */
    public static int orientation(byte[] jpeg) {
        if (jpeg.length < 4 || (jpeg[0] & 0xFF) != 0xFF || (jpeg[1] & 0xFF) != 0xD8) {
            return 1;
        }
        int at = 2;
        while (at + 4 <= jpeg.length && (jpeg[at] & 0xFF) == 0xFF) {
            int marker = jpeg[at + 1] & 0xFF;
            if (marker == 0xDA || marker == 0xD9) {
                return 1; // the image data: no Exif before it
            }
            int length = (jpeg[at + 2] & 0xFF) << 8 | (jpeg[at + 3] & 0xFF);
            int start = at + 4;
            if (marker == 0xE1 && start + 14 <= jpeg.length && jpeg[start] == 'E' && jpeg[start + 1] == 'x' && jpeg[start + 2] == 'i'
                    && jpeg[start + 3] == 'f') {
                return exifOrientation(jpeg, start + 6, Math.min(jpeg.length, at + 2 + length));
            }
            if (length < 2) {
                return 1;
            }
            at += 2 + length;
        }
        return 1;
    }

    /** The orientation tag (0x0112) of the TIFF structure at {@code tiff} in an Exif segment ending at {@code end}. */
    private static int exifOrientation(byte[] b, int tiff, int end) {
        if (tiff + 8 > end) {
            return 1;
        }
        boolean little = b[tiff] == 'I' && b[tiff + 1] == 'I';
        java.util.function.IntUnaryOperator u16 = i -> little ? (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8 : (b[i] & 0xFF) << 8 | (b[i + 1] & 0xFF);
        long ifdOffset = little ? (b[tiff + 4] & 0xFFL) | (b[tiff + 5] & 0xFFL) << 8 | (b[tiff + 6] & 0xFFL) << 16 | (b[tiff + 7] & 0xFFL) << 24
                : (b[tiff + 4] & 0xFFL) << 24 | (b[tiff + 5] & 0xFFL) << 16 | (b[tiff + 6] & 0xFFL) << 8 | (b[tiff + 7] & 0xFFL);
        long ifd = tiff + ifdOffset;
        if (ifd + 2 > end) {
            return 1;
        }
        int entries = u16.applyAsInt((int) ifd);
        for (int e = 0; e < entries; e++) {
            int entry = (int) ifd + 2 + e * 12;
            if (entry + 12 > end) {
                return 1;
            }
            if (u16.applyAsInt(entry) == 0x0112) {
                int value = u16.applyAsInt(entry + 8);
                return value >= 1 && value <= 8 ? value : 1;
            }
        }
        return 1;
    }

    /** The media type a file name says, for feeds' enclosures; {@code null} when unknown. */
    public static String mediaType(String fileName) {
        String n = fileName.toLowerCase(Locale.ROOT);
        if (n.endsWith(".jpg") || n.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (n.endsWith(".png")) {
            return "image/png";
        }
        if (n.endsWith(".gif")) {
            return "image/gif";
        }
        if (n.endsWith(".webp")) {
            return "image/webp";
        }
        if (n.endsWith(".svg")) {
            return "image/svg+xml";
        }
        if (n.endsWith(".avif")) {
            return "image/avif";
        }
        return null;
    }

    private static Optional<Dimensions> png(DataInputStream in) throws IOException {
        in.skipNBytes(8 + 4);
        if (in.readInt() != 0x49484452) { // "IHDR"
            return Optional.empty();
        }
        return of(in.readInt(), in.readInt());
    }

    private static Optional<Dimensions> gif(DataInputStream in) throws IOException {
        in.skipNBytes(6);
        int w = in.readUnsignedByte() | in.readUnsignedByte() << 8;
        int h = in.readUnsignedByte() | in.readUnsignedByte() << 8;
        return of(w, h);
    }

    private static Optional<Dimensions> jpeg(DataInputStream in) throws IOException {
        in.skipNBytes(2);
        while (true) {
            int b = in.readUnsignedByte();
            if (b != 0xFF) {
                return Optional.empty();
            }
            int marker = in.readUnsignedByte();
            while (marker == 0xFF) { // fill bytes
                marker = in.readUnsignedByte();
            }
            if (marker == 0xD8 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {
                continue; // markers without a length
            }
            if (marker == 0xD9 || marker == 0xDA) {
                return Optional.empty(); // end of image, or the scan began before any frame header
            }
            int length = in.readUnsignedShort();
            boolean frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (frame) {
                in.skipNBytes(1); // sample precision
                int h = in.readUnsignedShort();
                int w = in.readUnsignedShort();
                return of(w, h);
            }
            if (length < 2) {
                return Optional.empty();
            }
            in.skipNBytes(length - 2L);
        }
    }

    private static Optional<Dimensions> webp(DataInputStream in) throws IOException {
        in.skipNBytes(12);
        byte[] chunk = in.readNBytes(4);
        in.skipNBytes(4); // chunk size
        String type = new String(chunk, java.nio.charset.StandardCharsets.US_ASCII);
        switch (type) {
            case "VP8 " -> {
                in.skipNBytes(3); // frame tag
                if (in.readUnsignedByte() != 0x9D || in.readUnsignedByte() != 0x01 || in.readUnsignedByte() != 0x2A) {
                    return Optional.empty();
                }
                int w = (in.readUnsignedByte() | in.readUnsignedByte() << 8) & 0x3FFF;
                int h = (in.readUnsignedByte() | in.readUnsignedByte() << 8) & 0x3FFF;
                return of(w, h);
            }
            case "VP8L" -> {
                if (in.readUnsignedByte() != 0x2F) {
                    return Optional.empty();
                }
                long bits = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16
                        | (long) in.readUnsignedByte() << 24;
                return of((int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1);
            }
            case "VP8X" -> {
                in.skipNBytes(4); // flags
                int w = (in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16) + 1;
                int h = (in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16) + 1;
                return of(w, h);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    private static Optional<Dimensions> svg(InputStream in) {
        try {
            XMLStreamReader r = XML.createXMLStreamReader(in);
            try {
                while (r.hasNext()) {
                    if (r.next() == XMLStreamConstants.START_ELEMENT) {
                        if (!"svg".equals(r.getLocalName())) {
                            return Optional.empty();
                        }
                        return svgSize(r.getAttributeValue(null, "width"), r.getAttributeValue(null, "height"),
                                r.getAttributeValue(null, "viewBox"));
                    }
                }
                return Optional.empty();
            } finally {
                r.close();
            }
        } catch (XMLStreamException e) {
            return Optional.empty();
        }
    }

    /** The size an SVG root declares: pixel lengths first, the view box's proportions to fill in. */
    static Optional<Dimensions> svgSize(String width, String height, String viewBox) {
        double w = pixels(width);
        double h = pixels(height);
        double vw = -1;
        double vh = -1;
        if (viewBox != null) {
            String[] parts = viewBox.trim().split("[\\s,]+");
            if (parts.length == 4) {
                try {
                    vw = Double.parseDouble(parts[2]);
                    vh = Double.parseDouble(parts[3]);
                } catch (NumberFormatException e) {
                    vw = -1;
                }
            }
        }
        boolean box = vw > 0 && vh > 0;
        if (w > 0 && h <= 0 && box) {
            h = w * vh / vw;
        } else if (h > 0 && w <= 0 && box) {
            w = h * vw / vh;
        } else if (w <= 0 && h <= 0 && box) {
            w = vw;
            h = vh;
        }
        return of((int) Math.round(w), (int) Math.round(h));
    }

    /** A length in pixels ({@code 1200}, {@code 1200px}), or -1 for none or a relative unit. */
    private static double pixels(String length) {
        if (length == null) {
            return -1;
        }
        String v = length.trim();
        if (v.endsWith("px")) {
            v = v.substring(0, v.length() - 2).trim();
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<Dimensions> of(int w, int h) {
        return w > 0 && h > 0 ? Optional.of(new Dimensions(w, h)) : Optional.empty();
    }

    private static boolean startsWith(byte[] head, int... magic) {
        if (head.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeXml(byte[] head) {
        int i = 0;
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            i = 3;
        }
        while (i < head.length && Character.isWhitespace(head[i])) {
            i++;
        }
        return i < head.length && head[i] == '<';
    }

    /** A parser that never fetches anything: no DTDs, no external entities. */
    private static XMLInputFactory xmlFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return f;
    }
}
