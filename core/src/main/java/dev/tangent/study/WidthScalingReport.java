package dev.tangent.study;

import dev.tangent.ntk.KernelNorms;
import dev.tangent.report.Charts;
import dev.tangent.sweep.SweepSummary;
import dev.tangent.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits, Cauchy checks, plots and the markdown table of the width study. Slopes are least-squares fits of log(quantity)
 * against log N over N ≥ {@code fitFrom}. The Cauchy check compares the mean kernels of N and 4N, raw and as shapes
 * K̄/‖K̄‖_F; its Monte-Carlo floor (the noise of two means over n seeds) is about sqrt(spread_N² + spread_4N²)/sqrt(n).
 */
final class WidthScalingReport {
    private WidthScalingReport() {}

    static final String[] BLOCKS = WidthScalingUnit.BLOCKS;

    /** metric → (width → value) for one s. */
    private static TreeMap<Integer, Double> series(List<Map<String, String>> rows, double s, String metric) {
        TreeMap<Integer, Double> out = new TreeMap<>();
        for (Map<String, String> r : rows) {
            if (!"ok".equals(r.get("status")) || Double.parseDouble(r.get("net.s")) != s) continue;
            out.put(Integer.parseInt(r.get("net.width")), Double.parseDouble(r.get(metric)));
        }
        return out;
    }

