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
            for (int m = 1; m <= Activation.MAX_ORDER; m++) {
                double fd = (f.derivative(z + H, m - 1) - f.derivative(z - H, m - 1)) / (2 * H);
                double exact = f.derivative(z, m);
                assertEquals(fd, exact, 1e-7 * Math.max(1, Math.abs(exact)), f + " order " + m + " at " + z);
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
    void unknownActivationNamesTheAllowedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("relu"));
        assertTrue(e.getMessage().contains("relu") && e.getMessage().contains("tanh"), e.getMessage());
        assertEquals(Activation.SOFTPLUS, Activation.parse("SoftPlus"));
    }
}
