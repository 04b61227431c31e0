package dev.tangent.nn;

/**
 * Faà di Bruno rules for one univariate jet through an elementwise activation, and their adjoints.
 * Arrays hold blocks of {@code sn = S·n} entries: z and a have the direction's k-th derivative at
 * {@code base + (k−1)·sn + e}; s has σ^(m)(z₀) at {@code m·sn + e}.
 */
final class JetOps {
    private JetOps() {}

    /** a_k for k = 1..order over elements [lo, hi). */
    static void forward(int order, int base, int sn, double[] z, double[] s, double[] a, int lo, int hi) {
        int o1 = base, o2 = base + sn, o3 = base + 2 * sn, o4 = base + 3 * sn;
        for (int e = lo; e < hi; e++) {
            double s1 = s[sn + e];
            double z1 = z[o1 + e];
            a[o1 + e] = s1 * z1;
            if (order < 2) continue;
            double s2 = s[2 * sn + e];
            double z2 = z[o2 + e];
            a[o2 + e] = s2 * z1 * z1 + s1 * z2;
            if (order < 3) continue;
            double s3 = s[3 * sn + e];
            double z3 = z[o3 + e];
            a[o3 + e] = s3 * z1 * z1 * z1 + 3 * s2 * z1 * z2 + s1 * z3;
            if (order < 4) continue;
            double s4 = s[4 * sn + e];
            double z4 = z[o4 + e];
            a[o4 + e] = s4 * z1 * z1 * z1 * z1 + 6 * s3 * z1 * z1 * z2 + s2 * (4 * z1 * z3 + 3 * z2 * z2) + s1 * z4;
        }
    }

    /**
     * Replaces the activation adjoints ā_k (k ≥ 1, stored in b) of element e by the pre-activation adjoints
     * z̄_k, and returns this direction's contribution to z̄₀ (excluding ā₀·σ').
     */
    static double adjoint(int order, int base, int sn, double[] z, double[] s, double[] b, int e) {
        int o1 = base + e, o2 = o1 + sn, o3 = o2 + sn, o4 = o3 + sn;
        double s1 = s[sn + e], s2 = s[2 * sn + e];
        double z1 = z[o1];
        double b1 = b[o1];
        if (order == 1) {
            b[o1] = b1 * s1;
            return b1 * s2 * z1;
        }
        double s3 = s[3 * sn + e];
        double z2 = z[o2];
        double b2 = b[o2];
        if (order == 2) {
            b[o1] = b1 * s1 + b2 * 2 * s2 * z1;
            b[o2] = b2 * s1;
            return b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2);
        }
        double s4 = s[4 * sn + e];
        double z3 = z[o3];
        double b3 = b[o3];
        if (order == 3) {
            b[o1] = b1 * s1 + b2 * 2 * s2 * z1 + b3 * (3 * s3 * z1 * z1 + 3 * s2 * z2);
            b[o2] = b2 * s1 + b3 * 3 * s2 * z1;
            b[o3] = b3 * s1;
            return b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2) + b3 * (s4 * z1 * z1 * z1 + 3 * s3 * z1 * z2 + s2 * z3);
        }
        double s5 = s[5 * sn + e];
        double z4 = z[o4];
        double b4 = b[o4];
        b[o1] = b1 * s1 + b2 * 2 * s2 * z1 + b3 * (3 * s3 * z1 * z1 + 3 * s2 * z2)
                + b4 * (4 * s4 * z1 * z1 * z1 + 12 * s3 * z1 * z2 + 4 * s2 * z3);
        b[o2] = b2 * s1 + b3 * 3 * s2 * z1 + b4 * (6 * s3 * z1 * z1 + 6 * s2 * z2);
        b[o3] = b3 * s1 + b4 * 4 * s2 * z1;
        b[o4] = b4 * s1;
        return b1 * s2 * z1 + b2 * (s3 * z1 * z1 + s2 * z2) + b3 * (s4 * z1 * z1 * z1 + 3 * s3 * z1 * z2 + s2 * z3)
                + b4 * (s5 * z1 * z1 * z1 * z1 + 6 * s4 * z1 * z1 * z2 + s3 * (4 * z1 * z3 + 3 * z2 * z2) + s2 * z4);
    }
}
