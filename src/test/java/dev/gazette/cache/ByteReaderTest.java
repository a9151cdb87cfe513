package dev.gazette.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ByteReaderTest {

    /** Strings with what modified UTF-8 writes unlike ASCII: accents, Arabic, a NUL, an emoji (a surrogate pair). */
    private static final String[] SAMPLES = {"", "russe", "Sergueï Lavrov", "المغرب", "a\u0000b", "\uD83D\uDCF0 Gazette", "\u00A0:", "\u007F"};

    @Test
    void readsBackWhatADataOutputStreamWroteAsTheJdkReaderDoes() throws IOException {
        Random random = new Random(20261201);
        for (int round = 0; round < 200; round++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            DataOutputStream out = new DataOutputStream(bytes);
            int fields = 1 + random.nextInt(40);
            int[] kinds = new int[fields];
            for (int f = 0; f < fields; f++) {
                kinds[f] = random.nextInt(7);
                switch (kinds[f]) {
                    case 0 -> out.writeInt(random.nextInt());
                    case 1 -> out.writeLong(random.nextLong());
                    case 2 -> out.writeFloat(random.nextFloat() * (random.nextBoolean() ? -1e6f : 1e-6f));
                    case 3 -> out.writeBoolean(random.nextBoolean());
                    case 4 -> out.writeByte(random.nextInt(256));
                    case 5 -> out.writeUTF(SAMPLES[random.nextInt(SAMPLES.length)] + random.nextInt(1000));
                    default -> out.writeShort(random.nextInt(1 << 16));
                }
            }
            out.flush();
            byte[] written = bytes.toByteArray();
            ByteReader ours = new ByteReader(written);
            DataInputStream jdk = new DataInputStream(new ByteArrayInputStream(written));
            for (int f = 0; f < fields; f++) {
                switch (kinds[f]) {
                    case 0 -> assertEquals(jdk.readInt(), ours.readInt());
                    case 1 -> assertEquals(jdk.readLong(), ours.readLong());
                    case 2 -> assertEquals(Float.floatToIntBits(jdk.readFloat()), Float.floatToIntBits(ours.readFloat()));
                    case 3 -> assertEquals(jdk.readBoolean(), ours.readBoolean());
                    case 4 -> assertEquals(jdk.readUnsignedByte(), ours.readUnsignedByte());
                    case 5 -> assertEquals(jdk.readUTF(), ours.readUTF());
                    default -> assertEquals(jdk.readUnsignedShort(), ours.readUnsignedShort());
                }
            }
            assertEquals(0, ours.remaining());
        }
    }

    @Test
    void aShortInputIsAnEndOfFileNotGarbage() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeUTF("Sergueï Lavrov");
        byte[] whole = bytes.toByteArray();
        for (int cut = 0; cut < whole.length; cut++) {
            byte[] part = java.util.Arrays.copyOf(whole, cut);
            assertThrows(EOFException.class, () -> new ByteReader(part).readUTF(), "cut at " + cut);
        }
        assertThrows(EOFException.class, () -> new ByteReader(new byte[3]).readInt());
        assertThrows(EOFException.class, () -> new ByteReader(new byte[2]).readBytes(3));
        assertArrayEquals(new byte[] {1, 2}, new ByteReader(new byte[] {1, 2, 3}).readBytes(2));
    }
}
