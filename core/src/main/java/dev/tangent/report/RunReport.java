package dev.tangent.report;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.Domain;
import dev.tangent.pde.TestSet;
import dev.tangent.train.MetricsTable;
import dev.tangent.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The PNG plots of a run directory: curves, last spectrum, and the solution. */
public final class RunReport {
    private RunReport() {}

    public static void plots(Path dir, Trainer.Result r) {
        MetricsTable m = r.metrics();
        double[] steps = m.series("step");
        double[] secs = m.series("seconds");
        for (boolean time : new boolean[] {false, true}) {
            double[] x = time ? secs : steps;
            List<Charts.Series> s = new ArrayList<>();
            s.add(new Charts.Series("loss", x, m.series("loss")));
            s.add(new Charts.Series("relative L2 error", x, m.series("relative_l2")));
            s.add(new Charts.Series("absolute RMS error", x, m.series("absolute_rms")));
            Charts.line(dir.resolve(time ? "curves_time.png" : "curves_step.png"), "loss and error",
                    time ? "training seconds" : "step", "value", s, false, true);
        }
        if (r.lastSpectrum() != null) {
            double[] sv = r.lastSpectrum();
            double[] idx = new double[sv.length];
            for (int i = 0; i < sv.length; i++) idx[i] = i + 1;
            Charts.line(dir.resolve("spectrum.png"), "singular values of the scaled Jacobian at the last step", "index",
                    "σ", List.of(new Charts.Series("σ_j", idx, sv)), false, true);
        }
        if (m.columns().contains("ntk_drift")) {
            Charts.line(dir.resolve("ntk_drift.png"), "NTK drift ‖K(θ_t) − K(θ_0)‖_F / ‖K(θ_0)‖_F", "step", "drift",
                    List.of(new Charts.Series("drift", steps, m.series("ntk_drift"))), false, true);
        }
        List<Charts.Series> unknowns = new ArrayList<>();
        for (String c : m.columns()) {
            if (c.startsWith(Trainer.UNKNOWN_COLUMN)) unknowns.add(new Charts.Series(c.substring(Trainer.UNKNOWN_COLUMN.length()), steps, m.series(c)));
        }
        if (!unknowns.isEmpty()) {
            Charts.line(dir.resolve("unknowns.png"), "unknown coefficients during training", "step", "value", unknowns, false, false);
        }
        solution(dir, r.discretization(), r.theta());
    }

    /**
     * The prediction on the test grid as solution.csv (coordinates, u and, with a reference, u_reference; numbers as
     * Java prints them, so they read back to the same bits), and as solution.png: prediction, reference and error
     * heatmaps on 2D tensor grids, line plots in 1D; without a reference the prediction alone, on a closed grid.
     */
    public static void solution(Path dir, Discretization disc, double[] theta) {
        TestSet ts = disc.testSet();
        Domain d = disc.problem().domain();
        if (ts == null) {
            ts = grid(d);
            if (ts == null) return;
        }
        double[] pred = disc.predict(theta, ts.points());
        writeCsv(dir.resolve("solution.csv"), d, ts, pred, disc.testSet() != null);
        if (ts.shape() == null) return;
        if (disc.testSet() == null) {
            predictionOnly(dir, d, ts, pred);
            return;
        }
        double[] err = new double[pred.length];
        for (int i = 0; i < pred.length; i++) err[i] = pred[i] - ts.values()[i];
        if (ts.shape().length == 1) {
            double[] x = ts.points();
            Charts.line(dir.resolve("solution.png"), "prediction and reference", d.coords()[0], "u",
                    List.of(new Charts.Series("prediction", x, pred), new Charts.Series("reference", x, ts.values())), false, false);
            double[] abs = new double[err.length];
            for (int i = 0; i < err.length; i++) abs[i] = Math.abs(err[i]);
            Charts.line(dir.resolve("error.png"), "pointwise |error|", d.coords()[0], "|u − u*|",
                    List.of(new Charts.Series("|error|", x, abs)), false, true);
        } else if (ts.shape().length == 2) {
            int ny = ts.shape()[0], nx = ts.shape()[1];
            Heatmaps.panels(dir.resolve("solution.png"), "prediction, reference and error on the test grid", ny, nx,
                    d.coords()[0], new double[] {d.lo()[0], d.hi()[0]}, d.coords()[1], new double[] {d.lo()[1], d.hi()[1]},
                    new Heatmaps.Field("prediction", pred, false), new Heatmaps.Field("reference", ts.values(), false),
                    new Heatmaps.Field("|error| (log10)", err, true));
        }
    }

    /** A closed tensor grid over a 1D (1001 points) or 2D (101 × 101) domain, values NaN; null in higher dimensions. */
    private static TestSet grid(Domain d) {
        if (d.dim() > 2) return null;
        int per = d.dim() == 1 ? 1001 : 101;
        double[] x = dev.tangent.sampling.UnitCube.closedGrid(per, d.dim());
        for (int i = 0; i < x.length; i++) {
            int k = i % d.dim();
            x[i] = d.lo()[k] + x[i] * (d.hi()[k] - d.lo()[k]);
        }
        int[] shape = new int[d.dim()];
        java.util.Arrays.fill(shape, per);
        double[] v = new double[x.length / d.dim()];
        java.util.Arrays.fill(v, Double.NaN);
        return new TestSet(x, v, shape);
    }

    private static void predictionOnly(Path dir, Domain d, TestSet ts, double[] pred) {
        if (ts.shape().length == 1) {
            Charts.line(dir.resolve("solution.png"), "prediction (no reference solution)", d.coords()[0], "u",
                    List.of(new Charts.Series("prediction", ts.points(), pred)), false, false);
        } else {
            int ny = ts.shape()[0], nx = ts.shape()[1];
            Heatmaps.panels(dir.resolve("solution.png"), "prediction on a grid (no reference solution)", ny, nx,
                    d.coords()[0], new double[] {d.lo()[0], d.hi()[0]}, d.coords()[1], new double[] {d.lo()[1], d.hi()[1]},
                    new Heatmaps.Field("prediction", pred, false));
        }
    }

    private static void writeCsv(Path file, Domain d, TestSet ts, double[] pred, boolean reference) {
        StringBuilder sb = new StringBuilder(String.join(",", d.coords())).append(",u").append(reference ? ",u_reference\n" : "\n");
        int dim = d.dim();
        for (int i = 0; i < pred.length; i++) {
            for (int k = 0; k < dim; k++) sb.append(ts.points()[i * dim + k]).append(',');
            sb.append(pred[i]);
            if (reference) sb.append(',').append(ts.values()[i]);
            sb.append('\n');
        }
        try {
            java.nio.file.Files.writeString(file, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
