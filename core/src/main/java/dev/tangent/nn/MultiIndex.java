package dev.tangent.nn;

import java.util.Arrays;

/** A partial derivative ∂^α of u: {@code alpha[k]} is the order along input coordinate k. */
public record MultiIndex(int[] alpha) {
    /** Highest total order the jet engine propagates. */
    public static final int MAX_ORDER = 4;

    public MultiIndex {
        if (alpha == null || alpha.length == 0) throw new IllegalArgumentException("a derivative needs at least one coordinate");
        alpha = alpha.clone();
        int total = 0;
        for (int a : alpha) {
            if (a < 0) throw new IllegalArgumentException("derivative orders must be >= 0, got " + Arrays.toString(alpha));
            total += a;
        }
        if (total > MAX_ORDER) {
            throw new IllegalArgumentException("derivative of total order " + total + " requested "
                    + Arrays.toString(alpha) + "; Tangent's jets support orders 0.." + MAX_ORDER);
        }
    }

    /** The value u itself in d dimensions. */
    public static MultiIndex value(int d) {
        return new MultiIndex(new int[d]);
    }

    /** ∂^order/∂x_k^order in d dimensions. */
    public static MultiIndex pure(int d, int k, int order) {
        if (k < 0 || k >= d) throw new IllegalArgumentException("coordinate " + k + " out of range 0.." + (d - 1));
        int[] a = new int[d];
        a[k] = order;
        return new MultiIndex(a);
    }

    public static MultiIndex of(int... alpha) {
        return new MultiIndex(alpha);
    }

    public int dim() {
        return alpha.length;
    }

    public int order() {
        int t = 0;
        for (int a : alpha) t += a;
        return t;
    }

    public int get(int k) {
        return alpha[k];
    }

    /** Name such as u, u_x, u_xxy, built from coordinate names. */
    public String name(String[] coords) {
        StringBuilder sb = new StringBuilder("u");
        if (order() == 0) return sb.toString();
        sb.append('_');
        for (int k = 0; k < alpha.length; k++) sb.append(coords[k].repeat(alpha[k]));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MultiIndex m && Arrays.equals(m.alpha, alpha);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "∂" + Arrays.toString(alpha);
    }
}
