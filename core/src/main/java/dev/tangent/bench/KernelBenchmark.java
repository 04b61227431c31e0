package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.ntk.NtkSpectrum;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Time and peak resident memory of the PDE block K_ff of laplace2d on a 2-256-256-1 net, then of its eigenvalues.
 * Peak RSS is the process's high-water mark (VmHWM, JVM and native libraries included), read after each stage.
 */
public final class KernelBenchmark {
    private KernelBenchmark() {}

    /** One measurement: wall and process CPU seconds of each stage, peak RSS (bytes) after each, the load average. */
    public record Result(int size, String net, int nParams, boolean structured, int memoryMb, double kernelSeconds,
                         double kernelCpuSeconds, long kernelPeakRss, double spectrumSeconds, double spectrumCpuSeconds,
                         long spectrumPeakRss, long startRss, double lambdaMax, double loadBefore, double loadAfter,
                         long denseJacobianBytes) {}

    public static Result run(int points, int block, int memoryMb, KernelBlocks.Method method) {
        Mlp mlp = new Mlp(MlpSpec.of(2, 256, 256));
        Discretization d = new Discretization(Catalog.get("laplace2d"), mlp, Map.of("pde", points), 0);
        KernelBlocks kb = new KernelBlocks(mlp, mlp.initialize(0), block, memoryMb, method);
        LossGroup side = d.groups().get(0);
        System.gc();
        long start = rss("VmRSS");
        double load0 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long t0 = System.nanoTime(), c0 = cpuNanos();
        double[] k = kb.kernel(side, side);
        long t1 = System.nanoTime(), c1 = cpuNanos();
        long kernelRss = rss("VmHWM");
        NtkSpectrum s = KernelBlocks.spectrum("K_pde", side.size(), k);
        long t2 = System.nanoTime(), c2 = cpuNanos();
        long spectrumRss = rss("VmHWM");
        double load1 = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new Result(side.size(), mlp.spec().shape(), mlp.nParams(), kb.structured(side, side), memoryMb,
                (t1 - t0) / 1e9, (c1 - c0) / 1e9, kernelRss, (t2 - t1) / 1e9, (c2 - c1) / 1e9, spectrumRss, start,
                s.eigenvalues()[0], load0, load1, (long) side.size() * mlp.nParams() * 8);
    }

    /** CPU time of the whole process (all threads, native BLAS threads included), or −1 when not available. */
    static long cpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) return os.getProcessCpuTime();
        return -1;
    }

    /** A /proc/self/status field in bytes (VmRSS, VmHWM), or −1 off Linux. */
    static long rss(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
