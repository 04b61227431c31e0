package dev.tangent.train;

import dev.tangent.io.AtomicFiles;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * Parameters plus optimizer state at a step, in a small versioned binary format ending in a CRC-32 of the content.
 * Written atomically: to a temporary file in the same directory, then renamed over the old checkpoint. Reading
 * checks every length against the bytes that are left before allocating, so a corrupt file is a clear error.
 */
public record Checkpoint(long step, long trainNanos, double[] theta, double[] weights, Map<String, double[]> optimizerState,
                         Map<String, double[]> extra) {
    private static final int MAGIC = 0x54414e47; // "TANG"
    private static final int VERSION = 2;

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
                CRC32 crc = new CRC32();
                crc.update(bytes.toByteArray());
                out.writeLong(crc.getValue());
            }
            AtomicFiles.write(file, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    /** Whether every number in the checkpoint (parameters, weights, optimizer and monitor state) is finite. */
    public boolean finite() {
        if (!finite(theta) || !finite(weights)) return false;
        for (double[] a : optimizerState.values()) if (!finite(a)) return false;
        for (double[] a : extra.values()) if (!finite(a)) return false;
        return true;
    }

    private static boolean finite(double[] a) {
        for (double v : a) if (!Double.isFinite(v)) return false;
        return true;
    }

    /** @throws IllegalArgumentException when the file is not a readable, intact Tangent checkpoint */
    public static Checkpoint read(Path file) {
        byte[] all;
        try {
            all = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("checkpoint " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(all))) {
            if (all.length < 8 || in.readInt() != MAGIC) throw corrupt(file, "it is not a Tangent checkpoint");
            int version = in.readInt();
            if (version != 1 && version != VERSION) {
                throw corrupt(file, "it has format version " + version + "; this Tangent reads versions 1 and " + VERSION);
            }
            if (version >= 2) {
                CRC32 crc = new CRC32();
                crc.update(all, 0, all.length - 8);
                long stored = java.nio.ByteBuffer.wrap(all, all.length - 8, 8).getLong();
                if (all.length < 16 || crc.getValue() != stored) throw corrupt(file, "its checksum does not match (the file is damaged)");
            }
            long step = in.readLong();
            long nanos = in.readLong();
            if (step < 0 || nanos < 0) throw corrupt(file, "it records step " + step + " and " + nanos + " ns");
            double[] theta = readArray(in, file);
            double[] weights = readArray(in, file);
            Checkpoint cp = new Checkpoint(step, nanos, theta, weights, readMap(in, file), readMap(in, file));
            if (in.available() != (version >= 2 ? 8 : 0)) throw corrupt(file, "it has " + in.available() + " unexpected trailing bytes");
            return cp;
        } catch (EOFException | UTFDataFormatException e) {
            throw corrupt(file, "it is truncated or damaged");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file + ": " + e.getMessage(), e);
        }
    }

    private static IllegalArgumentException corrupt(Path file, String why) {
        return new IllegalArgumentException("cannot read checkpoint " + file + ": " + why);
    }

    private static void writeArray(DataOutputStream out, double[] a) throws IOException {
        out.writeInt(a.length);
        for (double v : a) out.writeDouble(v);
    }

    private static double[] readArray(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * Double.BYTES > in.available()) {
            throw corrupt(file, "an array claims " + n + " values but only " + in.available() + " bytes are left");
        }
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

    private static Map<String, double[]> readMap(DataInputStream in, Path file) throws IOException {
        int n = in.readInt();
        // each entry takes at least 6 bytes (name length, array length)
        if (n < 0 || (long) n * 6 > in.available()) throw corrupt(file, "a table claims " + n + " entries but only " + in.available() + " bytes are left");
        Map<String, double[]> m = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) m.put(in.readUTF(), readArray(in, file));
        return m;
    }
}
