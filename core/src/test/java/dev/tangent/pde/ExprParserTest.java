package dev.tangent.pde;

import dev.tangent.pde.catalog.Catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.expr.Exprs;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExprParserTest {
    private final ExprParser parser = new ExprParser(new String[] {"t", "x"}, Set.of("lam"));

    @ParameterizedTest
    @ValueSource(strings = {
            "u_t + u*u_x - 0.01/pi*u_xx = 0",
            "u_tt - u_xx + sin(u)",
            "u_t - 0.001*u_xx - 5*(u - u^3) = 0",
            "-(x - 1)^2 / (2*t + 1) + exp(-x)*log(1 + t^2) - tanh(u)*cos(u_x)",
            "2^3^2 - x/(t/2) - (x - (t - u))",
            "lam*u_xt + sqrt(1 + u^2) ** 2 - -u"})
    void roundTripsThroughPrinting(String text) {
        Expr e = parser.parse(text);
        String printed = Exprs.print(e);
        assertEquals(e, parser.parse(printed), "printed as " + printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "u_t + u*u_x - 0.01/pi*u_xx",
            "u_tt - u_xx + sin(u)",
            "u_t - 0.001*u_xx - 5*(u - u^3)",
            "exp(u*u_x)/(1 + u^2) - log(2 + u_xx^2) + tanh(u_t)*sqrt(3 + u) + u^u_x"})
    void symbolicPartialsEqualFiniteDifferences(String text) {
        Expr e = parser.parse(text);
        Map<String, Integer> slots = new HashMap<>();
        String[] names = {"t", "x", "u", "u_t", "u_x", "u_xx", "u_tt", "lam"};
        for (int k = 0; k < names.length; k++) slots.put(names[k], k);
        double[] env = {0.3, -0.4, 0.7, 0.2, -0.9, 1.3, 0.5, 2.0};
        Evaluator f = Evaluator.compile(e, slots);
        for (String s : Exprs.symbols(e)) {
            if (s.equals("t") || s.equals("x")) continue;
            int k = slots.get(s);
            double h = 1e-6;
            double[] ep = env.clone(), em = env.clone();
            ep[k] += h;
            em[k] -= h;
            double fd = (f.evaluate(ep) - f.evaluate(em)) / (2 * h);
            double exact = Evaluator.compile(Exprs.derivative(e, s), slots).evaluate(env);
            assertEquals(fd, exact, 1e-7 * Math.max(1, Math.abs(fd)), "∂/∂" + s + " of " + text);
        }
    }

    @Test
    void mixedDerivativeNamesAreCanonical() {
        assertEquals(parser.parse("u_xt"), parser.parse("u_tx"));
        assertEquals(Set.of("u_tx"), Exprs.symbols(parser.parse("u_xt")));
    }

    @Test
    void unknownSymbolIsNamed() {
        var e = assertThrows(IllegalArgumentException.class, () -> parser.parse("u_t + nu*u_xx"));
        assertTrue(e.getMessage().contains("unknown symbol 'nu'") && e.getMessage().contains("[t, x]"), e.getMessage());
    }

    @Test
    void unbalancedParenthesesAreReported() {
        var open = assertThrows(IllegalArgumentException.class, () -> parser.parse("(u_t + u"));
        assertTrue(open.getMessage().contains("unbalanced parentheses"), open.getMessage());
        var close = assertThrows(IllegalArgumentException.class, () -> parser.parse("u_t + u)"));
        assertTrue(close.getMessage().contains("unbalanced parentheses"), close.getMessage());
        var fn = assertThrows(IllegalArgumentException.class, () -> parser.parse("sin(u"));
        assertTrue(fn.getMessage().contains("unbalanced parentheses"), fn.getMessage());
    }

    @Test
    void derivativeOfUnsupportedOrder() {
        var e = assertThrows(IllegalArgumentException.class, () -> parser.parse("u_xxxxx = 0"));
        assertTrue(e.getMessage().contains("u_xxxxx has order 5") && e.getMessage().contains("0..4"), e.getMessage());
    }

    @Test
    void emptyDomainAndInvertedBounds() {
        var empty = assertThrows(IllegalArgumentException.class, () -> Domain.box(new String[0], new double[0], new double[0]));
        assertTrue(empty.getMessage().contains("empty domain"), empty.getMessage());
        var inverted = assertThrows(IllegalArgumentException.class,
                () -> Domain.box(new String[] {"x"}, new double[] {1}, new double[] {0}));
        assertTrue(inverted.getMessage().contains("x needs lo < hi") && inverted.getMessage().contains("lo=1.0"), inverted.getMessage());
        var equal = assertThrows(IllegalArgumentException.class,
                () -> Domain.box(new String[] {"x"}, new double[] {0.5}, new double[] {0.5}));
        assertTrue(equal.getMessage().contains("lo < hi"), equal.getMessage());
    }

    @Test
    void unknownCatalogProblemListsTheNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> Catalog.get("navier-stokes"));
        assertTrue(e.getMessage().contains("navier-stokes") && e.getMessage().contains("laplace2d"), e.getMessage());
    }

    @Test
    void undefinedConstantsAreErrorsNotSilentRewrites() {
        for (String[] c : new String[][] {{"u_xx + 0/0", "0/0 is undefined"}, {"u_xx - 1/0", "division by zero"},
                {"u + log(-1)", "undefined"}, {"u + (-8)^(1/3)", "undefined"}, {"u + exp(1000)", "overflows"}, {"u + 1e999", "double range"}}) {
            var e = assertThrows(IllegalArgumentException.class, () -> parser.parse(c[0]));
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains("at position"), c[0] + ": " + e.getMessage());
        }
        assertEquals(parser.parse("u_xx"), parser.parse("u_xx + 0*x"), "0·x = 0 is still folded: x is finite");
    }

    @Test
    void deepOrLongInputIsALimitNotAStackOverflow() {
        for (String text : new String[] {"(".repeat(100_000) + "u" + ")".repeat(100_000), "-".repeat(50_000) + "u",
                "u" + "^u".repeat(5000), "u" + " + u".repeat(2400)}) {
            var e = assertThrows(IllegalArgumentException.class, () -> parser.parse(text));
            assertTrue(e.getMessage().contains("tangent.limit.expression"), e.getMessage().substring(0, Math.min(300, e.getMessage().length())));
            assertTrue(e.getMessage().length() < 600, "the message quotes a short prefix of the input");
        }
        assertEquals(parser.parse("u"), parser.parse("(".repeat(150) + "u" + ")".repeat(150)), "nesting within the limit is fine");
    }

    @Test
    void parametersMayNotShadowOtherNames() {
        for (String p : new String[] {"x", "u", "u_x", "pi", "sin"}) {
            var e = assertThrows(IllegalArgumentException.class, () -> new ExprParser(new String[] {"t", "x"}, Set.of(p)));
            assertTrue(e.getMessage().contains("parameter '" + p + "' shadows"), e.getMessage());
        }
    }
}
