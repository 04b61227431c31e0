package dev.tangent.nn;

import dev.tangent.nn.JetEngine.Phase;

/**
 * Time and flops per stage, kept per worker and summed after a parallel pass (so shares, not wall time). With
 * {@code -Dtangent.cpuClock=true} stages are timed in thread CPU time, which a shared machine disturbs far less
 * than wall time (each reading costs ~1 µs, so only for benchmarks).
 */
final class PhaseTimes {
    private static final boolean CPU_CLOCK = Boolean.getBoolean("tangent.cpuClock");
    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();
    final long[] nanos = new long[Phase.values().length];
    final long[] flops = new long[Phase.values().length];

    /** Adds the time since {@code since} to {@code p} and returns now. */
    static long now() {
        return CPU_CLOCK ? THREADS.getCurrentThreadCpuTime() : System.nanoTime();
    }

    long tick(Phase p, long since) {
        long now = now();
        nanos[p.ordinal()] += now - since;
        return now;
    }

    void addFlops(Phase p, long n) {
        flops[p.ordinal()] += n;
    }

    /** Moves this worker's counts into {@code total}. */
    void drainInto(PhaseTimes total) {
        for (int i = 0; i < nanos.length; i++) {
            total.nanos[i] += nanos[i];
            total.flops[i] += flops[i];
            nanos[i] = 0;
            flops[i] = 0;
        }
    }

    void clear() {
        java.util.Arrays.fill(nanos, 0);
        java.util.Arrays.fill(flops, 0);
    }
}
