package dev.tangent.pde.catalog;

import dev.tangent.nn.Activation;
import dev.tangent.pde.Condition;
import dev.tangent.pde.Domain;
import dev.tangent.pde.Equation;
import dev.tangent.pde.ExpressionResidual;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Reference;
import dev.tangent.pde.Region;
import dev.tangent.sampling.SamplerKind;
import java.util.List;
import java.util.Map;

/** Catalog problems with several fields. */
final class SystemProblems {
    private SystemProblems() {}

    /**
     * Kovasznay flow (Kovasznay 1948): steady incompressible Navier–Stokes at Reynolds number Re on
     * [−0.5, 1] × [−0.5, 1.5], u = 1 − e^{λx} cos 2πy, v = λ/(2π) e^{λx} sin 2πy, p = (1 − e^{2λx})/2 with
     * λ = Re/2 − sqrt(Re²/4 + 4π²). u and v are Dirichlet data on the whole boundary; the pressure, fixed by the
     * equations only up to a constant, is pinned by its exact value on the outflow x = 1, so p is compared as is.
     */
    static Problem kovasznay(double re) {
        if (!(re > 0) || !Double.isFinite(re)) throw new IllegalArgumentException("kovasznay: re must be a positive number, got " + re);
        Domain d = Domain.box(new String[] {"x", "y"}, new double[] {-0.5, -0.5}, new double[] {1, 1.5});
        List<String> fields = List.of("u", "v", "p");
        double lambda = re / 2 - Math.sqrt(re * re / 4 + 4 * Math.PI * Math.PI);
        String lam = Double.toString(lambda), inv = "1/" + re;
        String u = "1 - exp(" + lam + "*x)*cos(2*pi*y)";
        String v = lam + "/(2*pi)*exp(" + lam + "*x)*sin(2*pi*y)";
        String p = "(1 - exp(2*" + lam + "*x))/2";
        String[] eqs = {
            "u*u_x + v*u_y + p_x - " + inv + "*(u_xx + u_yy) = 0",
            "u*v_x + v*v_y + p_y - " + inv + "*(v_xx + v_yy) = 0",
            "u_x + v_y = 0"};
        String[] names = {"momentum-x", "momentum-y", "continuity"};
        List<Equation> equations = new java.util.ArrayList<>();
        for (int k = 0; k < 3; k++) equations.add(new Equation(names[k], eqs[k], ExpressionResidual.parse(d, eqs[k], Map.of(), fields)));
        Region outflow = Region.face(0, true);
        List<Condition> conditions = List.of(
                named(Condition.dirichlet(d, Region.spatialBoundary(d), fields, "u", u, 200), "boundary-u"),
                named(Condition.dirichlet(d, Region.spatialBoundary(d), fields, "v", v, 200), "boundary-v"),
                named(Condition.dirichlet(d, outflow, fields, "p", p, 50), "outflow-p"));
        List<Reference> refs = List.of(
                Reference.exact(x -> 1 - Math.exp(lambda * x[0]) * Math.cos(2 * Math.PI * x[1]), u, 101),
                Reference.exact(x -> lambda / (2 * Math.PI) * Math.exp(lambda * x[0]) * Math.sin(2 * Math.PI * x[1]), v, 101),
                Reference.exact(x -> (1 - Math.exp(2 * lambda * x[0])) / 2, p, 101));
        Problem.Defaults defaults = new Problem.Defaults(new int[] {32, 32}, Activation.TANH, 900, SamplerKind.GRID,
                SamplerKind.GRID, 600);
        return new Problem("kovasznay", "Kovasznay flow: steady Navier–Stokes (Re = " + Domain.fmt(re) + "), fields u, v, p; "
                + "p pinned on the outflow x = 1", d, fields, equations, conditions, Map.of(), refs, defaults);
    }

    private static Condition named(Condition c, String name) {
        return new Condition(name, c.kind(), c.region(), c.residual(), c.description(), c.defaultPoints());
    }
}
