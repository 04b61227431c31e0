package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The periodic input embedding: the value is the plain network on (cos, sin) features written out by hand; jets to
 * order 4, pure and mixed, against Richardson-extrapolated central differences in x; exact periodicity of values and
 * derivatives; for a scalar network, a system in both layouts and with a Fourier layer on top.
 */
class PeriodicEmbeddingTest {
    /** Inputs (t, x, y): t passes through, x has period 2 with 2 harmonics, y period 1.5 (harmonics shared: 2). */
    private static final PeriodicEmbedding PE = new PeriodicEmbedding(3, new int[] {1, 2}, new double[] {2.0, 1.5}, 2);
    private static final double H = 2.5e-4;   // Richardson error ~h⁴·D⁸u: measured 1e-8 or less here, rounding ~1e-10
    private static final double TOL = 1e-7;

    record Net(String label, Mlp mlp) {
        @Override
        public String toString() {
            return label;
        }
    }

    static Stream<Net> nets() {
        MlpSpec spec = MlpSpec.of(3, 6, 5);
        return Stream.of(new Net("scalar", new Mlp(spec, 0, null, PE)),
                new Net("scalar sin", new Mlp(spec.withActivation(Activation.SIN), 0, null, PE)),
                new Net("system shared", new Mlp(spec.withFields(2, NetLayout.SHARED), 0, null, PE)),
                new Net("system separate", new Mlp(spec.withFields(2, NetLayout.SEPARATE), 1, null, PE)),
                new Net("with Fourier features", new Mlp(spec, 0, new FourierFeatures(4, 0.15), PE)));
    }

    private static double[] theta(Mlp mlp) {
        double[] th = mlp.initialize(5);
        for (int i = 0; i < th.length; i++) th[i] += 0.05 * Math.cos(3.0 * i);   // output bias ≠ 0
        return th;
    }

    /** D_α u_f at every point. */
    static double[] derivative(Mlp mlp, double[] theta, double[] x, int n, MultiIndex mi, int field) {
        return new JetEngine(mlp, List.of(mi), new int[] {field}).derivatives(theta, n, x, new double[n]);
    }

    /** Richardson extrapolation (4·D(h/2) − D(h))/3 of the central difference of D_lower u along coordinate k: O(h⁴). */
    private static double[] richardson(Mlp mlp, double[] theta, double[] x, int n, MultiIndex lower, int k, int field) {
        double[] d1 = central(mlp, theta, x, n, lower, k, field, H), d2 = central(mlp, theta, x, n, lower, k, field, H / 2);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (4 * d2[i] - d1[i]) / 3;
        return out;
    }

    private static double[] central(Mlp mlp, double[] theta, double[] x, int n, MultiIndex mi, int k, int field, double h) {
        double[] xp = x.clone(), xm = x.clone();
        for (int i = 0; i < n; i++) {
            xp[i * 3 + k] += h;
            xm[i * 3 + k] -= h;
        }
        double[] fp = derivative(mlp, theta, xp, n, mi, field), fm = derivative(mlp, theta, xm, n, mi, field);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (fp[i] - fm[i]) / (2 * h);
        return out;
    }

