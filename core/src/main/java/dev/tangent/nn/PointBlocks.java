package dev.tangent.nn;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Splits a batch into fixed blocks of points and runs them on Java threads; each block goes through every layer
 * (GEMMs and jet rules) while its columns are still in cache.
 *
 * <p>Thread split: Java threads over blocks, each running its GEMMs on its own core
 * ({@link dev.tangent.linalg.Blas#gemmOnCaller}), because most of the work (jet rules, Jacobian rows) is Java that
 * BLAS threads cannot share, and a block's GEMMs are too small to gain from splitting. Blocks are handed out
 * dynamically, so a worker descheduled on a busy machine delays only its own block.
 *
 * <p>The block size depends only on the number of jet components, never on the thread count or load, and is a
 * multiple of 8 points (so block boundaries fall on GEMM kernel panel edges); results are the same for any number
 * of workers.
 */
final class PointBlocks {
    /** Columns (points × components) per block: large enough for an efficient GEMM, small enough to stay in L2. */
    static final int TARGET_COLUMNS = 256;

    interface Task {
        void run(int p0, int p1, BlockScratch scratch);
    }

    private final int size;
    private final BlockScratch[] scratch;

    /** At most {@code workers} Java threads share a batch (the cores, by default; results do not depend on it). */
    PointBlocks(int comps, int workers, java.util.function.Supplier<BlockScratch> newScratch) {
        if (workers < 1) throw new IllegalArgumentException("need at least one worker, got " + workers);
        int points = Math.max(8, TARGET_COLUMNS / comps);
        this.size = (points + 7) / 8 * 8;
        this.scratch = new BlockScratch[workers];
        for (int w = 0; w < workers; w++) scratch[w] = newScratch.get();
    }

    /** Points per block. */
    int size() {
        return size;
    }

    /** Runs {@code task} over [0, nPoints) block by block; per-worker timings are added to {@code total}. */
    void run(int nPoints, PhaseTimes total, Task task) {
        int blocks = (nPoints + size - 1) / size;
        int workers = Math.min(scratch.length, blocks);
        if (workers <= 1) {
            for (int b = 0; b < blocks; b++) task.run(b * size, Math.min(nPoints, (b + 1) * size), scratch[0]);
            scratch[0].times.drainInto(total);
            return;
        }
        AtomicInteger next = new AtomicInteger();
        IntStream.range(0, workers).parallel().forEach(w -> {
            for (int b = next.getAndIncrement(); b < blocks; b = next.getAndIncrement()) {
                task.run(b * size, Math.min(nPoints, (b + 1) * size), scratch[w]);
            }
        });
        for (int w = 0; w < workers; w++) scratch[w].times.drainInto(total);
    }
}
