package dev.tangent.linalg;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;

/**
 * Per-thread native scratch buffers. Java arrays are copied in and out with bulk memcpy:
 * JavaCPP's {@code double[]} overloads pin or copy whole arrays on every call and were measured
 * 10-30x slower for the layer-sized GEMMs Tangent runs. Buffers grow and are never shrunk.
 */
final class NativeBuffers {
    private static final int SLOTS = 8;
    private static final ThreadLocal<NativeBuffers> LOCAL = ThreadLocal.withInitial(NativeBuffers::new);

    private final DoublePointer[] doubles = new DoublePointer[SLOTS];
    private final long[] capacity = new long[SLOTS];
    private IntPointer ints;
    private long intCapacity;

    static NativeBuffers get() {
        return LOCAL.get();
    }

    /** A native buffer in slot {@code slot} with room for at least {@code n} doubles, positioned at 0. */
    DoublePointer doubles(int slot, long n) {
        long need = Math.max(1, n);
        if (capacity[slot] < need) {
            if (doubles[slot] != null) doubles[slot].close();
            long grown = Math.max(need, capacity[slot] + capacity[slot] / 2);
            doubles[slot] = new DoublePointer(grown);
            capacity[slot] = grown;
        }
        return doubles[slot].position(0);
    }

    /** Copies {@code a[off, off+n)} into slot {@code slot}. */
    DoublePointer load(int slot, double[] a, int off, int n) {
        DoublePointer p = doubles(slot, n);
        p.put(a, off, n);
        return p.position(0);
    }

    IntPointer ints(long n) {
        long need = Math.max(1, n);
        if (intCapacity < need) {
            if (ints != null) ints.close();
            ints = new IntPointer(need);
            intCapacity = need;
        }
        return ints.position(0);
    }
}
