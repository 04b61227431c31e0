package dev.tangent.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {
    private final Mlp mlp = new Mlp(MlpSpec.of(2, 4));
    private final double[] theta = mlp.initialize(1);

    @Test
    void mismatchedDimensions() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new JetEngine(mlp, List.of(MultiIndex.of(0, 0, 1))));
        assertTrue(e.getMessage().contains("3 coordinates") && e.getMessage().contains("2 inputs"), e.getMessage());
        JetEngine engine = new JetEngine(mlp, List.of(MultiIndex.value(2)));
        var e2 = assertThrows(IllegalArgumentException.class,
                () -> engine.derivatives(theta, 3, new double[5], new double[3]));
        assertTrue(e2.getMessage().contains("3×2"), e2.getMessage());
        var e3 = assertThrows(IllegalArgumentException.class,
                () -> engine.derivatives(new double[3], 1, new double[2], new double[1]));
        assertTrue(e3.getMessage().contains("θ must have " + mlp.nParams()), e3.getMessage());
    }

    @Test
    void derivativeOrderAboveFour() {
        var e = assertThrows(IllegalArgumentException.class, () -> MultiIndex.of(3, 2));
        assertTrue(e.getMessage().contains("total order 5") && e.getMessage().contains("0..4"), e.getMessage());
    }

    @Test
    void nonFiniteInput() {
        JetEngine engine = new JetEngine(mlp, List.of(MultiIndex.value(2)));
        var e = assertThrows(IllegalArgumentException.class,
                () -> engine.derivatives(theta, 2, new double[] {0, 1, Double.NaN, 0}, new double[2]));
        assertTrue(e.getMessage().contains("point 1") && e.getMessage().contains("NaN"), e.getMessage());
    }

    @Test
    void unknownActivationAndBadWidths() {
        var e = assertThrows(IllegalArgumentException.class, () -> Activation.parse("gelu"));
        assertTrue(e.getMessage().contains("gelu"), e.getMessage());
        var w = assertThrows(IllegalArgumentException.class, () -> MlpSpec.of(2, 8, -3));
        assertTrue(w.getMessage().contains("net.widths[1]") && w.getMessage().contains("-3"), w.getMessage());
    }
}
