package dev.gazette.output;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * Exchanges two folders in one step of the file system, so that a reader of either path sees the
 * old folder or the new one, never nothing. The JDK can only rename, and replacing a non-empty
 * folder by renaming takes two steps with a gap between them; Linux ({@code renameat2} with
 * {@code RENAME_EXCHANGE}, 3.15+) and macOS ({@code renamex_np} with {@code RENAME_SWAP}, 10.12+)
 * can swap, reached through JNA. Elsewhere, or on a file system that cannot swap, {@link #exchange}
 * says so and the caller falls back to two renames.
 */
final class DirectorySwap {

    private static final int AT_FDCWD = -100;
    private static final int RENAME_EXCHANGE = 2; // linux/fs.h
    private static final int RENAME_SWAP = 2;     // macOS stdio.h
    /** EINVAL, ENOSYS, EOPNOTSUPP (Linux) and ENOTSUP (macOS): the swap itself is not supported. */
    private static final Set<Integer> UNSUPPORTED = Set.of(22, 38, 95, 45, 78);

    private interface LinuxC extends Library {
        int renameat2(int olddirfd, byte[] oldpath, int newdirfd, byte[] newpath, int flags) throws LastErrorException;
    }

    private interface DarwinC extends Library {
        int renamex_np(byte[] from, byte[] to, int flags) throws LastErrorException;
    }

    /** Loaded on first use only: most commands never swap, and loading native code costs start-up time. */
    private static final class CLibrary {
        static final Library C = load();

        private static Library load() {
            try {
                if (Platform.isLinux()) {
                    return Native.load(Platform.C_LIBRARY_NAME, LinuxC.class);
                }
                if (Platform.isMac()) {
                    return Native.load(Platform.C_LIBRARY_NAME, DarwinC.class);
                }
            } catch (UnsatisfiedLinkError | RuntimeException e) {
                // No native access here (a locked-down temp folder, an exotic platform): fall back.
            }
            return null;
        }
    }

    private DirectorySwap() {
    }

    /**
     * Swaps the folders {@code a} and {@code b} (both must exist, on one file system).
     *
     * @return {@code true} when swapped; {@code false} when this system cannot swap, and nothing changed
     */
    static boolean exchange(Path a, Path b) throws IOException {
        Library c;
        try {
            c = CLibrary.C;
        } catch (LinkageError e) {
            return false;
        }
        if (c == null) {
            return false;
        }
        try {
            if (c instanceof LinuxC linux) {
                linux.renameat2(AT_FDCWD, nativePath(a), AT_FDCWD, nativePath(b), RENAME_EXCHANGE);
            } else {
                ((DarwinC) c).renamex_np(nativePath(a), nativePath(b), RENAME_SWAP);
            }
            return true;
        } catch (LastErrorException e) {
            if (UNSUPPORTED.contains(e.getErrorCode())) {
                return false; // this kernel or file system cannot swap; nothing moved
            }
            throw new IOException("cannot swap " + a + " and " + b + " (error " + e.getErrorCode() + ")");
        }
    }

    /**
     * The path as the C library wants it: in the encoding the JDK itself uses for file names,
     * NUL-terminated, so that accented folder names reach the system call unchanged.
     */
    private static byte[] nativePath(Path path) {
        String encoding = System.getProperty("sun.jnu.encoding");
        Charset charset;
        try {
            charset = encoding == null ? Charset.defaultCharset() : Charset.forName(encoding);
        } catch (RuntimeException e) {
            charset = Charset.defaultCharset();
        }
        byte[] bytes = path.toAbsolutePath().toString().getBytes(charset);
        return Arrays.copyOf(bytes, bytes.length + 1);
    }
}
