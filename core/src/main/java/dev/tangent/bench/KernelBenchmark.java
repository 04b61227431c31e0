package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Map;

/** Time and peak heap of the PDE block K_ff of laplace2d on a 2-256-256-1 net, built in point blocks. */
public final class KernelBenchmark {
    private KernelBenchmark() {}

    /** One measurement; heap figures in bytes (peak summed over heap pools: an upper bound). */
    public record Result(int size, String net, int nParams, int block, double seconds, long kernelBytes, long peakHeap,
                         long baseHeap, long denseJacobianBytes) {}

    public static Result run(int points, int block) {
        Mlp mlp = new Mlp(MlpSpec.of(2, 256, 256));
        Discretization d = new Discretization(Catalog.get("laplace2d"), mlp, Map.of("pde", points), 0);
        KernelBlocks kb = new KernelBlocks(mlp, mlp.initialize(0), block);
        LossGroup side = d.groups().get(0);
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) pool.resetPeakUsage();
        System.gc();
        long base = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long t0 = System.nanoTime();
        double[] k = kb.kernel(side, side);
        double secs = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
        }
        return new Result(side.size(), mlp.spec().shape(), mlp.nParams(), block, secs, k.length * 8L, peak, base,
                (long) side.size() * mlp.nParams() * 8);
    }
}
