package dev.tangent.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which univariate Taylor jets to push through the network, and how to read each requested partial
 * derivative off them.
 *
 * <p>Jet components: component 0 is the value u; direction j with order K_j owns components
 * {@code base_j + k - 1} for k = 1..K_j, holding the k-th derivative along the (integer, primitive)
 * direction vector p_j. Pure derivatives ∂_k^m read one component of direction e_k. Mixed partials are
 * exact linear combinations of m-th directional derivatives (Griewank, Utke &amp; Walther 2000):
 *
 * <pre>  ∂^α f = Σ_{|j|=m} γ_{α,j} D_j^m f / m!,
 *   γ_{α,j} = Σ_{0&lt;k≤α} (−1)^{|α−k|} C(α,k) C(m·k/|k|, j) (|k|/m)^m</pre>
 *
 * which for α = (1,1) is the polarization u_xy = ½(D²_{x+y} − u_xx − u_yy).
 */
public final class JetPlan {
    private final int dim;
    private final List<MultiIndex> derivatives;
    private final List<int[]> directions = new ArrayList<>();
    private final List<Integer> orders = new ArrayList<>();
    private final int[] base;
    private final int components;
    private final int maxOrder;
    /** Per derivative: component indices and coefficients. */
    private final int[][] terms;
    private final double[][] coefficients;

