package dev.tangent.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The process's resident memory from /proc/self/status (Linux; −1 where that file is not available) and CPU time. */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** VmHWM: the peak resident set size of this process so far, in bytes. */
    public static long peakResidentBytes() {
        return field("VmHWM:");
    }

    /** VmRSS: the current resident set size, in bytes. */
    public static long residentBytes() {
        return field("VmRSS:");
    }

    /** CPU time of the whole process (all threads, BLAS and GC included), in nanoseconds; −1 if unknown. */
    public static long cpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean s ? s.getProcessCpuTime() : -1;
    }

    private static long field(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(name)) return Long.parseLong(line.substring(name.length()).trim().split("\\s+")[0]) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
