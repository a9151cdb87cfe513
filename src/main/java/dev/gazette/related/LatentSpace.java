package dev.gazette.related;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Latent semantic features (LSA): a truncated SVD of the document–term matrix, found by the
 * randomized range finder of Halko, Martinsson and Tropp (2011), so that two articles on one
 * subject come near even when they share few words ("match", "striker", "goal").
 *
 * <p>Bounded work whatever the archive's size: the space is fitted on at most {@link
 * #SAMPLE} documents (evenly spread over the archive's settled months: {@link #sample}) and at most {@link #MAX_TERMS} terms (those
 * most documents have, after the index's own pruning of the commonest); every document is then
 * projected into it, in time proportional to its number of terms.
 *
 * <p>Deterministic: the random matrix comes from a fixed seed per term (from the term itself, so
 * that a new word elsewhere in the archive leaves the others' rows alone), the sample is chosen
 * by the documents' keys, and every sum runs in a fixed order, whatever the number of threads.
 */
final class LatentSpace {

    /** Dimensions kept, at most... */
    static final int DIMENSIONS = 100;
    /**
     * ...and at most one per this many documents: a small archive has fewer subjects, and
     * dimensions beyond them only copy the words back (measured on 100 and 306 real articles).
     */
    static final int DOCUMENTS_PER_DIMENSION = 10;
    /** Extra dimensions of the random range, for accuracy (Halko et al.: 5 to 10). */
    static final int OVERSAMPLING = 10;
    /**
     * Power iterations: with two, the space (and so the rankings of a small archive) still
     * depended on the random seed, by up to 0.06 of p@1 on 100 real articles, whose spectrum is
     * flat; with six, by 0.01, as near the exact SVD as measured (0.61 / 0.372 there). Each costs
     * two sparse products over the sample: at 10,000 articles, six cost no more than two within
     * the noise of the index step (2.9–3.1 s).
     */
    static final int POWER_ITERATIONS = 6;
    /** Documents the space is fitted on, at most. */
    static final int SAMPLE = 4_000;
    /** Terms the space knows, at most. */
    static final int MAX_TERMS = 20_000;
    /** Terms of each sample document the space is fitted on: its strongest. */
    static final int FIT_TERMS = 64;
    /** A term needs this many documents of the sample to be in the space. */
    static final int MIN_DF = 3;

    /** For each term id, its row in {@link #loadings}, or -1. */
    private final int[] row;
    /** Term loadings: {@code rows × dimensions}, row-major. */
    private final float[] loadings;
    private final int dimensions;

    private LatentSpace(int[] row, float[] loadings, int dimensions) {
        this.row = row;
        this.loadings = loadings;
        this.dimensions = dimensions;
    }

    int dimensions() {
        return dimensions;
    }

    /**
     * Fits the space on the sample's unit-length vectors ({@link #sample}; {@code terms[i]}
     * ascending, {@code weights[i]}), or returns {@code null} when the sample is too small for one
     * to mean anything.
     */
    static LatentSpace fit(int[][] terms, float[][] weights, int vocabulary, long[] termSeeds) {
        int s = terms.length;
        int[] df = new int[vocabulary];
        for (int d = 0; d < s; d++) {
            for (int t : terms[d]) {
                df[t]++;
            }
        }
        // The terms most documents of the sample have, ties by id: the space's axes come from them.
        Integer[] candidates = IntStream.range(0, vocabulary).filter(t -> df[t] >= MIN_DF).boxed().toArray(Integer[]::new);
        Arrays.sort(candidates, (a, b) -> df[a] != df[b] ? Integer.compare(df[b], df[a]) : Integer.compare(a, b));
        int m = Math.min(candidates.length, MAX_TERMS);
        int wantedDims = Math.min(DIMENSIONS, Math.max(2, s / DOCUMENTS_PER_DIMENSION));
        int l = Math.min(wantedDims + OVERSAMPLING, Math.min(s, m));
        int k = Math.min(wantedDims, l - OVERSAMPLING / 2);
        if (k < 2) {
            return null;
        }
        int[] row = new int[vocabulary];
        Arrays.fill(row, -1);
        int[] kept = new int[m];
        for (int i = 0; i < m; i++) {
            kept[i] = candidates[i];
        }
        Arrays.sort(kept);
        for (int i = 0; i < m; i++) {
            row[kept[i]] = i;
        }
        // Each sample document by its strongest terms of the space only: they carry most of its
        // weight, and the products below cost in proportion to the terms read.
        int[][] fitTerms = new int[s][];
        float[][] fitWeights = new float[s][];
        IntStream.range(0, s).parallel().forEach(d -> {
            int count = 0;
            long[] ranked = new long[terms[d].length];
            for (int j = 0; j < terms[d].length; j++) {
                if (row[terms[d][j]] >= 0) {
                    // Strongest first (a positive float's bits order like it), then by position.
                    ranked[count++] = ((long) ~Float.floatToIntBits(weights[d][j]) << 32) | j;
                }
            }
            Arrays.sort(ranked, 0, count);
            int keep = Math.min(count, FIT_TERMS);
            int[] at = new int[keep];
            for (int j = 0; j < keep; j++) {
                at[j] = (int) ranked[j];
            }
            Arrays.sort(at);
            fitTerms[d] = new int[keep];
            fitWeights[d] = new float[keep];
            for (int j = 0; j < keep; j++) {
                fitTerms[d][j] = row[terms[d][at[j]]];
                fitWeights[d][j] = weights[d][at[j]];
            }
        });
        // Omega: m × l, Gaussian, one stream per term so that it does not depend on the order of work.
        float[] omega = new float[m * l];
        for (int i = 0; i < m; i++) {
            SplittableRandom r = new SplittableRandom(0x9E3779B97F4A7C15L ^ termSeeds[kept[i]]);
            for (int j = 0; j < l; j++) {
                omega[i * l + j] = (float) gaussian(r);
            }
        }
        // Y = A Omega (s × l); power iterations (Y = A Aᵀ Y) sharpen the spectrum, as text's decays slowly.
        double[] y = times(fitTerms, fitWeights, omega, l);
        orthonormalize(y, s, l);
        for (int i = 0; i < POWER_ITERATIONS; i++) {
            float[] z = transposeTimes(fitTerms, fitWeights, y, m, l);
            y = times(fitTerms, fitWeights, z, l);
            orthonormalize(y, s, l);
        }
        // B = Qᵀ A (l × m), kept as its transpose (m × l); then C = B Bᵀ (l × l).
        float[] bt = transposeTimes(fitTerms, fitWeights, y, m, l);
        double[] c = new double[l * l];
        // Each thread owns rows of C and reads Bᵀ in order: every entry sums over the terms in the same order.
        IntStream.range(0, l).parallel().forEach(i -> {
            for (int t = 0; t < m; t++) {
                double bi = bt[t * l + i];
                if (bi != 0) {
                    int base = t * l;
                    for (int j = i; j < l; j++) {
                        c[i * l + j] += bi * bt[base + j];
                    }
                }
            }
        });
        for (int i = 0; i < l; i++) {
            for (int j = 0; j < i; j++) {
                c[i * l + j] = c[j * l + i];
            }
        }
        double[] vectors = new double[l * l];
        double[] values = jacobi(c, l, vectors);
        Integer[] order = IntStream.range(0, l).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> values[a] != values[b] ? Double.compare(values[b], values[a]) : Integer.compare(a, b));
        // Term loadings V = Bᵀ W Σ⁻¹ (m × k): a document's coordinates are then a·V = its row of U Σ.
        float[] loadings = new float[m * k];
        double[] inverseSigma = new double[k];
        for (int j = 0; j < k; j++) {
            inverseSigma[j] = 1 / Math.sqrt(Math.max(values[order[j]], 1e-12));
        }
        // The eigenvectors kept, one after the other (k × l), for reading in order.
        double[] w = new double[k * l];
        for (int j = 0; j < k; j++) {
            for (int i = 0; i < l; i++) {
                w[j * l + i] = vectors[i * l + order[j]];
            }
        }
        IntStream.range(0, m).parallel().forEach(t -> {
            int base = t * l;
            for (int j = 0; j < k; j++) {
                double sum = 0;
                int wj = j * l;
                for (int i = 0; i < l; i++) {
                    sum += bt[base + i] * w[wj + i];
                }
                loadings[t * k + j] = (float) (sum * inverseSigma[j]);
            }
        });
        return new LatentSpace(row, loadings, k);
    }

    /** The stored form's first bytes: a space of another format is never read. */
    private static final int FORMAT = 0x4C534132; // "LSA2": terms by hash (LSA1 named them by string)

    /**
     * What names a fit: a hash of the sample's vectors ({@code terms[i]} ascending ids, with
     * {@code weights[i]}), each term by its 64-bit hash ({@code termKeys}, by id), not its id (ids
     * move with every new word of the archive), and of the fit's own settings. The terms by their
     * hashes and the whole by {@link dev.gazette.text.ContentHash}: this is worked out at every
     * build, and with each term's UTF-8 under SHA-256 it was a fifth of the index's set-up in a
     * publish (profiled at 10,000 articles). Two samples that differ with one key are as unlikely
     * as two terms with one hash (see {@link TermIds}).
     */
    static String key(int[][] terms, float[][] weights, long[] termKeys) {
        int count = 9;
        for (int[] t : terms) {
            count += 1 + 3 * t.length;
        }
        java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(4 * count);
        for (int setting : new int[] {FORMAT, DIMENSIONS, DOCUMENTS_PER_DIMENSION, OVERSAMPLING, POWER_ITERATIONS, MAX_TERMS,
                FIT_TERMS, MIN_DF, terms.length}) {
            out.putInt(setting);
        }
        for (int d = 0; d < terms.length; d++) {
            out.putInt(terms[d].length);
            for (int k = 0; k < terms[d].length; k++) {
                out.putLong(termKeys[terms[d][k]]).putFloat(weights[d][k]);
            }
        }
        return dev.gazette.text.ContentHash.of(out.array(), out.position());
    }

    /**
     * The space as bytes: its terms (by hash, {@code termKeys} at each id, in id order, which is
     * their order) and their loadings. By hash, as the index knows its terms: by string, reading a
     * space back needed every term's characters, which the analyses' pack no longer makes strings of.
     */
    byte[] bytes(long[] termKeys) {
        int rows = loadings.length / dimensions;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(loadings.length * 4 + rows * 12 + 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeInt(dimensions);
            out.writeInt(rows);
            for (int id = 0; id < row.length; id++) {
                if (row[id] >= 0) {
                    out.writeLong(termKeys[id]);
                }
            }
            for (float v : loadings) {
                out.writeFloat(v);
            }
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * The space {@link #bytes} wrote, its terms found again in the vocabulary by their hashes
     * ({@code termKeys}, at each id); {@code null} when the bytes are not a whole space, or name a
     * term the vocabulary lacks, or out of the vocabulary's order.
     */
    static LatentSpace read(byte[] bytes, long[] termKeys) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (in.readInt() != FORMAT) {
                return null;
            }
            int dimensions = in.readInt();
            int rows = in.readInt();
            if (dimensions < 2 || dimensions > DIMENSIONS || rows < 0 || rows > MAX_TERMS
                    || (long) rows * dimensions * 4 > bytes.length) {
                return null;
            }
            int[] row = new int[termKeys.length];
            Arrays.fill(row, -1);
            // The rows are in id order: each is found by walking the vocabulary on from the last.
            int id = -1;
            for (int r = 0; r < rows; r++) {
                long key = in.readLong();
                do {
                    id++;
                } while (id < termKeys.length && termKeys[id] != key);
                if (id >= termKeys.length) {
                    return null; // missing, or out of the order the fit numbers its rows in
                }
                row[id] = r;
            }
            // The loadings in one bulk read (big-endian, as DataOutputStream wrote them): read a
            // float at a time, through the stream's synchronized byte reads, they took most of a
            // publish's look-up of the space (8 MB at 10,000 articles).
            float[] loadings = new float[rows * dimensions];
            int at = bytes.length - in.available();
            if (bytes.length - at != loadings.length * 4) {
                return null;
            }
            java.nio.ByteBuffer.wrap(bytes, at, loadings.length * 4).asFloatBuffer().get(loadings);
            return new LatentSpace(row, loadings, dimensions);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * A document's coordinates, from its {@link #FIT_TERMS} strongest terms (the fit reads as many):
     * unit length (all zero when it has no term of the space).
     */
    float[] project(int[] terms, float[] weights) {
        float[] x = new float[dimensions];
        float floor = 0;
        if (terms.length > FIT_TERMS) {
            float[] sorted = weights.clone();
            Arrays.sort(sorted);
            floor = sorted[sorted.length - FIT_TERMS];
        }
        int taken = 0;
        for (int i = 0; i < terms.length; i++) {
            if (weights[i] < floor || (weights[i] == floor && taken >= FIT_TERMS)) {
                continue;
            }
            taken++;
            int r = row[terms[i]];
            if (r >= 0) {
                float w = weights[i];
                int base = r * dimensions;
                for (int j = 0; j < dimensions; j++) {
                    x[j] += w * loadings[base + j];
                }
            }
        }
        double norm = 0;
        for (float v : x) {
            norm += (double) v * v;
        }
        if (norm > 0) {
            float inv = (float) (1 / Math.sqrt(norm));
            for (int j = 0; j < dimensions; j++) {
                x[j] *= inv;
            }
        }
        return x;
    }

    /**
     * The documents the space is fitted on (and the statistics counted over), chosen by their
     * key's hash, not their position: those whose key is a multiple of the step, a power of two.
     * A step of {@code n / SAMPLE} rounded up as it was changed the whole sample whenever {@code n
     * / SAMPLE} crossed an integer (at 100,000 articles, one more article re-rendered 80% of the
     * pages): now it changes only when the archive doubles. Between {@code SAMPLE / 2} and {@code
     * SAMPLE} documents, less when the archive is smaller.
     *
     * <p>Only the settled archive is sampled: the articles dated before the month (UTC) of the
     * newest one. A new article is dated after the others, so it never joins the sample, nor does
     * an edit of this month's articles (corrections are nearly always of the latest news): either
     * moves no statistic, and only the lists it reaches are computed again. Sampled among all
     * articles, one publish in four at 10,000 articles changed the sample, so every weight and
     * every list (all the related pages rendered again: 20 s instead of 8). The space is fitted
     * again once a month, when the month turns. A site whose latest month holds more than a
     * quarter of its articles (a young site) is sampled whole: its settled part would say too
     * little of its vocabulary.
     *
     * @param epochSeconds each document's date, in the order of {@code documentKeys}
     */
    static int[] sample(long[] documentKeys, long[] epochSeconds) {
        int n = documentKeys.length;
        long monthStart = monthStart(Arrays.stream(epochSeconds).max().orElse(0));
        int settled = (int) Arrays.stream(epochSeconds).filter(t -> t < monthStart).count();
        boolean settledOnly = settled >= n - n / 4;
        long before = settledOnly ? monthStart : Long.MAX_VALUE;
        int wanted = Math.max(1, ((settledOnly ? settled : n) + SAMPLE - 1) / SAMPLE);
        long mask = (wanted == 1 ? 1 : Integer.highestOneBit(wanted - 1) << 1) - 1L;
        return IntStream.range(0, n).filter(d -> epochSeconds[d] < before && (documentKeys[d] & mask) == 0).toArray();
    }

    /** The first second (UTC) of the month that holds {@code epochSecond}: where the settled archive ends. */
    static long monthStart(long epochSecond) {
        return java.time.LocalDateTime.ofEpochSecond(epochSecond, 0, java.time.ZoneOffset.UTC).toLocalDate().withDayOfMonth(1)
                .atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
    }

    private static final ThreadLocal<char[]> SEED_CHARS = ThreadLocal.withInitial(() -> new char[64]);

    /** A well-mixed 64-bit seed for {@code text} (a term, a document's key): the same on every build. */
    static long seed(String text) {
        // The characters copied out in one go, then a plain loop: charAt on an accented (UTF-16)
        // string checks its index each time on the quick compiler, and these hashes (every term of
        // every analysis, at each build) were a tenth of a publish's processor time.
        int n = text.length();
        char[] chars = SEED_CHARS.get();
        if (chars.length < n) {
            chars = new char[Math.max(n, chars.length * 2)];
            SEED_CHARS.set(chars);
        }
        text.getChars(0, n, chars, 0);
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < n; i++) {
            h ^= chars[i];
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private static double gaussian(SplittableRandom r) {
        // Box–Muller, one value: enough for a random range.
        double u = 1 - r.nextDouble();
        double v = r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** (A_sample · M), s × l, for M given as {@code m × l} over the space's rows. */
    private static double[] times(int[][] rows, float[][] weights, float[] mat, int l) {
        double[] out = new double[rows.length * l];
        IntStream.range(0, rows.length).parallel().forEach(i -> {
            int[] t = rows[i];
            float[] w = weights[i];
            int base = i * l;
            for (int k = 0; k < t.length; k++) {
                int r = t[k] * l;
                float wk = w[k];
                for (int j = 0; j < l; j++) {
                    out[base + j] += wk * mat[r + j];
                }
            }
        });
        return out;
    }

    /** (A_sampleᵀ · Y), m × l: per term, the sum over the sample in document order. */
    private static float[] transposeTimes(int[][] rows, float[][] weights, double[] y, int m, int l) {
        double[] out = new double[m * l];
        // Each slice of the terms is summed by one task, over the sample in document order: the
        // same sums in the same order whatever the number of threads.
        int slices = 16;
        IntStream.range(0, slices).parallel().forEach(slice -> {
            int from = (int) ((long) m * slice / slices);
            int to = (int) ((long) m * (slice + 1) / slices);
            for (int i = 0; i < rows.length; i++) {
                int[] t = rows[i];
                float[] w = weights[i];
                int base = i * l;
                for (int k = 0; k < t.length; k++) {
                    int r = t[k];
                    if (r >= from && r < to) {
                        float wk = w[k];
                        for (int j = 0; j < l; j++) {
                            out[r * l + j] += wk * y[base + j];
                        }
                    }
                }
            }
        });
        float[] f = new float[m * l];
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) out[i];
        }
        return f;
    }

    /** Modified Gram–Schmidt on the columns of {@code y} (s × l, row-major); a null column stays null. */
    private static void orthonormalize(double[] y, int s, int l) {
        // Column by column (modified Gram-Schmidt), each column copied out first: reading a
        // column of the row-major matrix strides through memory, and this runs after every
        // power iteration. The same operations in the same order as on the matrix itself.
        double[][] columns = new double[l][s];
        for (int i = 0; i < s; i++) {
            int base = i * l;
            for (int j = 0; j < l; j++) {
                columns[j][i] = y[base + j];
            }
        }
        for (int j = 0; j < l; j++) {
            double[] cj = columns[j];
            for (int p = 0; p < j; p++) {
                double[] cp = columns[p];
                double dot = 0;
                for (int i = 0; i < s; i++) {
                    dot += cj[i] * cp[i];
                }
                for (int i = 0; i < s; i++) {
                    cj[i] -= dot * cp[i];
                }
            }
            double norm = 0;
            for (int i = 0; i < s; i++) {
                norm += cj[i] * cj[i];
            }
            double inv = norm > 1e-20 ? 1 / Math.sqrt(norm) : 0;
            for (int i = 0; i < s; i++) {
                cj[i] *= inv;
            }
        }
        for (int i = 0; i < s; i++) {
            int base = i * l;
            for (int j = 0; j < l; j++) {
                y[base + j] = columns[j][i];
            }
        }
    }

    /** Eigenvalues of the symmetric {@code a} (n × n, destroyed) by cyclic Jacobi; eigenvectors into {@code v}'s columns. */
    private static double[] jacobi(double[] a, int n, double[] v) {
        for (int i = 0; i < n; i++) {
            v[i * n + i] = 1;
        }
        for (int sweep = 0; sweep < 60; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p * n + q] * a[p * n + q];
                }
            }
            if (off < 1e-22) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    double apq = a[p * n + q];
                    if (Math.abs(apq) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q * n + q] - a[p * n + p]) / (2 * apq);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double cos = 1 / Math.sqrt(t * t + 1);
                    double sin = t * cos;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k * n + p];
                        double akq = a[k * n + q];
                        a[k * n + p] = cos * akp - sin * akq;
                        a[k * n + q] = sin * akp + cos * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p * n + k];
                        double aqk = a[q * n + k];
                        a[p * n + k] = cos * apk - sin * aqk;
                        a[q * n + k] = sin * apk + cos * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k * n + p];
                        double vkq = v[k * n + q];
                        v[k * n + p] = cos * vkp - sin * vkq;
                        v[k * n + q] = sin * vkp + cos * vkq;
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i * n + i];
        }
        return values;
    }
}
