package dev.tangent.study;

import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.Parameterization;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.ntk.NtkSpectrum;
import dev.tangent.report.Charts;
import dev.tangent.train.AtomicFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Study: eigenvalues of the operator NTK K_T(X, X) at initialisation for T = identity, d/dx and d²/dx² on the
 * same points and the same wide one-hidden-layer tanh network (NTK parameterisation), averaged over seeds.
 * The decay of each mean spectrum is summarised by a least-squares fit of log λ_k against k (exponential
 * rate) and against log k (power-law exponent) over the leading eigenvalues above the round-off floor.
 */
public final class OperatorSpectraStudy {
    private OperatorSpectraStudy() {}

    public record Settings(int points, int width, int seeds, int fitCount) {
        public Settings {
            if (points < 4 || width < 1 || seeds < 1 || fitCount < 3) {
                throw new IllegalArgumentException("study needs points >= 4, width >= 1, seeds >= 1, fit >= 3");
            }
        }
    }

    public record Curve(String operator, double[] mean, double expRate, double powerExponent) {}

    public static List<Curve> run(Settings s) {
        double[] x = new double[s.points()];
        for (int i = 0; i < s.points(); i++) x[i] = (double) i / (s.points() - 1);
        String[] names = {"identity", "d/dx", "d2/dx2"};
        int[] orders = {0, 1, 2};
        List<Curve> out = new ArrayList<>();
        for (int o = 0; o < names.length; o++) {
            double[] mean = new double[s.points()];
            for (int seed = 0; seed < s.seeds(); seed++) {
                Mlp mlp = new Mlp(MlpSpec.of(1, s.width()).withParameterization(Parameterization.NTK));
                KernelBlocks kb = new KernelBlocks(mlp, mlp.initialize(seed), 256);
                var op = new LinearResidual(1, List.of(MultiIndex.pure(1, 0, orders[o])), new double[] {1}, null);
                dev.tangent.pde.LossGroup side = dev.tangent.pde.LossGroup.of(names[o], op, x, mlp);
                NtkSpectrum sp = KernelBlocks.spectrum(names[o], s.points(), kb.kernel(side, side));
                for (int k = 0; k < s.points(); k++) mean[k] += sp.eigenvalues()[k] / s.seeds();
            }
            out.add(new Curve(names[o], mean, fitRate(mean, s.fitCount(), false), fitRate(mean, s.fitCount(), true)));
        }
        return out;
    }

    /** Slope of log λ_k against k (or log k) over the first fitCount eigenvalues above 1e-13·λ_1. */
    static double fitRate(double[] lambda, int fitCount, boolean logIndex) {
        double floor = lambda[0] * 1e-13;
        int n = 0;
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        for (int k = 0; k < Math.min(fitCount, lambda.length) && lambda[k] > floor; k++) {
            double xv = logIndex ? Math.log(k + 1) : k + 1;
            double yv = Math.log(lambda[k]);
            sx += xv;
            sy += yv;
            sxx += xv * xv;
            sxy += xv * yv;
            n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    public static String write(Path out, Settings s, List<Curve> curves) {
        List<Charts.Series> series = new ArrayList<>();
        StringBuilder csv = new StringBuilder("k");
        for (Curve c : curves) csv.append(',').append(c.operator());
        csv.append('\n');
        for (int k = 0; k < s.points(); k++) {
            csv.append(k + 1);
            for (Curve c : curves) csv.append(',').append(c.mean()[k]);
            csv.append('\n');
        }
        for (Curve c : curves) {
            double[] idx = new double[c.mean().length];
            for (int k = 0; k < idx.length; k++) idx[k] = k + 1;
            series.add(new Charts.Series("T = " + c.operator(), idx, c.mean()));
        }
        Charts.line(out.resolve("operator_spectra.png"), "eigenvalues of K_T at initialisation (1-" + s.width()
                + "-1 tanh, NTK parameterisation, mean of " + s.seeds() + " seeds)", "index k", "λ_k", series, true, true);
        AtomicFiles.write(out.resolve("operator_spectra.csv"), csv.toString());
        StringBuilder md = new StringBuilder("# Operator NTK spectra\n\n");
        md.append(String.format("%d grid points on [0, 1], net 1-%d-1 tanh (NTK parameterisation), %d seeds, fit over the first %d eigenvalues above 1e-13·λ₁.%n%n",
                s.points(), s.width(), s.seeds(), s.fitCount()));
        md.append("| operator T | λ₁ | λ₁₀ | exponential rate d log λ/dk | power-law exponent d log λ/d log k |\n|---|---:|---:|---:|---:|\n");
        for (Curve c : curves) {
            md.append(String.format("| %s | %.3e | %.3e | %.3f | %.2f |%n", c.operator(), c.mean()[0], c.mean()[Math.min(9, c.mean().length - 1)],
                    c.expRate(), c.powerExponent()));
        }
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }
}
