package dev.tangent.ntk;

/**
 * Eigenvalues of a symmetric kernel block, sorted descending, with its trace, condition number
 * λ_max/λ_min over eigenvalues above the numerical floor, and effective rank (Σλ)²/Σλ² (participation ratio).
 */
public record NtkSpectrum(String name, double[] eigenvalues, double trace, double condition, double effectiveRank) {
    public static NtkSpectrum of(String name, double[] ascending) {
        int n = ascending.length;
        double[] desc = new double[n];
        for (int i = 0; i < n; i++) desc[i] = ascending[n - 1 - i];
        double trace = 0, sq = 0;
        for (double v : desc) {
            trace += v;
            sq += v * v;
        }
        double max = n > 0 ? desc[0] : 0;
        double floor = max * n * Math.ulp(1.0);
        double min = max;
        for (double v : desc) if (v > floor) min = Math.min(min, v);
        return new NtkSpectrum(name, desc, trace, min > 0 ? max / min : Double.POSITIVE_INFINITY, sq > 0 ? trace * trace / sq : 0);
    }
}
