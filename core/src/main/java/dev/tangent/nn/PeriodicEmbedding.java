package dev.tangent.nn;

import java.util.Arrays;

/**
 * A fixed periodic input embedding: coordinate x_k with period L_k enters the network as
 * (cos(ω_1 x_k), sin(ω_1 x_k), …, cos(ω_K x_k), sin(ω_K x_k)), ω_h = 2πh/L_k, in place of x_k; the other
 * coordinates pass through unchanged. The network is then exactly L_k-periodic in x_k with all its derivatives, so a
 * periodic problem needs no periodic loss rows (jaxpi's {@code periodic} embedding). It has no parameters: the first
 * layer reads the embedded inputs as an ordinary layer, so the Jacobian, every optimizer and the NTK see a wider
 * input and nothing else.
 *
 * <p>Embedded order: coordinate by coordinate, a periodic one expanded to its 2K features in place. Jets: along an
 * integer direction p the n-th derivative of cos(ω(x_k + s·p_k)) at s = 0 is (ω p_k)^n cos(ω x_k + nπ/2) (sin likewise),
 * exact to any order; a passed-through coordinate has first derivative p_k and none above.
 */
public final class PeriodicEmbedding {
    private final int dim;
    private final int[] coordinates;
    private final double[] periods;
    private final int harmonics;
    private final double[] period;   // per input coordinate: L_k, or 0 when it passes through

    /**
     * @param dim         network input dimension d
     * @param coordinates indices of the periodic coordinates (distinct, in [0, d))
     * @param periods     their periods (finite, > 0), same order
     * @param harmonics   K ≥ 1 cos/sin pairs per periodic coordinate
     */
    public PeriodicEmbedding(int dim, int[] coordinates, double[] periods, int harmonics) {
        if (coordinates.length == 0 || coordinates.length != periods.length) {
            throw new IllegalArgumentException("net.periodic needs at least one coordinate with one period each, got "
                    + coordinates.length + " coordinates and " + periods.length + " periods");
        }
        if (harmonics < 1 || harmonics > 1000) throw new IllegalArgumentException("net.periodic.harmonics must be in [1, 1000], got " + harmonics);
        this.dim = dim;
        this.coordinates = coordinates.clone();
        this.periods = periods.clone();
        this.harmonics = harmonics;
        this.period = new double[dim];
        for (int j = 0; j < coordinates.length; j++) {
            int k = coordinates[j];
            if (k < 0 || k >= dim) throw new IllegalArgumentException("net.periodic: coordinate index " + k + " outside [0, " + dim + ")");
            if (period[k] != 0) throw new IllegalArgumentException("net.periodic: coordinate " + k + " is given twice");
            if (!(periods[j] > 0) || !Double.isFinite(periods[j])) {
                throw new IllegalArgumentException("net.periodic: a period must be a finite number > 0, got " + periods[j]);
            }
            period[k] = periods[j];
        }
    }

    public int dim() {
        return dim;
    }

    /** Indices of the periodic coordinates, in the order given. */
    public int[] coordinates() {
        return coordinates.clone();
    }

    public double[] periods() {
        return periods.clone();
    }

    public int harmonics() {
        return harmonics;
    }

    /** Whether coordinate k is periodic. */
    public boolean periodic(int k) {
        return period[k] != 0;
    }

    /** Period of coordinate k (0 when it passes through). */
    public double period(int k) {
        return period[k];
    }

    /** Width of the embedded input: d − n_p + 2K·n_p. */
    public int width() {
        return dim + coordinates.length * (2 * harmonics - 1);
    }

    /** ω of harmonic h (1..K) of coordinate k: 2πh/L_k, computed once per use in this order (exports copy it). */
    static double omega(double period, int h) {
        return 2 * Math.PI * h / period;
    }

    /**
     * Input jets of one point: x (its d coordinates from xOff) embedded into column {@code c} of a (width() rows per
     * column, column {@code aOff/width + c}) for the value (c = 0) and for derivatives 1..K_j of every direction of
     * the plan (a modified: every entry of the point's C columns is written).
     */
    void seed(double[] x, int xOff, JetPlan plan, double[] a, int aOff) {
        int w = width(), comps = plan.components();
        Arrays.fill(a, aOff, aOff + comps * w, 0.0);
        int q = 0;
        for (int k = 0; k < dim; k++) {
            double xk = x[xOff + k];
            if (period[k] == 0) {
                a[aOff + q] = xk;
                for (int j = 0; j < plan.directionCount(); j++) a[aOff + plan.base(j) * w + q] = plan.directionView(j)[k];
                q++;
                continue;
            }
            for (int h = 1; h <= harmonics; h++, q += 2) {
                double om = omega(period[k], h);
                double y = om * xk, c = Math.cos(y), s = Math.sin(y);
                a[aOff + q] = c;
                a[aOff + q + 1] = s;
                for (int j = 0; j < plan.directionCount(); j++) {
                    int pk = plan.directionView(j)[k];
                    if (pk == 0) continue;
                    double f = om * pk, fn = 1;
                    for (int n = 1; n <= plan.order(j); n++) {
                        fn *= f;
                        int col = aOff + (plan.base(j) + n - 1) * w + q;
                        // d^n/ds^n cos(y + s f) = f^n cos(y + nπ/2): the cycle c, −s, −c, s (sin: s, c, −s, −c)
                        switch (n & 3) {
                            case 0 -> { a[col] = fn * c; a[col + 1] = fn * s; }
                            case 1 -> { a[col] = -fn * s; a[col + 1] = fn * c; }
                            case 2 -> { a[col] = -fn * c; a[col + 1] = -fn * s; }
                            default -> { a[col] = fn * s; a[col + 1] = -fn * c; }
                        }
                    }
                }
            }
        }
    }

    /** Embedded values of n points (point-major x, d per point) as column-major width() × n (for exports and tests). */
    public double[] embed(double[] x, int n) {
        JetPlan plan = new JetPlan(dim, java.util.List.of(MultiIndex.value(dim)));
        double[] out = new double[width() * n];
        for (int i = 0; i < n; i++) seed(x, i * dim, plan, out, i * width());
        return out;
    }

    /** "x0 (L=2, K=1)"-style description with the given coordinate names. */
    public String describe(String[] names) {
        StringBuilder sb = new StringBuilder("periodic");
        for (int j = 0; j < coordinates.length; j++) {
            String name = names == null ? "x" + coordinates[j] : names[coordinates[j]];
            sb.append(j == 0 ? " " : ", ").append(name).append(" period ").append(periods[j]);
        }
        return sb.append(" harmonics ").append(harmonics).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeriodicEmbedding p && p.dim == dim && p.harmonics == harmonics && Arrays.equals(p.period, period);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(period) * 31 + harmonics;
    }

    @Override
    public String toString() {
        return describe(null);
    }
}
