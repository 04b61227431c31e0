package dev.tangent.ntk;

import dev.tangent.nn.LayerFactors;
import dev.tangent.nn.Mlp;

/**
 * The Jacobian-row factors of a panel of consecutive points of one group, grouped in tiles of {@code tile} points,
 * for {@link StructuredKernel}. Per layer l (n_in → n_out, C jet components) one of two forms:
 *
 * <ul>
 *   <li><b>factored</b>: D (n_out × C per point) and Ã ((n_in + 1) × C per point), Ã = [c_l·a; c_b·[c = 0]], so that
 *       row i's (W_l, b_l) block is Σ_c δ_{i,c} ã_{i,c}ᵀ and its kernel Σ_{c,c'} (δ_{i,c}·δ_{j,c'})(ã_{i,c}·ã_{j,c'}).
 *       Stored tile by tile: the tile starting at panel point t0 with n_t points is the column-major matrix at
 *       offset t0·C·rows, column c·n_t + i holding component c of its point i.</li>
 *   <li><b>dense rows</b>: the row block itself, n_out·(n_in + 1) entries per point (column-major n_out × (n_in + 1),
 *       bias last), point after point; cheaper when n_out·(n_in + 1) ≤ C_a·C_b·(n_in + 1 + n_out), e.g. the first
 *       layer (n_in = d) and a scalar output layer.</li>
 * </ul>
 */
final class FactorPanel {
    private final Mlp mlp;
    private final int comps;
    private final int tile;
    private final int capacity;
    private final boolean[] factored;
    final double[][] d;     // factored layers: adjoints, tile layout
    final double[][] a;     // factored layers: scaled inputs with the bias row, tile layout
    final double[][] rows;  // dense-row layers: one row block per point
    private double[] x = new double[0];
    int from;               // first point of the panel in its group
    int count;              // points in the panel

    FactorPanel(Mlp mlp, int comps, int tile, int capacity, boolean[] factored) {
        this.mlp = mlp;
        this.comps = comps;
        this.tile = tile;
        this.capacity = capacity;
        this.factored = factored.clone();
        int layers = mlp.layers();
        d = new double[layers][];
        a = new double[layers][];
        rows = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            if (factored[l]) {
                d[l] = new double[capacity * comps * nOut];
                a[l] = new double[capacity * comps * (nIn + 1)];
            } else {
                rows[l] = new double[capacity * nOut * (nIn + 1)];
            }
        }
    }

    /** Bytes per point of a panel with these layer forms (what the memory budget is planned with). */
    static long bytesPerPoint(Mlp mlp, int comps, boolean[] factored) {
        long b = 0;
        for (int l = 0; l < mlp.layers(); l++) {
            int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l);
            b += factored[l] ? (long) comps * (nIn + 1 + nOut) : (long) nOut * (nIn + 1);
        }
        return 8 * b;
    }

    /** Bytes held by this panel's arrays. */
    long bytes() {
        long b = 8L * x.length;
        for (int l = 0; l < mlp.layers(); l++) {
            b += 8L * (factored[l] ? d[l].length + a[l].length : rows[l].length);
        }
        return b;
    }

    int tiles() {
        return (count + tile - 1) / tile;
    }

    /** First panel point of tile t. */
    int tileStart(int t) {
        return t * tile;
    }

    int tileSize(int t) {
        return Math.min(tile, count - t * tile);
    }

    /**
     * Computes the factors of points [from, from + n) of a group (points point-major, dimension dim) at θ, in engine
     * chunks of at most {@code chunk} points.
     */
    void fill(LayerFactors f, double[] theta, double[] points, int dim, int from, int n, int chunk) {
        if (n > capacity) throw new IllegalArgumentException("panel holds " + capacity + " points, asked for " + n);
        this.from = from;
        this.count = n;
        if (x.length < chunk * dim) x = new double[chunk * dim];
        for (int p0 = 0; p0 < n; p0 += chunk) {
            int m = Math.min(chunk, n - p0);
            System.arraycopy(points, (from + p0) * dim, x, 0, m * dim);
            f.compute(theta, m, x);
            for (int l = 0; l < mlp.layers(); l++) {
                if (factored[l]) copyFactors(l, f.inputs(l), f.adjoints(l), p0, m);
                else formRows(l, f.inputs(l), f.adjoints(l), p0, m);
            }
        }
    }

    /** Engine columns i·C + c of chunk points → tile columns c·n_t + i, Ã scaled by c_l with the bias row. */
    private void copyFactors(int l, double[] act, double[] adj, int p0, int m) {
        int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l), ra = nIn + 1;
        double scale = mlp.layerScale(l), cb = mlp.biasScale(l);
        double[] dl = d[l], al = a[l];
        for (int q = 0; q < m; q++) {
            int p = p0 + q;                 // panel point
            int t = p / tile;
            int t0 = t * tile, nt = tileSize(t), i = p - t0;
            for (int c = 0; c < comps; c++) {
                int col = c * nt + i;
                int src = q * comps + c;
                System.arraycopy(adj, src * nOut, dl, t0 * comps * nOut + col * nOut, nOut);
                int dst = t0 * comps * ra + col * ra;
                int s = src * nIn;
                for (int k = 0; k < nIn; k++) al[dst + k] = scale * act[s + k];
                al[dst + nIn] = c == 0 ? cb : 0.0;
            }
        }
    }

    /** Row block R[r + k·n_out] = Σ_c δ[r, c]·ã[k, c] (k = n_in: the bias) of each chunk point. */
    private void formRows(int l, double[] act, double[] adj, int p0, int m) {
        int nIn = mlp.fanIn(l), nOut = mlp.fanOut(l), len = nOut * (nIn + 1);
        double scale = mlp.layerScale(l), cb = mlp.biasScale(l);
        double[] out = rows[l];
        for (int q = 0; q < m; q++) {
            int o = (p0 + q) * len;
            java.util.Arrays.fill(out, o, o + len, 0.0);
            for (int c = 0; c < comps; c++) {
                int g = (q * comps + c) * nOut;
                int s = (q * comps + c) * nIn;
                for (int k = 0; k <= nIn; k++) {
                    double w = k < nIn ? scale * act[s + k] : (c == 0 ? cb : 0.0);
                    if (w == 0.0) continue;
                    int dst = o + k * nOut;
                    for (int r = 0; r < nOut; r++) out[dst + r] += w * adj[g + r];
                }
            }
        }
    }
}