    public JetPlan(int dim, List<MultiIndex> derivatives) {
        if (dim < 1) throw new IllegalArgumentException("input dimension must be >= 1, got " + dim);
        if (derivatives.isEmpty()) throw new IllegalArgumentException("at least one derivative must be requested");
        this.dim = dim;
        this.derivatives = List.copyOf(derivatives);
        Map<String, Integer> directionIndex = new LinkedHashMap<>();
        // Pass 1: directions and the order each one needs; terms keyed by (direction, order).
        List<Map<Long, Double>> keyed = new ArrayList<>();
        for (MultiIndex mi : this.derivatives) {
            if (mi.dim() != dim) {
                throw new IllegalArgumentException("derivative " + mi + " has " + mi.dim()
                        + " coordinates but the network has " + dim + " inputs");
            }
            Map<Long, Double> t = new LinkedHashMap<>();
            int m = mi.order();
            if (m == 0) {
                t.put(-1L, 1.0);
            } else {
                for (Map.Entry<int[], Double> e : directionalExpansion(mi.alpha()).entrySet()) {
                    int[] j = e.getKey();
                    int g = gcd(j);
                    int[] p = new int[dim];
                    for (int k = 0; k < dim; k++) p[k] = j[k] / g;
                    String key = java.util.Arrays.toString(p);
                    Integer idx = directionIndex.get(key);
                    if (idx == null) {
                        idx = directions.size();
                        directionIndex.put(key, idx);
                        directions.add(p);
                        orders.add(0);
                    }
                    orders.set(idx, Math.max(orders.get(idx), m));
                    long tk = ((long) idx << 8) | m;
                    t.merge(tk, e.getValue() * Math.pow(g, m), Double::sum);
                }
            }
            keyed.add(t);
        }
        base = new int[directions.size()];
        int c = 1;
        int mo = 0;
        for (int j = 0; j < directions.size(); j++) {
            base[j] = c;
            c += orders.get(j);
            mo = Math.max(mo, orders.get(j));
        }
        components = c;
        maxOrder = mo;
        terms = new int[keyed.size()][];
        coefficients = new double[keyed.size()][];
        for (int d = 0; d < keyed.size(); d++) {
            Map<Long, Double> t = keyed.get(d);
            List<Integer> comps = new ArrayList<>();
            List<Double> coefs = new ArrayList<>();
            for (Map.Entry<Long, Double> e : t.entrySet()) {
                if (Math.abs(e.getValue()) < 1e-13) continue;
                long key = e.getKey();
                int comp = key < 0 ? 0 : base[(int) (key >> 8)] + (int) (key & 0xff) - 1;
                comps.add(comp);
                coefs.add(e.getValue());
            }
            terms[d] = comps.stream().mapToInt(Integer::intValue).toArray();
            coefficients[d] = coefs.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    /**
     * Coefficients w_j with ∂^α f = Σ_j w_j D_j^m f over integer directions j, |j| = m (GUW formula).
     */
    static Map<int[], Double> directionalExpansion(int[] alpha) {
        int d = alpha.length;
        int m = 0;
        int support = 0;
        for (int a : alpha) {
            m += a;
            if (a > 0) support++;
        }
        Map<int[], Double> out = new LinkedHashMap<>();
        if (support == 1) {
            int[] j = alpha.clone();
            // D_j^m with j = m·e_k equals m^m ∂_k^m.
            out.put(j, 1.0 / Math.pow(m, m));
            return out;
        }
        double mFactorial = factorial(m);
        for (int[] j : multiIndicesBelow(alpha, m, true)) {
            double gamma = 0;
            for (int[] k : multiIndicesBelow(alpha, -1, false)) {
                int kk = 0;
                for (int v : k) kk += v;
                if (kk == 0) continue;
                double term = ((m - kk) % 2 == 0) ? 1 : -1;
                for (int i = 0; i < d; i++) {
                    term *= binomial(alpha[i], k[i]);
                    term *= generalizedBinomial((double) m * k[i] / kk, j[i]);
                }
                term *= Math.pow((double) kk / m, m);
                gamma += term;
            }
            if (Math.abs(gamma) > 1e-14) out.put(j, gamma / mFactorial);
        }
        return out;
    }

    /** Multi-indices 0 ≤ j with support inside supp(alpha); with total ≥ 0 restrict to |j| = total, else j ≤ alpha. */
    private static List<int[]> multiIndicesBelow(int[] alpha, int total, boolean fixedTotal) {
        List<int[]> out = new ArrayList<>();
        int d = alpha.length;
        int[] cur = new int[d];
        enumerate(alpha, total, fixedTotal, 0, cur, out);
        return out;
    }

    private static void enumerate(int[] alpha, int total, boolean fixedTotal, int k, int[] cur, List<int[]> out) {
        if (k == alpha.length) {
            int s = 0;
            for (int v : cur) s += v;
            if (!fixedTotal || s == total) out.add(cur.clone());
            return;
        }
        int hi = alpha[k] == 0 ? 0 : (fixedTotal ? total : alpha[k]);
        for (int v = 0; v <= hi; v++) {
            cur[k] = v;
            enumerate(alpha, total, fixedTotal, k + 1, cur, out);
        }
        cur[k] = 0;
    }

    private static int gcd(int[] j) {
        int g = 0;
        for (int v : j) g = gcd(g, Math.abs(v));
        return g;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static double factorial(int n) {
        double f = 1;
        for (int i = 2; i <= n; i++) f *= i;
        return f;
    }

    private static double binomial(int n, int k) {
        return generalizedBinomial(n, k);
    }

    private static double generalizedBinomial(double x, int k) {
        double r = 1;
        for (int i = 0; i < k; i++) r *= (x - i) / (i + 1);
        return r;
    }

    public int dim() {
        return dim;
    }

    public List<MultiIndex> derivatives() {
        return derivatives;
    }

    public int directionCount() {
        return directions.size();
    }

    /** Primitive integer direction vector of direction j. */
    public int[] direction(int j) {
        return directions.get(j).clone();
    }

    /** Direction j without a copy, for per-point loops (do not modify). */
    int[] directionView(int j) {
        return directions.get(j);
    }

    public int order(int j) {
        return orders.get(j);
    }

    /** First component index of direction j (its first derivative). */
    public int base(int j) {
        return base[j];
    }

    /** Total jet components C, including the value. */
    public int components() {
        return components;
    }

    /** Highest order along any direction. */
    public int maxOrder() {
        return maxOrder;
    }

    /** Component indices combined to form derivative d. */
    public int[] terms(int d) {
        return terms[d];
    }

    public double[] coefficients(int d) {
        return coefficients[d];
    }
}
