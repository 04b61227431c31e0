package dev.tangent.pde;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.MultiIndex;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.expr.Exprs;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Field symbols of a system (u, v, p and their derivatives) in the parser and in expression residuals. */
class SystemExprTest {
    private static final List<String> UVP = List.of("u", "v", "p");
    private final ExprParser parser = new ExprParser(new String[] {"x", "y"}, Set.of("Re"), UVP);

    @Test
    void fieldDerivativesAreParsedPerField() {
        assertEquals(new ExprParser.FieldDerivative(2, MultiIndex.of(1, 0)), parser.fieldDerivativeOf("p_x"));
        assertEquals(new ExprParser.FieldDerivative(1, MultiIndex.of(0, 0)), parser.fieldDerivativeOf("v"));
        assertEquals(new ExprParser.FieldDerivative(0, MultiIndex.of(1, 1)), parser.fieldDerivativeOf("u_yx"));
        assertNull(parser.fieldDerivativeOf("w_x"));
        assertNull(parser.fieldDerivativeOf("v_"));
        assertEquals("v_xy", Exprs.print(parser.parse("v_yx")), "stored canonically");
    }

    @Test
    void anUndeclaredFieldIsNamedWithTheDeclaredOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> parser.parse("u_x + w_y"));
        assertTrue(e.getMessage().contains("'w' is not a declared field; fields: [u, v, p]"), e.getMessage());
        var bare = assertThrows(IllegalArgumentException.class, () -> parser.parse("u_x + q"));
        assertTrue(bare.getMessage().contains("unknown symbol 'q'") && bare.getMessage().contains("fields [u, v, p]"), bare.getMessage());
    }

    @Test
    void fieldNamesAndParametersMayNotClash() {
        for (List<String> bad : List.of(List.of("u", "x"), List.of("u", "u"), List.of("u_1"), List.of("pi"), List.of("sin"))) {
            var e = assertThrows(IllegalArgumentException.class, () -> new ExprParser(new String[] {"x", "y"}, Set.of(), bad));
            assertTrue(e.getMessage().contains("field '"), e.getMessage());
        }
        var e = assertThrows(IllegalArgumentException.class, () -> new ExprParser(new String[] {"x"}, Set.of("p_x"), UVP));
        assertTrue(e.getMessage().contains("parameter 'p_x' shadows the field"), e.getMessage());
    }

    @Test
    void navierStokesMomentumReadsEveryFieldWithExactPartials() {
        Domain d = Domain.box(new String[] {"x", "y"}, new double[] {0, 0}, new double[] {1, 1});
        ExpressionResidual r = ExpressionResidual.parse(d, "u*u_x + v*u_y + p_x - (u_xx + u_yy)/Re = 0", Map.of("Re", 40.0), UVP);
        List<MultiIndex> ds = r.derivatives();
        int[] fields = r.fields();
        assertEquals(ds.size(), fields.length);
        // one point: values chosen per (field, derivative); residual and partials against the formula
        double u = 0.3, ux = -0.7, uy = 0.4, v = 1.1, px = 0.25, uxx = 2.0, uyy = -1.5;
        double[] values = new double[ds.size()];
        for (int k = 0; k < ds.size(); k++) {
            String name = parser.symbolOf(fields[k], ds.get(k));
            values[k] = switch (name) {
                case "u" -> u; case "u_x" -> ux; case "u_y" -> uy; case "v" -> v; case "p_x" -> px;
                case "u_xx" -> uxx; case "u_yy" -> uyy; default -> throw new AssertionError(name);
            };
        }
        double[] res = new double[1];
        double[] partials = new double[ds.size()];
        r.evaluate(1, new double[] {0.5, 0.5}, values, res, partials);
        assertEquals(u * ux + v * uy + px - (uxx + uyy) / 40, res[0], 1e-15);
        for (int k = 0; k < ds.size(); k++) {
            String name = parser.symbolOf(fields[k], ds.get(k));
            double expected = switch (name) {
                case "u" -> ux; case "u_x" -> u; case "u_y" -> v; case "v" -> uy; case "p_x" -> 1;
                default -> -1 / 40.0;
            };
            assertEquals(expected, partials[k], 1e-15, "∂F/∂" + name);
        }
    }

    @Test
    void aScalarResidualKeepsFieldZero() {
        Domain d = Domain.box(new String[] {"x"}, new double[] {0}, new double[] {1});
        ExpressionResidual r = ExpressionResidual.parse(d, "u_xx + u", Map.of());
        assertArrayEquals(new int[r.derivatives().size()], r.fields());
    }
}
