package dev.tangent.study;

import dev.tangent.nn.Activation;
import dev.tangent.nn.LinearResidual;
import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.pde.LossGroup;
import java.util.ArrayList;
import java.util.List;

/**
 * Study (Gan et al., Fig. 1): eigenvalues of the operator NTK K_T(X, X)/n at initialisation for T = identity, d/dx
 * and d²/dx² on n grid points of [0, 1] (K/n approximates the integral operator, so its eigenvalues do not depend on n),
 * for a one-hidden-layer net (NTK parameterisation, no output bias) at several widths, averaged over seeds.
 *
 * <p>tanh is analytic, so its kernels' eigenvalues decay exponentially; ReLU^k has k − 1 continuous derivatives, so
 * its NTK has a |x − x'|^{2k−1} singularity and eigenvalues decaying like j^{−2k}, and T = d^m/dx^m on both arguments
 * lowers the singularity by 2m: j^{−(2k−2m)}. Eigenvalues below the round-off floor n·ε·λ₁ (the backward error of
 * the symmetric eigensolver) are noise and are excluded from the fits ({@link OperatorSpectraReport}).
 */
public final class OperatorSpectraStudy {
    private OperatorSpectraStudy() {}

    public record Settings(int points, List<Integer> widths, int seeds, List<Activation> activations) {
        public Settings {
            if (points < 16 || widths.isEmpty() || seeds < 1 || activations.isEmpty()) {
                throw new IllegalArgumentException("operator spectra need points >= 16, a width, seeds >= 1 and an activation");
            }
            for (Activation a : activations) {
                if (a.continuousDerivatives() < 2) throw new IllegalArgumentException(a.label() + " is not smooth enough for d²/dx² kernels");
            }
        }

        public int widest() {
            return widths.stream().mapToInt(Integer::intValue).max().orElseThrow();
        }
    }

    /**
     * The mean spectrum over seeds of K_T/n (descending) and the relative std over seeds of λ₁ and λ₁₀.
     */
    public record Spectrum(Activation activation, String operator, int order, int width, double[] mean, double spread1, double spread10) {
        /** Round-off floor of the eigenvalues: n·ε·λ₁. */
        public double floor() {
            return mean.length * Math.ulp(1.0) * mean[0];
        }
    }

    static final String[] OPERATORS = {"identity", "d/dx", "d2/dx2"};

    public static List<Spectrum> run(Settings s) {
        double[] x = new double[s.points()];
        for (int i = 0; i < s.points(); i++) x[i] = (double) i / (s.points() - 1);
        List<Spectrum> out = new ArrayList<>();
        for (Activation act : s.activations()) {
            for (int width : s.widths()) {
                Mlp mlp = new Mlp(MlpSpec.of(1, width).withActivation(act).withParameterization(Parameterization.NTK)
                        .withOutputBias(OutputBias.NONE));
                double[][] all = new double[OPERATORS.length * s.seeds()][];
                for (int seed = 0; seed < s.seeds(); seed++) {
                    KernelBlocks kb = new KernelBlocks(mlp, mlp.initialize(seed), 256);
                    for (int o = 0; o < OPERATORS.length; o++) {
                        var op = new LinearResidual(1, List.of(MultiIndex.pure(1, 0, o)), new double[] {1}, null);
                        LossGroup side = LossGroup.of(OPERATORS[o], op, x, mlp);
                        double[] k = kb.kernel(side, side);
                        for (int i = 0; i < k.length; i++) k[i] /= s.points();
                        all[o * s.seeds() + seed] = KernelBlocks.spectrum(OPERATORS[o], s.points(), k).eigenvalues();
                    }
                }
                for (int o = 0; o < OPERATORS.length; o++) {
                    double[] mean = new double[s.points()];
                    for (int seed = 0; seed < s.seeds(); seed++) {
                        for (int j = 0; j < mean.length; j++) mean[j] += all[o * s.seeds() + seed][j] / s.seeds();
                    }
                    out.add(new Spectrum(act, OPERATORS[o], o, width, mean, relStd(all, o, s.seeds(), 0), relStd(all, o, s.seeds(), 9)));
                }
            }
        }
        return out;
    }

    private static double relStd(double[][] all, int o, int seeds, int j) {
        if (seeds < 2) return Double.NaN;
        double m = 0, ss = 0;
        for (int k = 0; k < seeds; k++) m += all[o * seeds + k][j] / seeds;
        for (int k = 0; k < seeds; k++) ss += Math.pow(all[o * seeds + k][j] - m, 2);
        return Math.sqrt(ss / (seeds - 1)) / m;
    }

    /** The predicted power-law exponent of ReLU^k's K_T with T = d^m/dx^m: −(2k − 2m); NaN for analytic activations. */
    static double predictedExponent(Activation a, int order) {
        int k = switch (a) {
            case RELU3 -> 3;
            case RELU4 -> 4;
            default -> -1;
        };
        return k < 0 ? Double.NaN : -(2.0 * k - 2.0 * order);
    }
}