    @ParameterizedTest
    @MethodSource("nets")
    void pureAndMixedJetsToOrder4MatchRichardsonDifferences(Net net) {
        Mlp mlp = net.mlp();
        double[] theta = theta(mlp);
        int n = 6;
        double[] x = NetFixtures.randomPoints(n, 3, 8);
        int[][] cases = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {0, 2, 0}, {0, 3, 0}, {0, 4, 0}, {0, 0, 4}, {2, 0, 0}, {1, 1, 0},
                {0, 1, 1}, {1, 2, 0}, {0, 2, 1}, {0, 1, 2}, {1, 1, 1}, {0, 2, 2}, {0, 3, 1}, {1, 3, 0}, {0, 1, 3}, {2, 1, 1}};
        for (int field = 0; field < mlp.fields(); field++) {
            for (int[] alpha : cases) {
                int k = alpha[1] > 0 ? 1 : alpha[2] > 0 ? 2 : 0;   // differentiate along a periodic coordinate when α has one
                int[] lower = alpha.clone();
                lower[k]--;
                double[] exact = derivative(mlp, theta, x, n, MultiIndex.of(alpha), field);
                double[] fd = richardson(mlp, theta, x, n, MultiIndex.of(lower), k, field);
                double err = NetFixtures.relError(exact, fd, 1e-3);
                assertTrue(err < TOL, net + " field " + field + " " + java.util.Arrays.toString(alpha) + ": rel err " + err);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("nets")
    void predictionsAndDerivativesArePeriodic(Net net) {
        Mlp mlp = net.mlp();
        double[] theta = theta(mlp);
        int n = 8;
        double[] x = NetFixtures.randomPoints(n, 3, 2);
        double[][] shifts = {{0, 2.0, 0}, {0, 0, 1.5}, {0, -6.0, 3.0}, {0, 2.0, -1.5}};
        List<MultiIndex> ds = List.of(MultiIndex.value(3), MultiIndex.of(0, 1, 0), MultiIndex.of(0, 0, 2), MultiIndex.of(1, 1, 1),
                MultiIndex.of(0, 4, 0), MultiIndex.of(0, 2, 2));
        for (int field = 0; field < mlp.fields(); field++) {
            for (MultiIndex mi : ds) {
                double[] u = derivative(mlp, theta, x, n, mi, field);
                for (double[] s : shifts) {
                    double[] xs = x.clone();
                    for (int i = 0; i < n; i++) for (int k = 0; k < 3; k++) xs[i * 3 + k] += s[k];
                    double[] us = derivative(mlp, theta, xs, n, mi, field);
                    for (int i = 0; i < n; i++) {
                        assertEquals(u[i], us[i], 1e-12 * Math.max(1, Math.abs(u[i])), net + " " + mi + " shifted by " + java.util.Arrays.toString(s));
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("nets")
    void theValueIsThePlainNetworkOnTheHandWrittenFeatures(Net net) {
        Mlp mlp = net.mlp();
        double[] theta = theta(mlp);
        int n = 5, w = PE.width();
        assertEquals(3 + 2 * 3, w, "t, then 2 harmonics × (cos, sin) for x and for y");
        double[] x = NetFixtures.randomPoints(n, 3, 4);
        double[] features = new double[n * w];
        for (int i = 0; i < n; i++) {
            int q = i * w;
            features[q++] = x[i * 3];
            for (int k = 1; k <= 2; k++) {
                double period = k == 1 ? 2.0 : 1.5;
                for (int h = 1; h <= 2; h++) {
                    features[q++] = Math.cos(2 * Math.PI * h / period * x[i * 3 + k]);
                    features[q++] = Math.sin(2 * Math.PI * h / period * x[i * 3 + k]);
                }
            }
        }
        assertEquals(0.0, NetFixtures.relError(PE.embed(x, n), features, 1), "embed");
        // the same θ in a network without the embedding whose inputs are the features
        MlpSpec s = mlp.spec();
        Mlp plain = new Mlp(new MlpSpec(w, s.hidden(), s.activation(), s.outputScaling(), s.parameterization(), s.outputBias(),
                s.outputs(), s.layout()), mlp.extraParameters(), mlp.fourier(), null);
        assertEquals(mlp.nParams(), plain.nParams());
        for (int field = 0; field < mlp.fields(); field++) {
            double[] u = derivative(mlp, theta, x, n, MultiIndex.value(3), field);
            double[] v = derivative(plain, theta, features, n, MultiIndex.value(w), field);
            for (int i = 0; i < n; i++) assertEquals(v[i], u[i], 1e-15 * Math.max(1, Math.abs(v[i])), net + " point " + i);
        }
    }

    @org.junit.jupiter.api.Test
    void badEmbeddingsAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(2, new int[] {1}, new double[] {0.0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(2, new int[] {1}, new double[] {Double.POSITIVE_INFINITY}, 1));
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(2, new int[] {2}, new double[] {1.0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(2, new int[] {1, 1}, new double[] {1.0, 2.0}, 1));
        assertThrows(IllegalArgumentException.class, () -> new PeriodicEmbedding(2, new int[] {1}, new double[] {1.0}, 0));
        var e = assertThrows(IllegalArgumentException.class, () -> new Mlp(MlpSpec.of(3, 4), 0, null,
                new PeriodicEmbedding(2, new int[] {1}, new double[] {1.0}, 1)));
        assertTrue(e.getMessage().contains("net.periodic"), e.getMessage());
    }
}
