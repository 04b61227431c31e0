package dev.tangent.report;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.Domain;
import dev.tangent.pde.TestSet;
import dev.tangent.train.MetricsTable;
import dev.tangent.train.Trainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The plots of a run directory (PNG + SVG): curves, last spectrum, NTK drift and the solution. */
public final class RunReport {
    private RunReport() {}

    public static void plots(Path dir, Trainer.Result r) {
        MetricsTable m = r.metrics();
        String what = r.discretization().problem().name() + ", " + r.discretization().mlp().spec().shape();
        for (boolean time : new boolean[] {false, true}) {
            double[] x = m.series(time ? "seconds" : "step");
            List<Charts.Series> s = new ArrayList<>();
            s.add(new Charts.Series("loss (weighted)", x, m.series("loss")));
            s.add(new Charts.Series("relative L2 error", x, m.series("relative_l2")));
            s.add(new Charts.Series("absolute RMS error", x, m.series("absolute_rms")));
            for (String f : r.discretization().problem().system() ? r.discretization().problem().fields() : List.<String>of()) {
                if (m.columns().contains("relative_l2_" + f)) s.add(new Charts.Series("relative L2 error of " + f, x, m.series("relative_l2_" + f)));
            }
            Charts.line(dir.resolve(time ? "curves_time.png" : "curves_step.png"), "Loss and test error vs "
                            + (time ? "training time" : "step") + " (" + what + ")",
                    time ? "training time [s]" : "step", "loss, error on the test grid", s, false, true);
        }
        if (r.lastSpectrum() != null) {
            double[] sv = r.lastSpectrum();
            Charts.line(dir.resolve("singular_values.png"), "Singular values of the scaled Jacobian, last step (" + what + ")",
                    "index j", "singular value σ_j", List.of(new Charts.Series("σ_j", index(sv.length), sv)), false, true,
                    svdNoiseFloor(sv, r.discretization().rows(), r.discretization().mlp().nParams()));
        }
        if (m.columns().contains("ntk_drift")) {
            Charts.line(dir.resolve("ntk_drift.png"), "NTK drift ‖K(θ_t) − K(θ_0)‖_F / ‖K(θ_0)‖_F (" + what + ")", "step",
                    "relative drift", List.of(new Charts.Series("drift", m.series("step"), m.series("ntk_drift"))), false, true);
        }
        List<Charts.Series> unknowns = new ArrayList<>();
        for (String c : m.columns()) {
            if (c.startsWith(Trainer.UNKNOWN_COLUMN)) unknowns.add(new Charts.Series(c.substring(Trainer.UNKNOWN_COLUMN.length()), m.series("step"), m.series(c)));
        }
        if (!unknowns.isEmpty()) {
            Charts.line(dir.resolve("unknowns.png"), "Unknown coefficients during training (" + what + ")", "step", "coefficient value", unknowns, false, false);
        }
        solution(dir, r.discretization(), r.theta());
    }

    /** 1, 2, …, n */
    static double[] index(int n) {
        double[] idx = new double[n];
        for (int i = 0; i < n; i++) idx[i] = i + 1;
        return idx;
    }

    /** Rounding level of singular values of an m × n matrix: max(m, n)·ε·σ_max. */
    public static double svdNoiseFloor(double[] sv, int rows, int cols) {
        double max = 0;
        for (double v : sv) if (Double.isFinite(v)) max = Math.max(max, v);
        return max > 0 ? Math.max(rows, cols) * Math.ulp(1.0) * max : Double.NaN;
    }

