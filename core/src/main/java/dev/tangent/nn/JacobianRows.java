package dev.tangent.nn;

/**
 * Jacobian rows of one layer: for point i the weight block is c·G_i·A_iᵀ (n_out × n_in, column-major inside the
 * row, as θ stores W), with G_i the point's adjoints (n_out × C) and A_i its layer inputs (n_in × C); the bias block
 * is G_i[:, 0]. Per input neuron q the column Σ_c c·A_i[q,c]·G_i[:,c] is formed over the nonzero A_i[q,c] only
 * (input jets are mostly zeros), pairwise in a fixed order, in a zero-offset scratch and then copied into J.
 *
 * <p>Inner dimension C (≤ 11) makes this a bandwidth-bound rank-C update, not BLAS-3 work: J is written once,
 * straight into the row-major Java array, with the arithmetic vectorised in L1.
 */
final class JacobianRows {
    private final Mlp mlp;
    private final JetWorkspace ws;

    JacobianRows(Mlp mlp, JetWorkspace ws) {
        this.mlp = mlp;
        this.ws = ws;
    }

    /** Rows of points [p0, p1) for layer l, multiplied by rowScale (bit-identical to scaling J afterwards). */
    void write(int l, int p0, int p1, double[] jac, int jacRow, int ldj, int col0, double rowScale, BlockScratch s) {
        int nIn = mlp.fanIn(l);
        int nOut = mlp.fanOut(l);
        int comps = ws.comps;
        int wOff = mlp.weightOffset(l);
        int bOff = mlp.biasOffset(l);
        double cb = mlp.biasScale(l); // ∂r_i/∂b = c_b·G_i[:, 0]
        double scale = mlp.layerScale(l);
        double[] a = ws.act[l];
        double[] g = ws.adj[l];
        if (nOut == 1 && writeScalarOutputs(l, p0, p1, jac, jacRow, ldj, col0, rowScale, s)) return;
        double[] alpha = s.alpha;
        int[] live = s.live;
        for (int i = p0; i < p1; i++) {
            int row = (jacRow + i) * ldj + col0;
            int gOff = i * comps * nOut;
            int aOff = i * comps * nIn;
            for (int c = 0; c < comps; c++) System.arraycopy(g, gOff + c * nOut, s.adjoint[c], 0, nOut);
            double[] bias = s.adjoint[0];   // ∂r_i/∂b = c_b·G_i[:, 0]
            if (cb != 1.0) {
                for (int q = 0; q < nOut; q++) s.column[q] = cb * bias[q];
                bias = s.column;
            }
            scaledCopy(bias, nOut, rowScale, s.column, jac, row + bOff);
            for (int q = 0; q < nIn; q++) {
                int dst = row + wOff + q * nOut;
                int terms = 0;
                for (int c = 0; c < comps; c++) {
                    double v = a[aOff + c * nIn + q];
                    if (v != 0.0) {
                        alpha[terms] = scale * v;
                        live[terms++] = c;
                    }
                }
                if (terms == 0) {
                    java.util.Arrays.fill(jac, dst, dst + nOut, 0.0);
                } else {
                    combine(nOut, terms, alpha, live, s.adjoint, s.column);
                    scaledCopy(s.column, nOut, rowScale, s.column, jac, dst);
                }
            }
        }
    }