    static double slope(TreeMap<Integer, Double> v, int fitFrom) {
        var tail = v.tailMap(fitFrom, true);
        return SweepSummary.logLogSlope(tail.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                tail.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    static String summarize(WidthScalingStudy.Settings s, List<Map<String, String>> rows, Map<List<String>, Path> dirs, Path out)
            throws IOException {
        int nMax = s.widths().get(s.widths().size() - 1);
        StringBuilder md = new StringBuilder("# NTK width and scaling: " + s.problem() + "\n\n");
        md.append(String.format("Inputs (t, x) → %d hidden tanh layer(s) of width N (standard init) → u = N^-s·wᵀa, output bias %s. "
                + "Widths %s, %d seeds per point, %d fixed points per loss group, b = all condition rows, f = PDE rows. "
                + "Drift: %d GD steps with η fixed across N (η = 1/max_N λ_max of the loss Hessian at init), sup over "
                + "every %d steps, mean over %d seeds. Fits over N ≥ %d.%n%n", s.depth(), s.outputBias(), s.widths(), s.seeds(), s.points(),
                s.steps(), s.measureEvery(), s.driftSeeds(), s.fitFrom()));
        md.append("| s | block | spread slope | spread at N=" + nMax + " | ‖K̄‖ exponent (1−2s) | Cauchy N=" + nMax / 4 + " vs " + nMax
                + " (raw / shape / MC floor) | drift slope | drift at N=" + nMax + " | frozen-coefficient drift slope | frozen drift at N="
                + nMax + " |\n|---:|---|---:|---:|---:|---|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("s,block,n,n4,cauchy_raw,cauchy_shape,mc_floor\n");
        for (double sc : s.scalings()) {
            for (int b = 0; b < 3; b++) {
                String blk = BLOCKS[b];
                var spread = series(rows, sc, "spread_" + blk);
                var norm = series(rows, sc, "norm_" + blk);
                var drift = series(rows, sc, "drift_" + blk);
                var frozen = series(rows, sc, "frozen_drift_" + blk);
                double[] last = {Double.NaN, Double.NaN, Double.NaN};
                for (int n : s.widths()) {
                    Path a = dirs.get(List.of(String.valueOf(sc), String.valueOf(n)));
                    Path c = dirs.get(List.of(String.valueOf(sc), String.valueOf(4 * n)));
                    if (a == null || c == null || !Files.exists(a.resolve("kbar.bin")) || !Files.exists(c.resolve("kbar.bin"))) continue;
                    double[] ka = WidthScalingUnit.readMeanKernels(a.resolve("kbar.bin"))[b];
                    double[] kc = WidthScalingUnit.readMeanKernels(c.resolve("kbar.bin"))[b];
                    double floor = Math.hypot(spread.getOrDefault(n, Double.NaN), spread.getOrDefault(4 * n, Double.NaN)) / Math.sqrt(s.seeds());
                    last = new double[] {KernelNorms.relativeDifference(ka, kc), KernelNorms.relativeDifference(unit(ka), unit(kc)), floor};
                    csv.append(String.format("%s,%s,%d,%d,%.6e,%.6e,%.6e%n", sc, blk, n, 4 * n, last[0], last[1], last[2]));
                }
                md.append(String.format("| %s | K_%s | %.2f | %.3f | %.2f (%.2f) | %.2g / %.2g / %.2g | %.2f | %.2e | %.2f | %.2e |%n",
                        sc, blk, slope(spread, s.fitFrom()), spread.getOrDefault(nMax, Double.NaN), slope(norm, s.fitFrom()), 1 - 2 * sc,
                        last[0], last[1], last[2], slope(drift, s.fitFrom()), drift.getOrDefault(nMax, Double.NaN),
                        slope(frozen, s.fitFrom()), frozen.getOrDefault(nMax, Double.NaN)));
            }
        }
        md.append("\nspread = E‖K − K̄‖_F/‖K̄‖_F over seeds at initialisation (a block converges in probability when it falls, slope ≤ −0.4 "
                + "is the criterion used here; N^-1/2 is the Monte-Carlo rate). ‖K̄‖ exponent: fitted growth of ‖K̄‖_F, with the "
                + "prediction 1−2s for linear operators in brackets. Cauchy: ‖K̄_N − K̄_4N‖_F/‖K̄_4N‖_F raw and for the shapes K̄/‖K̄‖_F. "
                + "Drift: mean over seeds of sup_t ‖K(t) − K(0)‖_F/‖K(0)‖_F; frozen: the operator's coefficients held at θ₀.\n\n");
        md.append(SweepSummary.table(rows, List.of("net.s", "net.width"), List.of("spread_bb", "spread_bf", "spread_ff",
                "norm_bb", "norm_bf", "norm_ff", "drift_bb", "drift_ff", "frozen_drift_ff", "loss_ratio", "horizon")));
        plots(s, rows, out);
        AtomicFiles.write(out.resolve("cauchy.csv"), csv.toString());
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    private static double[] unit(double[] k) {
        double f = KernelNorms.frobenius(k);
        double[] u = new double[k.length];
        for (int i = 0; i < k.length; i++) u[i] = k[i] / f;
        return u;
    }

    /** Log-log plots per block: spread (with the N^-1/2 reference), ‖K̄‖ (with N^{1−2s}), full and frozen drift. */
    private static void plots(WidthScalingStudy.Settings s, List<Map<String, String>> rows, Path out) {
        for (String blk : BLOCKS) {
            List<Charts.Series> spread = new ArrayList<>(), norm = new ArrayList<>(), drift = new ArrayList<>();
            double anchor = Double.NaN;
            for (double sc : s.scalings()) {
                var sp = series(rows, sc, "spread_" + blk);
                var nm = series(rows, sc, "norm_" + blk);
                spread.add(curve("s = " + sc, sp));
                norm.add(curve("s = " + sc, nm));
                drift.add(curve("full, s = " + sc, series(rows, sc, "drift_" + blk)));
                drift.add(curve("frozen coeff., s = " + sc, series(rows, sc, "frozen_drift_" + blk)));
                if (!nm.isEmpty()) norm.add(reference("N^" + (1 - 2 * sc) + " (s = " + sc + ")", nm, 1 - 2 * sc, s.fitFrom()));
                if (sp.ceilingEntry(s.fitFrom()) != null) anchor = sp.ceilingEntry(s.fitFrom()).getValue(); // the last s's curve
            }
            if (!Double.isNaN(anchor)) {
                TreeMap<Integer, Double> ref = new TreeMap<>();
                for (int n : s.widths()) ref.put(n, anchor * Math.pow((double) n / s.fitFrom(), -0.5));
                spread.add(curve("N^-1/2 reference", ref));
            }
            String t = s.problem() + " K_" + blk;
            Charts.line(out.resolve("spread_" + blk + ".png"), t + ": spread E‖K − K̄‖/‖K̄‖ over seeds", "width N", "spread", spread, true, true);
            Charts.line(out.resolve("norm_" + blk + ".png"), t + ": ‖K̄‖_F with reference slopes 1−2s", "width N", "‖K̄‖_F", norm, true, true);
            Charts.line(out.resolve("drift_" + blk + ".png"), t + ": sup_t drift, fixed η and T", "width N", "drift", drift, true, true);
        }
    }

    private static Charts.Series curve(String name, TreeMap<Integer, Double> v) {
        return new Charts.Series(name, v.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                v.values().stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** A line of the given slope through the curve's value at the first width ≥ fitFrom. */
    private static Charts.Series reference(String name, TreeMap<Integer, Double> v, double slope, int fitFrom) {
        var e = v.ceilingEntry(fitFrom) != null ? v.ceilingEntry(fitFrom) : v.firstEntry();
        TreeMap<Integer, Double> ref = new TreeMap<>();
        for (int n : v.keySet()) ref.put(n, e.getValue() * Math.pow((double) n / e.getKey(), slope));
        return curve(name, ref);
    }
}
