package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Jets against finite differences in x: each order is the central difference of the order below. */
class JetDerivativeTest {
    private static final double H = 1e-5;
    private static final double TOL = 1e-6;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void pureDerivativesOfOrders1To4MatchFiniteDifferences(Activation act) {
        Mlp mlp = new Mlp(MlpSpec.of(3, 7, 5).withActivation(act));
        double[] theta = mlp.initialize(11);
        int n = 9;
        double[] x = NetFixtures.randomPoints(n, 3, 5);
        for (int k = 0; k < 3; k++) {
            for (int m = 1; m <= 4; m++) {
                double[] exact = NetFixtures.derivative(mlp, theta, x, n, MultiIndex.pure(3, k, m));
                double[] fd = centralDifference(mlp, theta, x, n, MultiIndex.pure(3, k, m - 1), k);
                double err = NetFixtures.relError(exact, fd, 1e-3);
                assertTrue(err < TOL, act + " ∂^" + m + "/∂x" + k + " rel err " + err);
            }
        }
    }

    @Test
    void mixedPartialsByPolarizationMatchFiniteDifferences() {
        Mlp mlp = new Mlp(MlpSpec.of(3, 6, 6));
        double[] theta = mlp.initialize(3);
        int n = 7;
        double[] x = NetFixtures.randomPoints(n, 3, 9);
        int[][] cases = {{1, 1, 0}, {2, 1, 0}, {1, 1, 1}, {2, 2, 0}, {1, 0, 3}, {2, 1, 1}, {0, 1, 2}};
        for (int[] alpha : cases) {
            // differentiate the lower derivative along the first coordinate that alpha uses
            int k = alpha[0] > 0 ? 0 : 1;
            int[] lower = alpha.clone();
            lower[k]--;
            double[] exact = NetFixtures.derivative(mlp, theta, x, n, MultiIndex.of(alpha));
            double[] fd = centralDifference(mlp, theta, x, n, MultiIndex.of(lower), k);
            double err = NetFixtures.relError(exact, fd, 1e-3);
            assertTrue(err < TOL, java.util.Arrays.toString(alpha) + " rel err " + err);
        }
    }

    @Test
    void polarizationOfUxyIsTheTextbookFormula() {
        Map<int[], Double> w = JetPlan.directionalExpansion(new int[] {1, 1});
        // ∂xy = ½ D²_(1,1) − ⅛ D²_(2,0) − ⅛ D²_(0,2)
        for (Map.Entry<int[], Double> e : w.entrySet()) {
            int[] j = e.getKey();
            double expected = j[0] == 1 ? 0.5 : -0.125;
            assertEquals(expected, e.getValue(), 1e-14, java.util.Arrays.toString(j));
        }
        assertEquals(3, w.size());
    }

    @Test
    void oneGemmInputSharesTheValueComponentAcrossDirections() {
        JetPlan plan = new JetPlan(2, List.of(MultiIndex.of(0, 0), MultiIndex.of(2, 0), MultiIndex.of(0, 2), MultiIndex.of(1, 0)));
        assertEquals(2, plan.directionCount());
        assertEquals(5, plan.components(), "value + 2 orders along x + 2 along y");
    }

    private static double[] centralDifference(Mlp mlp, double[] theta, double[] x, int n, MultiIndex mi, int k) {
        int d = mlp.spec().inputDim();
        double[] xp = x.clone();
        double[] xm = x.clone();
        for (int i = 0; i < n; i++) {
            xp[i * d + k] += H;
            xm[i * d + k] -= H;
        }
        double[] fp = NetFixtures.derivative(mlp, theta, xp, n, mi);
        double[] fm = NetFixtures.derivative(mlp, theta, xm, n, mi);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) out[i] = (fp[i] - fm[i]) / (2 * H);
        return out;
    }
}