    /**
     * The prediction on the test grid as solution.csv (coordinates, u and, with a reference, u_reference; a system: one
     * column per field, then &lt;field&gt;_reference for the fields with a reference; numbers as
     * Java prints them, so they read back to the same bits), and as solution.png: prediction, reference and error
     * heatmaps on 2D tensor grids, line plots in 1D; without a reference the prediction alone, on a closed grid. These
     * show the first field; a system also gets solution_&lt;field&gt;.png for every field with a reference.
     */
    public static void solution(Path dir, Discretization disc, double[] theta) {
        TestSet ts = disc.testSet();
        Domain d = disc.problem().domain();
        String name = disc.problem().name();
        if (disc.problem().system()) {
            List<TestSet> sets = disc.fieldTestSets();
            for (int f = 0; f < sets.size(); f++) {
                TestSet fs = sets.get(f);
                if (fs == null || fs.shape() == null || fs.shape().length != 2) continue;
                String field = disc.problem().fields().get(f);
                double[] pred = disc.predictFields(theta, fs.points())[f];
                double[] err = new double[pred.length];
                for (int i = 0; i < pred.length; i++) err[i] = pred[i] - fs.values()[i];
                Heatmaps.panels(dir.resolve("solution_" + field + ".png"), "Field " + field + ": prediction, reference and error ("
                                + name + ")", grid(d, fs), new Heatmaps.Field("prediction " + field, fs.onFullGrid(pred), false),
                        new Heatmaps.Field("reference " + field + "*", fs.onFullGrid(fs.values()), false),   // a shape's grid: outside NaN
                        new Heatmaps.Field("|" + field + " − " + field + "*| (log scale)", fs.onFullGrid(err), true));
            }
        }
        if (ts == null) {
            ts = grid(d);
            if (ts == null) return;
        }
        double[] pred;
        if (disc.problem().system()) {
            double[][] all = disc.predictFields(theta, ts.points());
            pred = all[0];
            writeSystemCsv(dir.resolve("solution.csv"), disc, ts, all);
        } else {
            pred = disc.predict(theta, ts.points());
            List<String> names = disc.testSet() != null ? List.of("u", "u_reference") : List.of("u");
            writeCsv(dir.resolve("solution.csv"), d, ts, names, disc.testSet() != null ? new double[][] {pred, ts.values()} : new double[][] {pred});
        }
        if (ts.shape() == null) return;
        if (disc.testSet() == null) {
            predictionOnly(dir, d, ts, pred, name);
            return;
        }
        double[] err = new double[pred.length];
        for (int i = 0; i < pred.length; i++) err[i] = pred[i] - ts.values()[i];
        if (ts.shape().length == 1) {
            double[] x = ts.points();
            Charts.line(dir.resolve("solution.png"), "Prediction and reference solution u (" + name + ")", d.coords()[0], "u",
                    List.of(new Charts.Series("prediction", x, pred), new Charts.Series("reference", x, ts.values())), false, false);
            double[] abs = new double[err.length];
            for (int i = 0; i < err.length; i++) abs[i] = Math.abs(err[i]);
            Charts.line(dir.resolve("error.png"), "Pointwise error |u − u*| (" + name + ")", d.coords()[0], "|u − u*|",
                    List.of(new Charts.Series("|error|", x, abs)), false, true);
        } else if (ts.shape().length == 2) {
            Heatmaps.panels(dir.resolve("solution.png"), "Prediction, reference and error on the test grid (" + name + ")", grid(d, ts),
                    new Heatmaps.Field("prediction u", ts.onFullGrid(pred), false),
                    new Heatmaps.Field("reference u*", ts.onFullGrid(ts.values()), false),
                    new Heatmaps.Field("|u − u*| (log scale)", ts.onFullGrid(err), true));
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

    private static void predictionOnly(Path dir, Domain d, TestSet ts, double[] pred, String name) {
        if (ts.shape().length == 1) {
            Charts.line(dir.resolve("solution.png"), "Prediction u (" + name + ", no reference solution)", d.coords()[0], "u",
                    List.of(new Charts.Series("prediction", ts.points(), pred)), false, false);
        } else {
            Heatmaps.panels(dir.resolve("solution.png"), "Prediction u on a grid (" + name + ", no reference solution)",
                    grid(d, ts), new Heatmaps.Field("prediction u", pred, false));
        }
    }

    /** The heatmap grid of a 2D tensor test set (rows = first coordinate, drawn horizontally). */
    private static Heatmaps.Grid grid(Domain d, TestSet ts) {
        return new Heatmaps.Grid(d.coords()[0], new double[] {d.lo()[0], d.hi()[0]}, ts.shape()[0],
                d.coords()[1], new double[] {d.lo()[1], d.hi()[1]}, ts.shape()[1]);
    }

    /**
     * A system's solution.csv: the coordinates, one column per field (all fields at the same points, the same bits as
     * Discretization.predictFields) and &lt;field&gt;_reference for every field whose reference is known at these points.
     */
    private static void writeSystemCsv(Path file, Discretization disc, TestSet ts, double[][] all) {
        List<String> fields = disc.problem().fields();
        List<String> names = new ArrayList<>(fields);
        List<double[]> cols = new ArrayList<>(List.of(all));
        List<TestSet> sets = disc.fieldTestSets();
        List<dev.tangent.pde.Reference> refs = disc.problem().references();
        int dim = disc.problem().domain().dim();
        for (int f = 0; f < sets.size(); f++) {
            TestSet fs = sets.get(f);
            double[] ref = null;
            if (fs != null && java.util.Arrays.equals(fs.points(), ts.points())) {
                ref = fs.values();
            } else if (refs.get(f) != null && refs.get(f).pointwise()) {   // another field's grid: evaluate the closed form
                ref = new double[ts.size()];
                for (int i = 0; i < ref.length; i++) ref[i] = refs.get(f).value(java.util.Arrays.copyOfRange(ts.points(), i * dim, (i + 1) * dim));
            }
            if (ref == null) continue;
            names.add(fields.get(f) + "_reference");
            cols.add(ref);
        }
        writeCsv(file, disc.problem().domain(), ts, names, cols.toArray(double[][]::new));
    }

    private static void writeCsv(Path file, Domain d, TestSet ts, List<String> names, double[][] cols) {
        StringBuilder sb = new StringBuilder(String.join(",", d.coords())).append(',').append(String.join(",", names)).append('\n');
        int dim = d.dim(), n = cols[0].length;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < dim; k++) sb.append(ts.points()[i * dim + k]).append(',');
            for (int c = 0; c < cols.length; c++) sb.append(cols[c][i]).append(c + 1 < cols.length ? ',' : '\n');
        }
        try {
            java.nio.file.Files.writeString(file, sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
