package dev.gazette.cache;

import java.io.DataInput;
import java.io.DataInputStream;
import java.io.EOFException;
import java.nio.charset.StandardCharsets;

/**
 * Reads what a {@link java.io.DataOutputStream} wrote, out of a byte array already in memory.
 * Not a {@code DataInputStream} over a {@code ByteArrayInputStream}: that reads each number a
 * byte at a time through a synchronized call, which made decoding a build's ten thousand cached
 * analyses and parses cost more than reading their files (profiled on a publish at 10,000
 * articles). Same format, same errors at a short input ({@link EOFException}).
 */
public final class ByteReader implements DataInput {

    private final byte[] bytes;
    private final int end;
    private int at;

    public ByteReader(byte[] bytes) {
        this.bytes = bytes;
        this.end = bytes.length;
    }

    /** Bytes left to read. */
    public int remaining() {
        return end - at;
    }

    private int take(int n) throws EOFException {
        if (n < 0 || end - at < n) {
            throw new EOFException();
        }
        int start = at;
        at += n;
        return start;
    }

    @Override
    public void readFully(byte[] b) throws EOFException {
        readFully(b, 0, b.length);
    }

    @Override
    public void readFully(byte[] b, int off, int len) throws EOFException {
        System.arraycopy(bytes, take(len), b, off, len);
    }

    /** The next {@code n} bytes, as a new array. */
    public byte[] readBytes(int n) throws EOFException {
        int start = take(n);
        return java.util.Arrays.copyOfRange(bytes, start, start + n);
    }

    @Override
    public int skipBytes(int n) {
        int skipped = Math.max(0, Math.min(n, end - at));
        at += skipped;
        return skipped;
    }

    @Override
    public boolean readBoolean() throws EOFException {
        return bytes[take(1)] != 0;
    }

    @Override
    public byte readByte() throws EOFException {
        return bytes[take(1)];
    }

    @Override
    public int readUnsignedByte() throws EOFException {
        return bytes[take(1)] & 0xFF;
    }

    @Override
    public short readShort() throws EOFException {
        return (short) readUnsignedShort();
    }

    @Override
    public int readUnsignedShort() throws EOFException {
        int i = take(2);
        return (bytes[i] & 0xFF) << 8 | bytes[i + 1] & 0xFF;
    }

    @Override
    public char readChar() throws EOFException {
        return (char) readUnsignedShort();
    }

    @Override
    public int readInt() throws EOFException {
        int i = take(4);
        return (bytes[i] & 0xFF) << 24 | (bytes[i + 1] & 0xFF) << 16 | (bytes[i + 2] & 0xFF) << 8 | bytes[i + 3] & 0xFF;
    }

    @Override
    public long readLong() throws EOFException {
        return (long) readInt() << 32 | readInt() & 0xFFFFFFFFL;
    }

    @Override
    public float readFloat() throws EOFException {
        return Float.intBitsToFloat(readInt());
    }

    @Override
    public double readDouble() throws EOFException {
        return Double.longBitsToDouble(readLong());
    }

    /** Not part of the format anything here writes. */
    @Override
    public String readLine() {
        throw new UnsupportedOperationException("readLine");
    }

    /**
     * A string {@code writeUTF} wrote. Most are ASCII, which modified UTF-8 writes as itself:
     * those become a string directly; any other goes through the JDK's own decoder.
     */
    @Override
    public String readUTF() throws java.io.IOException {
        int mark = at;
        int n = readUnsignedShort();
        int start = take(n);
        for (int i = start; i < start + n; i++) {
            if (bytes[i] <= 0) { // a byte of a multi-byte sequence (negative), or an impossible 0
                at = mark;
                return DataInputStream.readUTF(this);
            }
        }
        return new String(bytes, start, n, StandardCharsets.ISO_8859_1);
    }
}
