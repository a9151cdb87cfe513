package dev.gazette.images;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The image files of a build, each read once however many articles use it and whichever step asks
 * (body images while rewriting bodies, every image for the pages' and feeds' sizes). Thread-safe.
 */
public final class ImageSizes {

    /**
     * What reading a file gave.
     *
     * @param dimensions its width and height, when its header says them
     * @param bytes      its length
     * @param failure    why it could not be read, or {@code null}
     */
    public record Read(Optional<ImageSize.Dimensions> dimensions, long bytes, String failure) {
    }

    private final Map<Path, Read> reads = new ConcurrentHashMap<>();

    /** What reading {@code file} gives, read on first use. */
    public Read of(Path file) {
        return reads.computeIfAbsent(file, ImageSizes::read);
    }

    private static Read read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new Read(ImageSize.read(in), Files.size(file), null);
        } catch (IOException e) {
            return new Read(Optional.empty(), 0, e.getMessage());
        }
    }
}
