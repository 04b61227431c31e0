package dev.tangent.ntk;

import dev.tangent.pde.LossGroup;

/**
 * A cheap independent check of a structured kernel block: a few entries K(i, j) against the dot products of the
 * group's own exact Jacobian rows ({@link LossGroup#rowJacobian}, the rows the loss uses). It guards the structured
 * method against a network or group kind whose rows its factorisation does not describe (a layer or output transform
 * added later): three rows per side cost three Jacobian rows, nothing next to the kernel.
 */
final class KernelSpotCheck {
    /** Relative to ‖J_i‖·‖J_j‖ (the Cauchy–Schwarz bound of |K(i, j)|); rounding is ~1e-15 of it. */
    static final double TOLERANCE = 1e-9;

    private KernelSpotCheck() {}

    /** The largest |K(i, j) − J_i·J_j| / (‖J_i‖‖J_j‖) over the sampled entries (0 when they agree exactly). */
    static double error(double[] k, LossGroup a, LossGroup b, double[] theta) {
        int[] ra = sample(a.size()), rb = sample(b.size());
        int p = theta.length, sa = a.size();
        double[] ja = new double[ra.length * p], jb = new double[rb.length * p];
        a.rowJacobian(theta, ra, ja);
        b.rowJacobian(theta, rb, jb);
        double worst = 0;
        for (int x = 0; x < ra.length; x++) {
            for (int y = 0; y < rb.length; y++) {
                double dot = 0, na = 0, nb = 0;
                for (int q = 0; q < p; q++) {
                    double u = ja[x * p + q], v = jb[y * p + q];
                    dot += u * v;
                    na += u * u;
                    nb += v * v;
                }
                double diff = Math.abs(k[ra[x] + rb[y] * sa] - dot);
                if (diff == 0) continue;
                double scale = Math.sqrt(na * nb);
                worst = Math.max(worst, scale > 0 ? diff / scale : Double.POSITIVE_INFINITY);
            }
        }
        return worst;
    }

    /** The first, middle and last rows (distinct). */
    private static int[] sample(int n) {
        return java.util.stream.IntStream.of(0, n / 2, n - 1).filter(i -> i >= 0 && i < n).distinct().toArray();
    }
}
