package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.expr.Evaluator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A residual of u seen as a residual of the network outputs N under hard constraints: for a constrained field,
 * D_α u = D_α g + Σ_{β≤α} C(α, β)·D_{α−β}d·D_β N (Leibniz); an unconstrained field's derivative is N's own. Values of
 * u are formed from N's derivatives, the inner residual is evaluated on them, and its partials ∂F/∂D_α u are mapped
 * back: ∂F/∂D_β N = Σ_α ∂F/∂D_α u·C(α, β)·D_{α−β}d. Buffers grow with the batch and are reused.
 */
class HardResidual implements PointResidual {
    private final PointResidual inner;
    private final List<MultiIndex> netDerivatives = new ArrayList<>();
    private final int[] netFields;
    /** Per inner derivative q: its terms (index into netDerivatives, C(α,β), evaluator of D_{α−β}d or null for 1). */
    private final int[][] termIndex;
    private final double[][] termCoef;
    private final Evaluator[][] termD;
    private final Evaluator[] gAlpha;   // null: unconstrained field (no g term)
    private final int dim;
    private double[] u = new double[0], pu = new double[0], w = new double[0];

    HardResidual(HardConstraints hard, PointResidual inner) {
        this.inner = inner;
        this.dim = inner.inputDim();
        List<MultiIndex> in = inner.derivatives();
        int[] fields = inner.fields();
        Map<String, Integer> index = new LinkedHashMap<>();
        List<Integer> nf = new ArrayList<>();
        int m = in.size();
        termIndex = new int[m][];
        termCoef = new double[m][];
        termD = new Evaluator[m][];
        gAlpha = new Evaluator[m];
        for (int q = 0; q < m; q++) {
            MultiIndex a = in.get(q);
            HardConstraint c = hard.of(fields[q]);
            List<MultiIndex> betas = c == null ? List.of(a) : below(a);
            termIndex[q] = new int[betas.size()];
            termCoef[q] = new double[betas.size()];
            termD[q] = new Evaluator[betas.size()];
            if (c != null) gAlpha[q] = c.valueDerivative(a);
            for (int t = 0; t < betas.size(); t++) {
                MultiIndex b = betas.get(t);
                String key = fields[q] + ":" + Arrays.toString(b.alpha());
                Integer j = index.get(key);
                if (j == null) {
                    j = netDerivatives.size();
                    index.put(key, j);
                    netDerivatives.add(b);
                    nf.add(fields[q]);
                }
                termIndex[q][t] = j;
                if (c == null) {
                    termCoef[q][t] = 1;
                    continue;
                }
                int[] rest = new int[dim];
                double coef = 1;
                for (int k = 0; k < dim; k++) {
                    rest[k] = a.alpha()[k] - b.alpha()[k];
                    coef *= binomial(a.alpha()[k], b.alpha()[k]);
                }
                termCoef[q][t] = coef;
                termD[q][t] = c.distanceDerivative(new MultiIndex(rest));
            }
        }
        netFields = nf.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public int inputDim() {
        return dim;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return netDerivatives;
    }

    @Override
    public int[] fields() {
        return netFields.clone();
    }

    /** u[q·S + i] = D_α_q u(x_i) from N's derivative values; the term weights stay in w for {@link #evaluate}. */
    final double[] uValues(int n, double[] x, double[] values) {
        int m = termIndex.length;
        int maxTerms = 0;
        for (int[] t : termIndex) maxTerms = Math.max(maxTerms, t.length);
        if (u.length < m * n) u = new double[m * n];
        if (pu.length < m * n) pu = new double[m * n];
        if (w.length < m * maxTerms * n) w = new double[m * maxTerms * n];
        double[] env = new double[dim];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, i * dim, env, 0, dim);
            for (int q = 0; q < m; q++) {
                double s = gAlpha[q] == null ? 0 : gAlpha[q].evaluate(env);
                for (int t = 0; t < termIndex[q].length; t++) {
                    double c = termD[q][t] == null ? termCoef[q][t] : termCoef[q][t] * termD[q][t].evaluate(env);
                    w[(q * maxTerms + t) * n + i] = c;
                    s += c * values[termIndex[q][t] * n + i];
                }
                u[q * n + i] = s;
            }
        }
        return u;
    }

    @Override
    public void evaluate(int n, double[] x, double[] values, double[] residual, double[] partials) {
        double[] uv = uValues(n, x, values);
        int maxTerms = 0;
        for (int[] t : termIndex) maxTerms = Math.max(maxTerms, t.length);
        inner.evaluate(n, x, uv, residual, pu);
        Arrays.fill(partials, 0, netDerivatives.size() * n, 0.0);
        for (int q = 0; q < termIndex.length; q++) {
            for (int t = 0; t < termIndex[q].length; t++) {
                int b = termIndex[q][t] * n, wo = (q * maxTerms + t) * n, po = q * n;
                for (int i = 0; i < n; i++) partials[b + i] += pu[po + i] * w[wo + i];
            }
        }
    }

    /** Every β ≤ α componentwise, α itself included. */
    static List<MultiIndex> below(MultiIndex a) {
        List<int[]> out = new ArrayList<>();
        out.add(new int[a.dim()]);
        for (int k = 0; k < a.dim(); k++) {
            List<int[]> next = new ArrayList<>();
            for (int[] b : out) {
                for (int j = 0; j <= a.alpha()[k]; j++) {
                    int[] c = b.clone();
                    c[k] = j;
                    next.add(c);
                }
            }
            out = next;
        }
        List<MultiIndex> r = new ArrayList<>();
        for (int[] b : out) r.add(new MultiIndex(b));
        return r;
    }

    private static double binomial(int n, int k) {
        double c = 1;
        for (int j = 1; j <= k; j++) c = c * (n - k + j) / j;
        return c;
    }

    /** The wrapper of a residual with unknown coefficients: ∂F/∂λ is the inner one at the transformed values. */
    static final class WithCoefficients extends HardResidual implements CoefficientResidual {
        private final CoefficientResidual inner;

        WithCoefficients(HardConstraints hard, CoefficientResidual inner) {
            super(hard, inner);
            this.inner = inner;
        }

        @Override
        public void setParameter(String name, double v) {
            inner.setParameter(name, v);
        }

        @Override
        public void parameterPartial(String name, int n, double[] x, double[] values, double[] out) {
            inner.parameterPartial(name, n, x, uValues(n, x, values), out);
        }
    }
}
