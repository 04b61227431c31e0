package dev.tangent.linalg;

import org.bytedeco.javacpp.DoublePointer;

/**
 * Doubles that live in native memory, so operands used by many GEMMs (e.g. a network's weights, read by every
 * layer GEMM of every point block) are copied once instead of once per call. Column-major like everything in
 * {@code linalg}; the caller addresses sub-matrices by offset and leading dimension. Reading it from several
 * threads at once is safe; loading while another thread reads is not.
 */
public final class NativeMatrix implements AutoCloseable {
    private DoublePointer data;
    private long capacity;

    /** Room for {@code n} doubles (grown by {@link #load} when needed). */
    public NativeMatrix(long n) {
        Checks.shape(n >= 0, "native matrix size must be non-negative, got %d", n);
        capacity = Math.max(1, n);
        data = new DoublePointer(capacity);
    }

    /** Copies {@code src[off, off+len)} to native entries {@code [0, len)}, growing the buffer if needed. */
    public void load(double[] src, int off, int len) {
        Checks.fits(src, off, len, "source");
        if (len > capacity) {
            data.close();
            capacity = len;
            data = new DoublePointer(capacity);
        }
        data.position(0).put(src, off, len);
    }

    /** Entries the buffer holds. */
    public long capacity() {
        return capacity;
    }

    /** The buffer at position 0; callers take offset views with {@code getPointer} and never reposition it. */
    DoublePointer data() {
        return data;
    }

    @Override
    public void close() {
        data.close();
        capacity = 0;
    }
}
