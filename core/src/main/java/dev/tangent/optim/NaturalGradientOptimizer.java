package dev.tangent.optim;

import java.util.Map;

/**
 * The shared shape of ANaGRAM and ENGD: evaluate r̃ and Φ, solve for a direction d (subclass), then the 2^-k
 * line search and θ ← θ − η* d. ENGD and the fixed-cutoff ANaGRAM are stateless between steps; the adaptive cutoff keeps its factor.
 */
abstract class NaturalGradientOptimizer implements Optimizer {
    /** What the solve reports: kept rank and the singular values of Φ (descending). */
    record Solve(int rank, double[] singularValues) {}

    final Workspace ws = new Workspace();
    double[] direction = new double[0];
    private final int lineSearchSteps;
    private final LineSearchRule lineSearchRule;
    private final RowScaling rowScaling;
    private double[] scales = new double[0];

    NaturalGradientOptimizer(int lineSearchSteps, LineSearchRule lineSearchRule, RowScaling rowScaling) {
        if (lineSearchSteps < 0 || lineSearchSteps > 60) {
            throw new IllegalArgumentException("optimizer.line_search_steps must be in 0..60, got " + lineSearchSteps);
        }
        this.lineSearchSteps = lineSearchSteps;
        this.lineSearchRule = java.util.Objects.requireNonNull(lineSearchRule, "optimizer.line_search");
        this.rowScaling = java.util.Objects.requireNonNull(rowScaling, "optimizer.row_scaling");
    }

    /** Fills {@link #direction} from ws.r (rows) and ws.jac (row-major rows × n). */
    abstract Solve solve(int rows, int n);

    @Override
    public final StepReport step(double[] theta, LeastSquaresProblem p) {
        int n = p.nParams(), rows = p.nRows();
        ws.ensure(rows, n, true);
        if (direction.length != n) direction = new double[n];
        long t0 = System.nanoTime();
        double loss = p.evaluate(theta, ws.r, ws.jac);
        if (rowScaling == RowScaling.NONE) unscaleRows(p, rows, n);
        long t1 = System.nanoTime();
        Solve s = solve(rows, n);
        long t2 = System.nanoTime();
        Search found = search(p, theta, loss, s);
        LineSearch.Result ls = found.result();
        long t3 = System.nanoTime();
        for (int i = 0; i < n; i++) theta[i] -= ls.eta() * direction[i];
        double[] sv = s.singularValues();
        int rank = found.rank();
        StepReport report = new StepReport(ls.loss(), ls.eta(), rank, sv[0], rank > 0 ? sv[rank - 1] : Double.NaN,
                ls.evaluations() + 1, t1 - t0, t2 - t1, t3 - t2, sv);
        afterStep(report, loss);
        return report;
    }

    /** What the step search found: η and the loss there, and the rank of the direction taken. */
    record Search(LineSearch.Result result, int rank) {}

    /** Divides r̃ and Φ row by row by the loss's scales (a row of weight 0 becomes 0): the raw residual rows. */
    private void unscaleRows(LeastSquaresProblem p, int rows, int n) {
        if (scales.length < rows) scales = new double[rows];
        p.rowScales(scales);
        for (int i = 0; i < rows; i++) {
            double inv = scales[i] > 0 ? 1 / scales[i] : 0;
            ws.r[i] *= inv;
            for (int k = i * n; k < (i + 1) * n; k++) ws.jac[k] *= inv;
        }
    }

    /** The 2^-k line search along {@link #direction}; ANaGRAM's adaptive cutoff searches over cutoffs first. */
    Search search(LeastSquaresProblem p, double[] theta, double loss, Solve s) {
        return new Search(lineSearch(p, theta, loss), s.rank());
    }

    final LineSearch.Result lineSearch(LeastSquaresProblem p, double[] theta, double loss) {
        return LineSearch.grid(p, theta, direction, ws.theta, ws.trial, loss, lineSearchSteps, lineSearchRule);
    }

    /** Hook after each step with the loss before it (the adaptive cutoff lowers itself on poor progress). */
    void afterStep(StepReport r, double lossBefore) {}

    /** The last search direction d (θ moved by −η·d). */
    public double[] lastDirection() {
        return direction.clone();
    }

    @Override
    public Map<String, double[]> state() {
        return Map.of();
    }

    @Override
    public void restore(Map<String, double[]> state) {}
}
