package dev.gazette.images;

import dev.gazette.model.Problem;
import dev.gazette.text.ContentHash;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Smaller copies of the articles' local JPEG and PNG images, so that a phone does not download a
 * 2,000-pixel photo for a 400-pixel card: each image wider than a width of {@link #WIDTHS} gets a
 * copy at that width, published beside it ({@code media/port.jpg} → {@code media/port.480w.jpg}),
 * and pages list them in {@code srcset}, the original staying the {@code src}.
 *
 * <p>Pure Java (javax.imageio and a resampler of its own), no native code. Deterministic: the
 * resampler is plain arithmetic in a fixed order, and the encoders write no time or random
 * identifier, so a rendition has the same bytes on every build and with any number of threads.
 * Encoding costs tens of milliseconds an image: a rendition is kept in a {@link Store} under the
 * hash of its source's bytes, and made again only when the picture changes. WebP and AVIF are not
 * written: no maintained pure-Java encoder exists (TwelveMonkeys reads WebP but cannot write it;
 * the WebP writers for ImageIO wrap the native libwebp).
 */
public final class Renditions {

    /** The widths of the copies, in pixels: phones, tablets and half screens, wide screens. */
    public static final List<Integer> WIDTHS = List.of(480, 800, 1200);
    /** Past this many pixels an image is not decoded (about 200 MB of memory): it is published as it is. */
    static final long MAX_PIXELS = 50_000_000L;
    /** Part of every key: a change to the resampler or the encoders' settings makes new copies. */
    static final String ENCODER = "area-average/jpeg-q82/png/1";
    private static final float JPEG_QUALITY = 0.82f;

    private Renditions() {
    }

    /** Where renditions are kept between builds, by a key naming the source's bytes, the width and the encoder. */
    public interface Store {
        Optional<byte[]> get(String key);

        void put(String key, byte[] bytes);

        /** No store: every rendition is encoded. */
        Store NONE = of(key -> Optional.empty(), (key, bytes) -> { });

        static Store of(Function<String, Optional<byte[]>> get, BiConsumer<String, byte[]> put) {
            return new Store() {
                @Override
                public Optional<byte[]> get(String key) {
                    return get.apply(key);
                }

                @Override
                public void put(String key, byte[] bytes) {
                    put.accept(key, bytes);
                }
            };
        }
    }

    /**
     * What making the renditions did.
     *
     * @param written  renditions written (from the store or encoded)
     * @param encoded  of those, the ones encoded by this build (not found in the store)
     * @param problems images whose copies could not be made (they are shown at their own size)
     */
    public record Made(long written, long encoded, List<Problem> problems) {
        public Made {
            problems = List.copyOf(problems);
        }
    }

    /** Whether {@code image} can have renditions: a local JPEG or PNG of known size. */
    public static boolean resizable(ImageInfo image) {
        return image.hasSize() && ("image/jpeg".equals(image.mediaType()) || "image/png".equals(image.mediaType()))
                && (long) image.width() * image.height() <= MAX_PIXELS;
    }

    /** Where the copy of the image published at {@code url} at {@code width} is published: {@code media/a.jpg} → {@code media/a.480w.jpg}. */
    public static String url(String url, int width) {
        int slash = url.lastIndexOf('/');
        int dot = url.lastIndexOf('.');
        return dot > slash ? url.substring(0, dot) + "." + width + "w" + url.substring(dot) : url + "." + width + "w";
    }

    /**
     * The images with their renditions planned: those of {@code main} (the articles' main images,
     * by URL) that are resizable get one per width of {@link #WIDTHS} below their own, unless a
     * file of the site ({@code taken}) is already at a rendition's URL. Only sizes are computed
     * here; nothing is decoded.
     */
    public static Map<String, ImageInfo> plan(Map<String, ImageInfo> images, Set<String> main, Set<String> taken) {
        Map<String, ImageInfo> out = new TreeMap<>(images);
        for (String url : main) {
            ImageInfo image = images.get(url);
            if (image == null || !resizable(image)) {
                continue;
            }
            List<ImageInfo.Rendition> renditions = new ArrayList<>(WIDTHS.size());
            for (int width : WIDTHS) {
                String at = url(url, width);
                if (width < image.width() && !taken.contains(at)) {
                    renditions.add(new ImageInfo.Rendition(at, width, heightAt(image, width)));
                }
            }
            if (!renditions.isEmpty()) {
                out.put(url, image.withRenditions(renditions));
            }
        }
        return out;
    }

    /** The height of {@code image} scaled to {@code width}, rounded, at least 1. */
    static int heightAt(ImageInfo image, int width) {
        return (int) Math.max(1, Math.round((double) image.height() * width / image.width()));
    }

    /**
     * Makes every planned rendition of {@code images} (as {@link #plan} left them) from the files
     * {@code files} (published URL → file), in parallel on {@code pool}, and hands each one to
     * {@code out} (published URL, bytes; called from several threads). A rendition the store holds
     * is not encoded again.
     *
     * @param owners for messages: the article using each image, by URL
     */
    public static Made write(Map<String, ImageInfo> images, Map<String, Path> files, Map<String, String> owners, Store store,
                             ForkJoinPool pool, BiConsumer<String, byte[]> out) {
        List<ImageInfo> planned = images.values().stream().filter(i -> !i.renditions().isEmpty() && files.containsKey(i.url())).toList();
        AtomicLong written = new AtomicLong();
        AtomicLong encoded = new AtomicLong();
        Map<String, Problem> problems = new java.util.concurrent.ConcurrentSkipListMap<>();
        try {
            pool.submit(() -> planned.parallelStream().forEach(image -> {
                try {
                    byte[] source = Files.readAllBytes(files.get(image.url()));
                    String hash = ContentHash.of(source);
                    Pixels decoded = null;
                    for (ImageInfo.Rendition r : image.renditions()) {
                        String key = hash + "|" + r.width() + "|" + image.mediaType() + "|" + ENCODER;
                        Optional<byte[]> kept = store.get(key);
                        byte[] bytes;
                        if (kept.isPresent()) {
                            bytes = kept.get();
                        } else {
                            if (decoded == null) {
                                decoded = Pixels.of(decode(source));
                            }
                            bytes = encode(scale(decoded, r.width(), r.height()), image.mediaType());
                            store.put(key, bytes);
                            encoded.incrementAndGet();
                        }
                        out.accept(r.url(), bytes);
                        written.incrementAndGet();
                    }
                } catch (IOException | RuntimeException e) {
                    String owner = owners.getOrDefault(image.url(), image.url());
                    problems.put(image.url(), Problem.warning(owner, 0, "image", "cannot make the smaller copies of `" + image.url()
                                    + "` (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + "); pages show it at its own size.",
                            "save the picture again as an ordinary RGB JPEG or PNG (not CMYK), or use another picture."));
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("build interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
        return new Made(written.get(), encoded.get(), new ArrayList<>(problems.values()));
    }

    /**
     * Decodes a JPEG or PNG, in memory: ImageIO's convenience methods may cache the stream in a
     * temporary file, and nothing is written outside the output folder.
     */
    static BufferedImage decode(byte[] bytes) throws IOException {
        if (ImageSize.orientation(bytes) > 1) {
            // A camera's photo turned by its Exif tag: browsers turn it, ImageIO does not. Copies
            // made from the raw pixels would lie on their side, so there are none.
            throw new IOException("the photo is turned by its Exif orientation tag; copies would lie on their side");
        }
        try (ImageInputStream in = new MemoryCacheImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException("not a JPEG or PNG that Java can read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return reader.read(0);
            } finally {
                reader.dispose();
            }
        }
    }

    /**
     * {@code image} at {@code width}×{@code height} by area averaging: each new pixel is the mean of
     * the source pixels it covers, weighted by how much of each it covers, which is what reducing
     * a photo wants (no aliasing, no ringing). Alpha is premultiplied while averaging so that
     * transparent pixels lend no colour. Plain double arithmetic in a fixed order: the same bytes
     * on every machine.
     */
    static BufferedImage scale(BufferedImage image, int width, int height) {
        return scale(Pixels.of(image), width, height);
    }

    /** An image's pixels as packed ARGB, read once for all its copies. */
    record Pixels(int[] argb, int width, int height, boolean alpha) {
        static Pixels of(BufferedImage image) {
            int w = image.getWidth();
            int h = image.getHeight();
            // JPEGs decode to 3-byte BGR: read the bytes straight, getRGB's colour model calls cost as much as the resampling.
            if (image.getType() == BufferedImage.TYPE_3BYTE_BGR
                    && image.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferByte data && data.getNumBanks() == 1
                    && image.getRaster().getSampleModel() instanceof java.awt.image.PixelInterleavedSampleModel sm
                    && sm.getScanlineStride() == w * 3 && sm.getPixelStride() == 3 && image.getRaster().getSampleModelTranslateX() == 0
                    && image.getRaster().getSampleModelTranslateY() == 0) {
                byte[] bgr = data.getData();
                int[] argb = new int[w * h];
                for (int i = 0, j = 0; i < argb.length; i++, j += 3) {
                    argb[i] = 0xFF000000 | (bgr[j + 2] & 0xFF) << 16 | (bgr[j + 1] & 0xFF) << 8 | (bgr[j] & 0xFF);
                }
                return new Pixels(argb, w, h, false);
            }
            return new Pixels(image.getRGB(0, 0, w, h, null, 0, w), w, h, image.getColorModel().hasAlpha());
        }
    }

    static BufferedImage scale(Pixels pixels, int width, int height) {
        int w = pixels.width();
        int h = pixels.height();
        boolean alpha = pixels.alpha();
        int[] argb = pixels.argb();
        Span[] xs = spans(w, width);
        Span[] ys = spans(h, height);
        // The horizontal pass first, straight from the pixels: what it keeps is already narrower.
        // Channels premultiplied by alpha: [a, r, g, b] per pixel.
        float[] rows = new float[width * h * 4];
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < width; x++) {
                Span s = xs[x];
                double sa = 0;
                double sr = 0;
                double sg = 0;
                double sb = 0;
                for (int k = 0; k < s.weights.length; k++) {
                    int p = argb[row + s.first + k];
                    double weight = s.weights[k];
                    double aw = alpha ? (p >>> 24) / 255.0 * weight : weight;
                    sa += aw;
                    sr += ((p >> 16) & 0xFF) * aw;
                    sg += ((p >> 8) & 0xFF) * aw;
                    sb += (p & 0xFF) * aw;
                }
                int at = (y * width + x) * 4;
                rows[at] = (float) sa;
                rows[at + 1] = (float) sr;
                rows[at + 2] = (float) sg;
                rows[at + 3] = (float) sb;
            }
        }
        BufferedImage out = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] result = ((java.awt.image.DataBufferInt) out.getRaster().getDataBuffer()).getData();
        for (int y = 0; y < height; y++) {
            Span s = ys[y];
            for (int x = 0; x < width; x++) {
                double a = 0;
                double r = 0;
                double g = 0;
                double b = 0;
                for (int k = 0; k < s.weights.length; k++) {
                    int at = ((s.first + k) * width + x) * 4;
                    double weight = s.weights[k];
                    a += rows[at] * weight;
                    r += rows[at + 1] * weight;
                    g += rows[at + 2] * weight;
                    b += rows[at + 3] * weight;
                }
                int ai = clamp(a * 255.0);
                int ri = a > 0 ? clamp(r / a) : 0;
                int gi = a > 0 ? clamp(g / a) : 0;
                int bi = a > 0 ? clamp(b / a) : 0;
                result[y * width + x] = (alpha ? ai << 24 : 0) | ri << 16 | gi << 8 | bi;
            }
        }
        return out;
    }

    /** The source pixels {@code first…} a new pixel covers, and the share of each (summing to 1). */
    private record Span(int first, double[] weights) {
    }

    private static Span[] spans(int from, int to) {
        Span[] spans = new Span[to];
        double scale = (double) from / to;
        for (int i = 0; i < to; i++) {
            double start = i * scale;
            double end = Math.min(from, (i + 1) * scale);
            int first = (int) Math.floor(start);
            int last = Math.min(from - 1, (int) Math.ceil(end) - 1);
            double[] weights = new double[last - first + 1];
            for (int k = first; k <= last; k++) {
                double covered = Math.min(end, k + 1) - Math.max(start, k);
                weights[k - first] = covered / (end - start);
            }
            spans[i] = new Span(first, weights);
        }
        return spans;
    }

    private static int clamp(double v) {
        long r = Math.round(v);
        return (int) Math.max(0, Math.min(255, r));
    }

    /** Encodes {@code image} as {@code mediaType} (JPEG at quality 0.82, or PNG), in memory. */
    static byte[] encode(BufferedImage image, String mediaType) throws IOException {
        boolean jpeg = "image/jpeg".equals(mediaType);
        ImageWriter writer = ImageIO.getImageWritersByFormatName(jpeg ? "jpeg" : "png").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (jpeg) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(JPEG_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