    /**
     * The output layer of a scalar network (n_out = 1): row block W_i[q] = Σ_c (c·A_i[q,c])·G_i[c], vectorised over
     * q instead of r. Same terms in the same order as {@link #combine} when every A_i[q,c] is nonzero (hidden
     * activations); returns false, having written nothing, if some block has a zero, for the general path.
     */
    private boolean writeScalarOutputs(int l, int p0, int p1, double[] jac, int jacRow, int ldj, int col0, double rowScale,
                                       BlockScratch s) {
        int nIn = mlp.fanIn(l);
        int comps = ws.comps;
        double scale = mlp.layerScale(l);
        double[] a = ws.act[l];
        double[] g = ws.adj[l];
        double[][] alpha = s.pointInputs;
        double[] out = s.column;
        for (int i = p0; i < p1; i++) {
            int aOff = i * comps * nIn;
            for (int q = 0; q < comps * nIn; q++) {
                if (a[aOff + q] == 0.0) return false;
            }
        }
        for (int i = p0; i < p1; i++) {
            int row = (jacRow + i) * ldj + col0;
            int aOff = i * comps * nIn;
            int gOff = i * comps;
            for (int c = 0; c < comps; c++) System.arraycopy(a, aOff + c * nIn, alpha[c], 0, nIn);
            int t;
            double g0 = g[gOff];
            double[] a0 = alpha[0];
            // (c·A)·G as in combine, the layer factor applied inside the vectorised loops
            if (comps % 2 == 1) {
                for (int q = 0; q < nIn; q++) out[q] = (scale * a0[q]) * g0;
                t = 1;
            } else {
                double g1 = g[gOff + 1];
                double[] a1 = alpha[1];
                for (int q = 0; q < nIn; q++) out[q] = (scale * a0[q]) * g0 + (scale * a1[q]) * g1;
                t = 2;
            }
            for (; t < comps; t += 2) {
                double h0 = g[gOff + t], h1 = g[gOff + t + 1];
                double[] b0 = alpha[t], b1 = alpha[t + 1];
                for (int q = 0; q < nIn; q++) out[q] = out[q] + ((scale * b0[q]) * h0 + (scale * b1[q]) * h1);
            }
            scaledCopy(out, nIn, rowScale, out, jac, row + mlp.weightOffset(l));
            double bias = mlp.biasScale(l) * g0;
            jac[row + mlp.biasOffset(l)] = rowScale == 1.0 ? bias : bias * rowScale;
        }
        return true;
    }

    /** jac[dst, dst+n) = src[0, n)·scale, through the zero-offset tmp (may be src) so the product vectorises. */
    private static void scaledCopy(double[] src, int n, double scale, double[] tmp, double[] jac, int dst) {
        if (scale == 1.0) {
            System.arraycopy(src, 0, jac, dst, n);
            return;
        }
        for (int r = 0; r < n; r++) tmp[r] = src[r] * scale;
        System.arraycopy(tmp, 0, jac, dst, n);
    }

    /**
     * out[r] = Σ_t alpha[t]·g[live[t]][r] in the order (first one or two terms) + (next two) + …, the order the
     * Jacobian has always used, so rows are bit-identical to the per-point loop this replaced. One pass for up to
     * five terms; all indices are plain r so the loops vectorise.
     */
    static void combine(int n, int terms, double[] alpha, int[] live, double[][] g, double[] out) {
        double a0 = alpha[0];
        double[] g0 = g[live[0]];
        switch (terms) {
            case 1 -> {
                for (int r = 0; r < n; r++) out[r] = a0 * g0[r];
                return;
            }
            case 2 -> {
                double a1 = alpha[1];
                double[] g1 = g[live[1]];
                for (int r = 0; r < n; r++) out[r] = a0 * g0[r] + a1 * g1[r];
                return;
            }
            case 3 -> {
                double a1 = alpha[1], a2 = alpha[2];
                double[] g1 = g[live[1]], g2 = g[live[2]];
                for (int r = 0; r < n; r++) out[r] = a0 * g0[r] + (a1 * g1[r] + a2 * g2[r]);
                return;
            }
            case 4 -> {
                double a1 = alpha[1], a2 = alpha[2], a3 = alpha[3];
                double[] g1 = g[live[1]], g2 = g[live[2]], g3 = g[live[3]];
                for (int r = 0; r < n; r++) out[r] = (a0 * g0[r] + a1 * g1[r]) + (a2 * g2[r] + a3 * g3[r]);
                return;
            }
            case 5 -> {
                double a1 = alpha[1], a2 = alpha[2], a3 = alpha[3], a4 = alpha[4];
                double[] g1 = g[live[1]], g2 = g[live[2]], g3 = g[live[3]], g4 = g[live[4]];
                for (int r = 0; r < n; r++) out[r] = (a0 * g0[r] + (a1 * g1[r] + a2 * g2[r])) + (a3 * g3[r] + a4 * g4[r]);
                return;
            }
            default -> {
                int t;
                if (terms % 2 == 1) {
                    for (int r = 0; r < n; r++) out[r] = a0 * g0[r];
                    t = 1;
                } else {
                    double a1 = alpha[1];
                    double[] g1 = g[live[1]];
                    for (int r = 0; r < n; r++) out[r] = a0 * g0[r] + a1 * g1[r];
                    t = 2;
                }
                for (; t < terms; t += 2) {
                    double b0 = alpha[t], b1 = alpha[t + 1];
                    double[] h0 = g[live[t]], h1 = g[live[t + 1]];
                    for (int r = 0; r < n; r++) out[r] = out[r] + (b0 * h0[r] + b1 * h1[r]);
                }
            }
        }
    }
}
