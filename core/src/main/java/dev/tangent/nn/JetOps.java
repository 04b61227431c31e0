package dev.tangent.nn;

/**
 * Faà di Bruno rules for one univariate jet through an elementwise activation, and their adjoints,
 * over one point's row of n neurons. The k-th directional derivative of z (and a, and the adjoint b)
 * sits at {@code off + (k−1)·n + r}; σ^(m)(z₀) at {@code sOff + m·n + r}.
 */
final class JetOps {
    private JetOps() {}

    /** a_k = k-th derivative of σ(z) along the direction, k = 1..order. */
    static void forward(int order, int n, double[] z, int off, double[] s, int sOff, double[] a) {
        int s1o = sOff + n, s2o = sOff + 2 * n, s3o = sOff + 3 * n, s4o = sOff + 4 * n;
        int o1 = off, o2 = off + n, o3 = off + 2 * n, o4 = off + 3 * n;
        switch (order) {
            case 1 -> {
                for (int r = 0; r < n; r++) a[o1 + r] = s[s1o + r] * z[o1 + r];
            }
            case 2 -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], s1 = s[s1o + r], s2 = s[s2o + r];
                    a[o1 + r] = s1 * z1;
                    a[o2 + r] = s2 * z1 * z1 + s1 * z2;
                }
            }
            case 3 -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], z3 = z[o3 + r];
                    double s1 = s[s1o + r], s2 = s[s2o + r], s3 = s[s3o + r];
                    a[o1 + r] = s1 * z1;
                    a[o2 + r] = s2 * z1 * z1 + s1 * z2;
                    a[o3 + r] = s3 * z1 * z1 * z1 + 3 * s2 * z1 * z2 + s1 * z3;
                }
            }
            default -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], z3 = z[o3 + r], z4 = z[o4 + r];
                    double s1 = s[s1o + r], s2 = s[s2o + r], s3 = s[s3o + r], s4 = s[s4o + r];
                    a[o1 + r] = s1 * z1;
                    a[o2 + r] = s2 * z1 * z1 + s1 * z2;
                    a[o3 + r] = s3 * z1 * z1 * z1 + 3 * s2 * z1 * z2 + s1 * z3;
                    a[o4 + r] = s4 * z1 * z1 * z1 * z1 + 6 * s3 * z1 * z1 * z2 + s2 * (4 * z1 * z3 + 3 * z2 * z2) + s1 * z4;
                }
            }
        }
    }

    /**
     * Replaces the activation adjoints ā_k (k ≥ 1, in b) by the pre-activation adjoints z̄_k, and adds this
     * direction's contribution to z̄₀ into {@code b0} (length n).
     */
    static void adjoint(int order, int n, double[] z, int off, double[] s, int sOff, double[] b, double[] b0) {
        int s1o = sOff + n, s2o = sOff + 2 * n, s3o = sOff + 3 * n, s4o = sOff + 4 * n, s5o = sOff + 5 * n;
        int o1 = off, o2 = off + n, o3 = off + 2 * n, o4 = off + 3 * n;
        switch (order) {
            case 1 -> {
                for (int r = 0; r < n; r++) {
                    double b1 = b[o1 + r];
                    b[o1 + r] = b1 * s[s1o + r];
                    b0[r] += b1 * s[s2o + r] * z[o1 + r];
                }
            }
            case 2 -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], b1 = b[o1 + r], b2 = b[o2 + r];
                    double s1 = s[s1o + r], s2 = s[s2o + r], s3 = s[s3o + r];
                    b[o1 + r] = b1 * s1 + b2 * 2 * s2 * z1;
                    b[o2 + r] = b2 * s1;
                    b0[r] += b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2);
                }
            }
            case 3 -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], z3 = z[o3 + r];
                    double b1 = b[o1 + r], b2 = b[o2 + r], b3 = b[o3 + r];
                    double s1 = s[s1o + r], s2 = s[s2o + r], s3 = s[s3o + r], s4 = s[s4o + r];
                    b[o1 + r] = b1 * s1 + b2 * 2 * s2 * z1 + b3 * (3 * s3 * z1 * z1 + 3 * s2 * z2);
                    b[o2 + r] = b2 * s1 + b3 * 3 * s2 * z1;
                    b[o3 + r] = b3 * s1;
                    b0[r] += b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2)
                            + b3 * (s4 * z1 * z1 * z1 + 3 * s3 * z1 * z2 + s2 * z3);
                }
            }
            default -> {
                for (int r = 0; r < n; r++) {
                    double z1 = z[o1 + r], z2 = z[o2 + r], z3 = z[o3 + r], z4 = z[o4 + r];
                    double b1 = b[o1 + r], b2 = b[o2 + r], b3 = b[o3 + r], b4 = b[o4 + r];
                    double s1 = s[s1o + r], s2 = s[s2o + r], s3 = s[s3o + r], s4 = s[s4o + r], s5 = s[s5o + r];
                    b[o1 + r] = b1 * s1 + b2 * 2 * s2 * z1 + b3 * (3 * s3 * z1 * z1 + 3 * s2 * z2)
                            + b4 * (4 * s4 * z1 * z1 * z1 + 12 * s3 * z1 * z2 + 4 * s2 * z3);
                    b[o2 + r] = b2 * s1 + b3 * 3 * s2 * z1 + b4 * (6 * s3 * z1 * z1 + 6 * s2 * z2);
                    b[o3 + r] = b3 * s1 + b4 * 4 * s2 * z1;
                    b[o4 + r] = b4 * s1;
                    b0[r] += b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2)
                            + b3 * (s4 * z1 * z1 * z1 + 3 * s3 * z1 * z2 + s2 * z3)
                            + b4 * (s5 * z1 * z1 * z1 * z1 + 6 * s4 * z1 * z1 * z2 + s3 * (4 * z1 * z3 + 3 * z2 * z2) + s2 * z4);
                }
            }
        }
    }

    /**
     * Forward tangent of the jet rules: given ż (tangents of z₀ at {@code zOff0} and of this direction's
     * components at {@code off + shift}), writes ȧ_k = Σ_j ∂a_k/∂z_j ż_j for k = 1..order at {@code off + shift}; z's
     * components are at {@code off} (the tangents of a block live in block-local buffers, hence the shift). The caller
     * handles ȧ₀ = σ'ż₀.
     */
    static void tangent(int order, int n, double[] z, int off, double[] s, int sOff, double[] zd, int zOff0, int shift,
                        double[] ad) {
        int o1 = off, o2 = off + n, o3 = off + 2 * n, o4 = off + 3 * n;
        int t1 = o1 + shift, t2 = o2 + shift, t3 = o3 + shift, t4 = o4 + shift;
        for (int r = 0; r < n; r++) {
            double s1 = s[sOff + n + r], s2 = s[sOff + 2 * n + r];
            double z1 = z[o1 + r], d0 = zd[zOff0 + r], d1 = zd[t1 + r];
            ad[t1 + r] = s2 * z1 * d0 + s1 * d1;
            if (order < 2) continue;
            double s3 = s[sOff + 3 * n + r];
            double z2 = z[o2 + r], d2 = zd[t2 + r];
            ad[t2 + r] = (s3 * z1 * z1 + s2 * z2) * d0 + 2 * s2 * z1 * d1 + s1 * d2;
            if (order < 3) continue;
            double s4 = s[sOff + 4 * n + r];
            double z3 = z[o3 + r], d3 = zd[t3 + r];
            ad[t3 + r] = (s4 * z1 * z1 * z1 + 3 * s3 * z1 * z2 + s2 * z3) * d0 + (3 * s3 * z1 * z1 + 3 * s2 * z2) * d1
                    + 3 * s2 * z1 * d2 + s1 * d3;
            if (order < 4) continue;
            double s5 = s[sOff + 5 * n + r];
            double z4 = z[o4 + r], d4 = zd[t4 + r];
            ad[t4 + r] = (s5 * z1 * z1 * z1 * z1 + 6 * s4 * z1 * z1 * z2 + s3 * (4 * z1 * z3 + 3 * z2 * z2) + s2 * z4) * d0
                    + (4 * s4 * z1 * z1 * z1 + 12 * s3 * z1 * z2 + 4 * s2 * z3) * d1 + (6 * s3 * z1 * z1 + 6 * s2 * z2) * d2
                    + 4 * s2 * z1 * d3 + s1 * d4;
        }
    }
}
