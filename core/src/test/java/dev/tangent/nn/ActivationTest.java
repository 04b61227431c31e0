package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ActivationTest {
    private static final double H = 1e-5;

    @ParameterizedTest
    @EnumSource(Activation.class)
    void eachDerivativeMatchesCentralDifferenceOfThePreviousOne(Activation f) {
        for (double z : new double[] {-2.3, -0.7, 0.0, 0.4, 1.9}) {
            // at ReLU^k's kink only the derivatives that are continuous there have a central difference to match
            int top = z == 0.0 ? f.continuousDerivatives() : Activation.MAX_ORDER;
            for (int m = 1; m <= top; m++) {
                double fd = (f.derivative(z + H, m - 1) - f.derivative(z - H, m - 1)) / (2 * H);
                double exact = f.derivative(z, m);
                // next to a kink of the order above, the central difference is only first-order accurate
                double tol = z == 0.0 && m == top ? 10 * H : 1e-7;
                assertEquals(fd, exact, tol * Math.max(1, Math.abs(exact)), f + " order " + m + " at " + z);
            }
        }
    }

    @Test
    void valuesMatchClosedForms() {
        assertEquals(Math.tanh(0.3), Activation.TANH.derivative(0.3, 0), 1e-15);
        assertEquals(Math.sin(0.3), Activation.SIN.derivative(0.3, 0), 1e-15);
        assertEquals(Math.log1p(Math.exp(0.3)), Activation.SOFTPLUS.derivative(0.3, 0), 1e-15);
        assertEquals(800.0, Activation.SOFTPLUS.derivative(800, 0), 1e-12, "softplus must not overflow");
    }

    @Test
    void reluPowersMatchTheirClosedForms() {
        double z = 0.7;
        assertEquals(z * z * z, Activation.RELU3.derivative(z, 0), 1e-15);
        assertEquals(6 * z, Activation.RELU3.derivative(z, 2), 1e-15);
        assertEquals(6.0, Activation.RELU3.derivative(z, 3), 0.0);
        assertEquals(0.0, Activation.RELU3.derivative(z, 4), 0.0);
        assertEquals(24 * z, Activation.RELU4.derivative(z, 3), 1e-15);
        assertEquals(24.0, Activation.RELU4.derivative(z, 4), 0.0);
        for (int m = 0; m <= Activation.MAX_ORDER; m++) assertEquals(0.0, Activation.RELU4.derivative(-0.3, m), 0.0);
        // the first non-continuous derivative jumps at 0 (so the kink is where the FD test must stop)
        assertEquals(6.0, Activation.RELU3.derivative(1e-12, 3) - Activation.RELU3.derivative(-1e-12, 3), 0.0);
    }

    @Test
    void unknownActivationNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("relu"));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("tanh"), e.getMessage());
        assertEquals(Activation.SOFTPLUS, Activation.parse("SoftPlus"));
    }
}
