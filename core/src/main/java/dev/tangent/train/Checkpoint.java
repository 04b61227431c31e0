package dev.tangent.train;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameters plus optimizer state at a step, in a small versioned binary format. Written atomically:
 * to a temporary file in the same directory, then renamed over the old checkpoint.
 */
public record Checkpoint(long step, long trainNanos, double[] theta, double[] weights, Map<String, double[]> optimizerState,
                         Map<String, double[]> extra) {
    private static final int MAGIC = 0x54414e47; // "TANG"
    private static final int VERSION = 1;

    public void write(Path file) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (DataOutputStream out = new DataOutputStream(bytes)) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeLong(step);
                out.writeLong(trainNanos);
                writeArray(out, theta);
                writeArray(out, weights);
                writeMap(out, optimizerState);
                writeMap(out, extra);
            }
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    public static Checkpoint read(Path file) {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
            if (in.readInt() != MAGIC) throw new IllegalArgumentException(file + " is not a Tangent checkpoint");
            int version = in.readInt();
            if (version != VERSION) throw new IllegalArgumentException(file + " has checkpoint version " + version + "; this Tangent reads " + VERSION);
            long step = in.readLong();
            long nanos = in.readLong();
            double[] theta = readArray(in);
            double[] weights = readArray(in);
            return new Checkpoint(step, nanos, theta, weights, readMap(in), readMap(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static double[] readArray(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 1 << 28) throw new IOException("corrupt array length " + n);
        double[] a = new double[n];
        for (int i = 0; i < n; i++) a[i] = in.readDouble();
        return a;
    }

    private static void writeMap(DataOutputStream out, Map<String, double[]> m) throws IOException {
        Map<String, double[]> sorted = new TreeMap<>(m);
        out.writeInt(sorted.size());
        for (Map.Entry<String, double[]> e : sorted.entrySet()) {
            out.writeUTF(e.getKey());
            writeArray(out, e.getValue());
        }
    }

    private static Map<String, double[]> readMap(DataInputStream in) throws IOException {
        int n = in.readInt();
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(in.readUTF(), readArray(in));
        return m;
    }
}
