package dev.tangent.linalg;

import org.bytedeco.openblas.global.openblas;

/** Thread control and identification of the native BLAS. */
public final class NativeBackend {
    private NativeBackend() {}

    /** Threads callers asked for (0 until first read from OpenBLAS) and the count OpenBLAS is set to now. */
    private static int configured;
    private static int current;

    /**
     * Threads OpenBLAS may use inside one call. Sweeps set 1 per worker so the pool does not oversubscribe cores.
     * Calls below then choose 1 or this many by size and load.
     */
    /** The package of the native bindings (to recognise their errors outside linalg, which never imports them). */
    public static final String NATIVE_PACKAGE = "org.bytedeco";

    /** JavaCPP's system property that overrides the detected platform. */
    public static final String PLATFORM_PROPERTY = "org.bytedeco.javacpp.platform";

    public static synchronized void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("BLAS threads must be >= 1, got " + n);
        configured();
        configured = n;
        apply(n);
    }

    /**
     * Runs a native call with one BLAS thread when it is small (below {@link #MID_SIZED}) or when the machine is busy,
     * with all threads above 1e9 flops, and otherwise with whatever count is set. Small calls: the thread hand-off
     * costs more than it saves (measured: SVD of 129×1016 takes 8.6 ms on one thread, 19.5 ms on
     * two). When the load average already fills the cores, OpenBLAS's spinning threads wait on descheduled
     * siblings and a call can run 10× slower than on one thread, so one thread degrades gracefully instead.
     * The count is switched only when it differs and is not switched back afterwards: in OpenBLAS 0.3.31 each
     * {@code blas_set_num_threads} costs 1–15 ms on this machine (it reallocates the per-thread buffers), more than
     * many of the calls it wraps.
     */
    static <T> T sized(double flops, java.util.function.Supplier<T> call) {
        int conf = configured();
        if (conf == 1 || busy() || flops < MID_SIZED) apply(1);
        else if (flops >= 1e9) apply(conf);
        // in between, either count costs about the same, less than a switch would: keep the current one
        return call.get();
    }

    /**
     * Calls from here up to 1e9 flops run with the current thread count (the Cholesky factor of a 1140 × 1140 kernel
     * between the syrk and the Jacobian GEMMs of an lm step, which run on all threads, is 4.9e8).
     */
    static final double MID_SIZED = 2e8;

    /**
     * Before a GEMM: large ones (≥ 1e8 flops) get the configured threads back; smaller ones run with whatever is
     * set (OpenBLAS itself runs m·n·k ≤ 2.6e5 on one thread), so alternating sizes do not toggle the count.
     */
    static void forGemm(double flops) {
        if (flops >= 1e8) apply(configured());
    }

    private static synchronized int configured() {
        if (configured == 0) {
            int n = openblas.blas_get_num_threads();
            configured = current = n > 0 ? n : Runtime.getRuntime().availableProcessors();
        }
        return configured;
    }

    private static synchronized void apply(int n) {
        if (n != current) {
            openblas.blas_set_num_threads(n);
            current = n;
        }
    }

    private static final java.lang.management.OperatingSystemMXBean OS =
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    private static volatile long loadCheckedAt;
    private static volatile boolean busy;

    /** Whether other work already occupies the cores (load average, rechecked at most once a second). */
    static boolean busy() {
        long now = System.nanoTime();
        if (now - loadCheckedAt > 1_000_000_000L) {
            double load = OS.getSystemLoadAverage();
            busy = load >= Runtime.getRuntime().availableProcessors() + 0.5;
            loadCheckedAt = now;
        }
        return busy;
    }

    /** The configured thread count (the most a call may use; a small or busy-time call uses one). */
    public static int threads() {
        return configured();
    }

    /** A one-line description: library, kernel core type from the environment, threads. */
    public static String describe() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return "OpenBLAS (bytedeco 0.3.31-1.5.13), core=" + (core == null ? "auto" : core) + ", threads=" + threads();
    }
}
