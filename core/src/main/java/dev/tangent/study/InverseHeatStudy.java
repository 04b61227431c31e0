package dev.tangent.study;

import dev.tangent.report.RunReport;
import dev.tangent.train.Config;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import dev.tangent.train.UnknownEstimates;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The inverse heat problem: u_t = k·u_xx on (t, x) ∈ [0, 1]², u = 0 at x = 0, 1, u = sin(πx) at t = 0, with the
 * diffusivity k unknown (start 0.5, bounds [0, 10]) and observations of u* = exp(−k*π²t)·sin(πx), k* = 0.2, at
 * interior points. Once with exact observations, then with Gaussian noise of σ = noise·RMS(u*) on several noise
 * draws; each estimate is compared with its standard error ({@link UnknownEstimates}) and with the closed-form one,
 * σ̂/sqrt(Σ (∂u/∂k)²) with ∂u/∂k = −π²t·u at k*.
 */
public final class InverseHeatStudy {
    private InverseHeatStudy() {}

    public static final double K = 0.2;

    /** @param widths hidden widths; steps LM steps per run */
    public record Settings(int observations, double noise, int noiseSeeds, long steps, int[] widths, int interior) {
        public static Settings full() {
            return new Settings(50, 0.01, 5, 400, new int[] {64}, 500);
        }

        public static Settings quick() {
            return new Settings(50, 0.01, 1, 60, new int[] {16}, 150);
        }
    }

    /** One run's outcome. */
    public record Outcome(double noise, long seed, double estimate, double standardError, double closedFormError,
                          double relativeError, double standardErrors) {}

    public static double exact(double t, double x) {
        return Math.exp(-K * Math.PI * Math.PI * t) * Math.sin(Math.PI * x);
    }

    /** n observations at uniform random interior points in [0.05, 0.95]², with relative noise (0: exact). */
    public static void writeObservations(Path file, int n, double noise, long seed) {
        SplittableRandom pts = new SplittableRandom(12345), eps = new SplittableRandom(seed);
        double[][] rows = new double[n][3];
        double ss = 0;
        for (int i = 0; i < n; i++) {
            rows[i][0] = 0.05 + 0.9 * pts.nextDouble();
            rows[i][1] = 0.05 + 0.9 * pts.nextDouble();
            rows[i][2] = exact(rows[i][0], rows[i][1]);
            ss += rows[i][2] * rows[i][2];
        }
        double sigma = noise * Math.sqrt(ss / n);
        StringBuilder sb = new StringBuilder("t,x,u\n");
        for (double[] r : rows) {
            double y = r[2] + (noise > 0 ? sigma * eps.nextGaussian() : 0);
            sb.append(r[0]).append(',').append(r[1]).append(',').append(y).append('\n');
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The run's config: the problem in text form with the observations file. */
    public static Config config(Settings s, Path observations) {
        StringBuilder w = new StringBuilder();
        for (int v : s.widths()) w.append(w.length() == 0 ? "" : ", ").append(v);
        return Config.parse("""
                name: inverse-heat
                problem:
                  equation: u_t = k*u_xx
                  domain: {x: [0, 1]}
                  time: [0, 1]
                  unknowns: {k: {start: 0.5, bounds: [0, 10]}}
                  exact: exp(-0.2*pi^2*t)*sin(pi*x)
                  interior_points: %d
                  conditions:
                    - {kind: dirichlet, value: 0, points: 100}
                    - {kind: initial-value, value: sin(pi*x), points: 100}
                    - {kind: data, file: "%s"}
                net: {widths: [%s]}
                optimizer: {name: lm}
                train: {steps: %d, time: 0}
                """.formatted(s.interior(), observations.toAbsolutePath().toString().replace("\\", "/"), w, s.steps()));
    }

    /** Trains one case in dir and returns its outcome (run directory with plots and summary.json). */
    public static Outcome runOne(Settings s, double noise, long seed, Path dir) {
        Path obs = dir.resolve("observations.csv");
        writeObservations(obs, s.observations(), noise, seed);
        Config c = config(s, obs);
        Trainer.Result r = Trainer.run(c, dir, false, null);
        RunSummary.write(dir.resolve("summary.json"), RunSummary.summary(c, r));
        RunReport.plots(dir, r);
        UnknownEstimates.Estimate e = UnknownEstimates.of(r.discretization(), r.theta(), null).get(0);
        double g2 = 0;
        var table = dev.tangent.pde.PointTable.read(obs);
        double[] t = table.column("t"), x = table.column("x");
        for (int i = 0; i < t.length; i++) {
            double g = -Math.PI * Math.PI * t[i] * exact(t[i], x[i]);
            g2 += g * g;
        }
        double closed = e.noiseSigma() / Math.sqrt(g2);
        return new Outcome(noise, seed, e.value(), e.standardError(), closed, Math.abs(e.value() - K) / K,
                Math.abs(e.value() - K) / e.standardError());
    }

    public static String run(Settings s, Path dir) {
        List<Outcome> out = new ArrayList<>();
        out.add(runOne(s, 0, 0, dir.resolve("exact")));
        for (long seed = 1; seed <= s.noiseSeeds(); seed++) out.add(runOne(s, s.noise(), seed, dir.resolve("noise-" + seed)));
        StringBuilder csv = new StringBuilder("noise,seed,k,standard_error,closed_form_error,relative_error,standard_errors\n");
        StringBuilder md = new StringBuilder("# Inverse heat: diffusivity k* = 0.2 from " + s.observations() + " interior observations\n\n");
        md.append("| observations | noise draw | k estimate | relative error | standard error (Jacobian) | closed form | |k − k*| / se |\n");
        md.append("|---|---|---|---|---|---|---|\n");
        int within = 0, noisy = 0;
        for (Outcome o : out) {
            csv.append(String.format(Locale.ROOT, "%g,%d,%.17g,%.6e,%.6e,%.6e,%.4f%n", o.noise(), o.seed(), o.estimate(),
                    o.standardError(), o.closedFormError(), o.relativeError(), o.standardErrors()));
            md.append(String.format(Locale.ROOT, "| %s | %s | %.10f | %.2e | %.3e | %.3e | %s |%n",
                    o.noise() == 0 ? "exact" : String.format(Locale.ROOT, "%.0f%% noise", 100 * o.noise()),
                    o.noise() == 0 ? "-" : Long.toString(o.seed()), o.estimate(), o.relativeError(), o.standardError(),
                    o.closedFormError(), o.noise() == 0 ? "-" : String.format(Locale.ROOT, "%.2f", o.standardErrors())));
            if (o.noise() > 0) {
                noisy++;
                if (o.standardErrors() <= 3) within++;
            }
        }
        Outcome clean = out.get(0);
        md.append("\nExact observations: relative error ").append(String.format(Locale.ROOT, "%.2e", clean.relativeError()))
                .append(clean.relativeError() <= 1e-6 ? " (≤ 1e-6: pass)" : " (> 1e-6: FAIL)").append(".\n");
        if (noisy > 0) md.append("Noisy observations: ").append(within).append(" of ").append(noisy).append(" estimates within 3 standard errors of k*.\n");
        try {
            Files.writeString(dir.resolve("results.csv"), csv);
            Files.writeString(dir.resolve("summary.md"), md);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return md.toString();
    }
}
