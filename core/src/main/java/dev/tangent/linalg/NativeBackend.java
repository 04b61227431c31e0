package dev.tangent.linalg;

import org.bytedeco.openblas.global.openblas;

/** Thread control and identification of the native BLAS. */
public final class NativeBackend {
    private NativeBackend() {}

    /** Threads OpenBLAS uses inside one call. Sweeps set 1 per worker so the pool does not oversubscribe cores. */
    public static void setThreads(int n) {
        if (n < 1) throw new IllegalArgumentException("BLAS threads must be >= 1, got " + n);
        openblas.blas_set_num_threads(n);
    }

    /**
     * Runs a native call with one BLAS thread when it is small or when the machine is busy. Below ~1e9 flops the
     * thread hand-off costs more than it saves (measured: SVD of 129×1016 takes 8.6 ms on one thread, 19.5 ms on
     * two). When the load average already fills the cores, OpenBLAS's spinning threads wait on descheduled
     * siblings and a call can run 10× slower than on one thread, so one thread degrades gracefully instead.
     */
    static <T> T sized(double flops, java.util.function.Supplier<T> call) {
        int before = threads();
        if (before == 1 || (flops >= 1e9 && !busy())) return call.get();
        openblas.blas_set_num_threads(1);
        try {
            return call.get();
        } finally {
            openblas.blas_set_num_threads(before);
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

    public static int threads() {
        int n = openblas.blas_get_num_threads();
        return n > 0 ? n : Runtime.getRuntime().availableProcessors();
    }

    /** A one-line description: library, kernel core type from the environment, threads. */
    public static String describe() {
        String core = System.getenv("OPENBLAS_CORETYPE");
        return "OpenBLAS (bytedeco 0.3.31-1.5.13), core=" + (core == null ? "auto" : core) + ", threads=" + threads();
    }
}
