package dev.tangent.ntk;

/**
 * The scalar kernel quantities, each written once: sums of squares (tr(K_gg) = ‖J_g‖_F² is one), Frobenius norms
 * and relative differences (the drift ‖K_t − K_0‖_F/‖K_0‖_F, the spread ‖K − K̄‖_F/‖K̄‖_F, the Cauchy check).
 */
public final class KernelNorms {
    private KernelNorms() {}

    /** Σ a_i² over a[from, to), summed in index order. */
    public static double sumOfSquares(double[] a, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += a[i] * a[i];
        return s;
    }

    public static double sumOfSquares(double[] a) {
        return sumOfSquares(a, 0, a.length);
    }

    public static double frobenius(double[] k) {
        return Math.sqrt(sumOfSquares(k));
    }

    /** ‖a − b‖_F / ‖b‖_F (b is the reference); NaN when b is zero. */
    public static double relativeDifference(double[] a, double[] b) {
        if (a.length != b.length) throw new IllegalArgumentException("kernels differ in size: " + a.length + " vs " + b.length);
        double num = 0, den = 0;
        for (int i = 0; i < a.length; i++) {
            num += (a[i] - b[i]) * (a[i] - b[i]);
            den += b[i] * b[i];
        }
        return den > 0 ? Math.sqrt(num / den) : Double.NaN;
    }

    /** Drift ‖K_t − K_0‖_F / ‖K_0‖_F. */
    public static double drift(double[] k0, double[] kt) {
        return relativeDifference(kt, k0);
    }
}
