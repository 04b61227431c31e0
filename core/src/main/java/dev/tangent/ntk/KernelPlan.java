package dev.tangent.ntk;

import dev.tangent.nn.Mlp;

/**
 * Block sizes of one structured kernel K(a, b), chosen so the working memory stays within a budget: factor panels
 * of {@code panelA}/{@code panelB} points (a panel that covers its whole group is computed once; otherwise panels of
 * b are recomputed for every panel of a), Gram tiles of {@code tile}×{@code tile} points per worker, and engine
 * chunks of {@code chunk} points. {@code bytes} is the planned working memory: panels, tiles (Java and native),
 * jet-engine workspaces; the kernel itself (S_a·S_b doubles) is the caller's and not counted.
 */
record KernelPlan(int tile, int chunk, int panelA, int panelB, long bytes) {
    private static final int[] TILES = {256, 128, 64, 32, 16, 8};

    /** The plan for groups of sa and sb points with ca and cb jet components (symmetric: a is b). */
    static KernelPlan of(Mlp mlp, int sa, int sb, int ca, int cb, boolean[] factored, boolean symmetric, long budget, int workers) {
        long fa = FactorPanel.bytesPerPoint(mlp, ca, factored), fb = FactorPanel.bytesPerPoint(mlp, cb, factored);
        // tiles of at least 64 points first (small GEMMs are slow), a panel covering its group before partial ones
        for (int minTile : new int[] {64, 1}) for (boolean whole : new boolean[] {true, false}) {
            for (int t : TILES) {
                if (t < minTile) continue;
                int tile = Math.min(t, Math.max(sa, sb));
                int chunk = tile;
                long fixed = (long) workers * tileBytes(mlp, tile, ca, cb, factored) + engineBytes(mlp, ca, chunk)
                        + (symmetric ? 0 : engineBytes(mlp, cb, chunk)) + 8L * chunk * mlp.spec().inputDim();
                long free = budget - fixed;
                if (free <= 0) continue;
                if (symmetric) {
                    if (fa * sa <= free) return new KernelPlan(tile, chunk, sa, sa, fixed + fa * sa);
                    if (whole) continue;
                    int p = panel(free / (2 * fa), tile);
                    if (p > 0) return new KernelPlan(tile, chunk, p, p, fixed + 2 * fa * p);
                    continue;
                }
                if (fa * sa + fb * sb <= free) return new KernelPlan(tile, chunk, sa, sb, fixed + fa * sa + fb * sb);
                if (whole) continue;
                if (fb * sb < free) {
                    int p = panel((free - fb * sb) / fa, tile);
                    if (p > 0) return new KernelPlan(tile, chunk, p, sb, fixed + fa * p + fb * sb);
                }
                int p = panel(free / (fa + fb), tile);
                if (p > 0) return new KernelPlan(tile, chunk, Math.min(p, sa), Math.min(p, sb), fixed + (fa + fb) * p);
            }
        }
        long need = (long) workers * tileBytes(mlp, 8, ca, cb, factored) + 2 * engineBytes(mlp, Math.max(ca, cb), 8) + 8 * (fa + fb);
        throw new IllegalArgumentException(String.format("ntk.memory_mb = %d MB is too small for the structured kernel of net %s"
                + " (%d and %d jet components): it needs at least %d MB", budget >> 20, mlp.spec().shape(), ca, cb,
                (need >> 20) + 1));
    }

    /** Points per panel: a multiple of the tile, at least one tile, or 0 when not even one fits. */
    private static int panel(long points, int tile) {
        long p = points / tile * tile;
        return p < tile ? 0 : (int) Math.min(p, Integer.MAX_VALUE / 2);
    }

    /** One worker's Gram tiles: two Java tiles, the native GEMM output and operands, the kernel tile, column buffers. */
    static long tileBytes(Mlp mlp, int tile, int ca, int cb, boolean[] factored) {
        long gram = (long) ca * tile * cb * tile;
        long operand = 0;
        for (int l = 0; l < mlp.layers(); l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            long rows = factored[l] ? Math.max(nOut, nIn + 1) * (long) Math.max(ca, cb) : (long) nOut * (nIn + 1);
            operand = Math.max(operand, rows * tile);
        }
        return 8 * (3 * gram + 2 * operand + (long) tile * tile + 3L * tile);
    }

    /**
     * The jet engine's workspace for a chunk of points: two kept forward states (inputs, pre-activations and σ orders
     * per layer, σ orders bounded by C + 1) and the adjoints.
     */
    static long engineBytes(Mlp mlp, int comps, int chunk) {
        long perPoint = 0;
        for (int l = 0; l < mlp.layers(); l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            perPoint += 2L * ((long) nIn * comps + (long) nOut * comps + (long) nOut * (comps + 1)) + (long) nOut * comps;
        }
        return 8 * (perPoint * chunk + 4L * comps * chunk) + 8L * mlp.nParams();
    }
}
