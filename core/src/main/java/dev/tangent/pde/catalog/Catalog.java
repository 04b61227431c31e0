package dev.tangent.pde.catalog;

import dev.tangent.nn.Activation;
import dev.tangent.pde.Condition;
import dev.tangent.pde.Domain;
import dev.tangent.pde.ExpressionResidual;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Reference;
import dev.tangent.pde.Region;
import dev.tangent.pde.reference.AllenCahnSpectral;
import dev.tangent.pde.reference.BurgersColeHopf;
import dev.tangent.sampling.SamplerKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The built-in problems, each registered once by name. */
public final class Catalog {
    private Catalog() {}

    private static final Map<String, Function<Map<String, Double>, Problem>> ENTRIES = new LinkedHashMap<>();
    private static final Map<String, Map<String, Double>> OPTIONS = new LinkedHashMap<>();

    static {
        register("laplace2d", Map.of(), o -> laplace2d());
        register("poisson5d", Map.of(), o -> poisson5d());
        register("heat1d", Map.of(), o -> heat1d());
        register("poisson-annulus", Map.of(), o -> poissonAnnulus());
        register("poisson1d", Map.of("a", 4.0), o -> poisson1d(o.get("a")));
        register("wave1d", Map.of(), o -> wave1d());
        register("burgers", Map.of(), o -> burgers());
        register("allen-cahn", Map.of(), o -> allenCahn());
        register("sine-gordon", Map.of("omega", 0.5), o -> sineGordon(o.get("omega")));
        register("kdv", Map.of("delta", 0.1, "c", 1.0), o -> kdv(o.get("delta"), o.get("c")));
        register("kovasznay", Map.of("re", 40.0), o -> SystemProblems.kovasznay(o.get("re")));
    }

    private static void register(String name, Map<String, Double> options, Function<Map<String, Double>, Problem> f) {
        ENTRIES.put(name, f);
        OPTIONS.put(name, options);
    }

    public static List<String> names() {
        return new ArrayList<>(ENTRIES.keySet());
    }

    /** Options a catalog entry accepts (e.g. poisson1d's frequency a) with their defaults. */
    public static Map<String, Double> options(String name) {
        require(name);
        return OPTIONS.get(name);
    }

    public static Problem get(String name) {
        return get(name, Map.of());
    }

    /** The named problem; unknown names and options give an error listing the allowed ones. */
    public static Problem get(String name, Map<String, Double> overrides) {
        require(name);
        Map<String, Double> o = new LinkedHashMap<>(OPTIONS.get(name));
        for (Map.Entry<String, Double> e : overrides.entrySet()) {
            if (!o.containsKey(e.getKey())) {
                throw new IllegalArgumentException("problem " + name + " has no option '" + e.getKey() + "'; allowed: " + o.keySet());
            }
            o.put(e.getKey(), e.getValue());
        }
        return ENTRIES.get(name).apply(o);
    }

    private static void require(String name) {
        if (!ENTRIES.containsKey(name)) {
            throw new IllegalArgumentException("unknown problem '" + name + "'; allowed: " + names());
        }
    }

    private static Problem.Defaults defaults(int interior, int... hidden) {
        return new Problem.Defaults(hidden, Activation.TANH, interior, SamplerKind.GRID, SamplerKind.GRID);
    }

    private static Problem.Defaults defaults(int interior, SamplerKind interiorSampler, SamplerKind conditionSampler,
                                             double seconds, int... hidden) {
        return new Problem.Defaults(hidden, Activation.TANH, interior, interiorSampler, conditionSampler, seconds);
    }

    static Problem laplace2d() {
        Domain d = Domain.box(new String[] {"x", "y"}, new double[] {0, 0}, new double[] {1, 1});
        String eq = "u_xx + u_yy = -2*pi^2*sin(pi*x)*sin(pi*y)";
        return new Problem("laplace2d", "2D Poisson problem with a single-mode exact solution (ANaGRAM/ENGD benchmark)",
                d, eq, ExpressionResidual.parse(d, eq, Map.of()), List.of(Condition.dirichlet(d, "0", 116)), Map.of(),
                Reference.exact(p -> Math.sin(Math.PI * p[0]) * Math.sin(Math.PI * p[1]), "sin(pi x) sin(pi y)", 101),
                defaults(784, 32).withSeconds(60));
    }

    /**
     * Poisson on the disk with a hole 1/2 ≤ r ≤ 1: u = sin(πx) cos(πy), Dirichlet on the outer circle and the outward
     * normal derivative (towards the center) on the inner one.
     */
    static Problem poissonAnnulus() {
        Domain d = Domain.of(dev.tangent.pde.geometry.Shapes.annulus(new double[] {0, 0}, 0.5, 1), "x", "y");
        String eq = "u_xx + u_yy = -2*pi^2*sin(pi*x)*cos(pi*y)";
        String exact = "sin(pi*x)*cos(pi*y)";
        // n = −(x, y)/r on r = 1/2, so ∂u/∂n = −2 (x u_x + y u_y)
        String flux = "-2*pi*(x*cos(pi*x)*cos(pi*y) - y*sin(pi*x)*sin(pi*y))";
        return new Problem("poisson-annulus", "2D Poisson problem on the disk with a hole (1/2 ≤ r ≤ 1), Dirichlet outside, Neumann on the hole",
                d, eq, ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.dirichlet(d, exact, 128, "outer"), Condition.neumann(d, Region.boundary("inner"), flux, 64)),
                Map.of(), Reference.exact(p -> Math.sin(Math.PI * p[0]) * Math.cos(Math.PI * p[1]), "sin(pi x) cos(pi y)", 101),
                defaults(1000, SamplerKind.SOBOL, SamplerKind.SOBOL, 120, 32));
    }

    static Problem poisson5d() {
        String[] c = Domain.unitNames(5);
        Domain d = Domain.box(c, new double[5], new double[] {1, 1, 1, 1, 1});
        StringBuilder lap = new StringBuilder(), sum = new StringBuilder();
        for (int k = 0; k < 5; k++) {
            lap.append(k > 0 ? " + " : "").append("u_").append(c[k]).append(c[k]);
            sum.append(k > 0 ? " + " : "").append("sin(pi*").append(c[k]).append(")");
        }
        String eq = lap + " = -pi^2*(" + sum + ")";
        Problem.Defaults def = defaults(4000, SamplerKind.SOBOL, SamplerKind.SOBOL, 300, 64);
        return new Problem("poisson5d", "5D Poisson problem on the unit cube, Dirichlet data from the exact solution",
                d, eq, ExpressionResidual.parse(d, eq, Map.of()), List.of(Condition.dirichlet(d, sum.toString(), 500)),
                Map.of(), Reference.exact(p -> {
                    double s = 0;
                    for (double v : p) s += Math.sin(Math.PI * v);
                    return s;
                }, "Σ sin(pi x_k)", 0), def);
    }

    static Problem heat1d() {
        Domain d = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {0}, new double[] {1});
        String eq = "u_t - 0.25*u_xx = 0";
        return new Problem("heat1d", "1+1D heat equation with a decaying sine mode", d, eq,
                ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, "sin(pi*x)", 30), Condition.dirichlet(d, "0", 57)), Map.of(),
                Reference.exact(p -> Math.exp(-Math.PI * Math.PI * p[0] / 4) * Math.sin(Math.PI * p[1]),
                        "exp(-pi^2 t/4) sin(pi x)", 101), defaults(784, 64).withSeconds(60));
    }

    static Problem poisson1d(double a) {
        Domain d = Domain.box(new String[] {"x"}, new double[] {0}, new double[] {1});
        String eq = "u_xx = -(" + a + "*pi)^2*sin(" + a + "*pi*x)";
        return new Problem("poisson1d", "1D Poisson problem u_xx = f with u = sin(a pi x), a = " + a, d, eq,
                ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.dirichlet(d, "sin(" + a + "*pi*x)", 2)), Map.of(),
                Reference.exact(p -> Math.sin(a * Math.PI * p[0]), "sin(" + a + " pi x)", 1001),
                defaults(128, SamplerKind.GRID, SamplerKind.GRID, 60, 64));
    }

    static Problem wave1d() {
        Domain d = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {0}, new double[] {1});
        String eq = "u_tt = 4*u_xx";
        return new Problem("wave1d", "1D wave equation with two standing modes (NTK-weighting benchmark)", d, eq,
                ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, "sin(pi*x) + 0.5*sin(4*pi*x)", 64),
                        Condition.initialVelocity(d, "0", 64), Condition.dirichlet(d, "0", 128)), Map.of(),
                Reference.exact(p -> Math.sin(Math.PI * p[1]) * Math.cos(2 * Math.PI * p[0])
                        + 0.5 * Math.sin(4 * Math.PI * p[1]) * Math.cos(8 * Math.PI * p[0]),
                        "sin(pi x) cos(2 pi t) + 0.5 sin(4 pi x) cos(8 pi t)", 101),
                defaults(1024, SamplerKind.SOBOL, SamplerKind.SOBOL, 300, 64));
    }

    static Problem burgers() {
        Domain d = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {-1}, new double[] {1});
        double nu = 0.01 / Math.PI;
        String eq = "u_t + u*u_x - 0.01/pi*u_xx = 0";
        return new Problem("burgers", "viscous Burgers equation forming a steep front at x = 0", d, eq,
                ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, "-sin(pi*x)", 100), Condition.dirichlet(d, "0", 100)), Map.of(),
                new BurgersColeHopf(nu), defaults(6000, SamplerKind.SOBOL, SamplerKind.SOBOL, 300, 20, 20, 20));
    }

    static Problem allenCahn() {
        Domain d = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {-1}, new double[] {1});
        String eq = "u_t - 0.001*u_xx - 5*(u - u^3) = 0";
        return new Problem("allen-cahn", "Allen–Cahn reaction–diffusion with sharp interfaces", d, eq,
                ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, "x^2*cos(pi*x)", 64), Condition.dirichlet(d, "-1", 36)), Map.of(),
                new AllenCahnSpectral(1e-3, 5), defaults(5000, SamplerKind.SOBOL, SamplerKind.SOBOL, 600, 20, 20, 20));
    }

    /** Breather u = 4 arctan(β/ω · cos(ωt) / cosh(βx)), β = sqrt(1 − ω²). */
    public static double breather(double omega, double t, double x) {
        double beta = Math.sqrt(1 - omega * omega);
        return 4 * Math.atan(beta / omega * Math.cos(omega * t) / Math.cosh(beta * x));
    }

    static Problem sineGordon(double omega) {
        if (!(omega > 0 && omega < 1)) throw new IllegalArgumentException("sine-gordon: omega must be in (0, 1), got " + omega);
        Domain d = Domain.spaceTime(0, 2, new String[] {"x"}, new double[] {-6}, new double[] {6});
        String eq = "u_tt - u_xx + sin(u) = 0";
        return new Problem("sine-gordon", "sine-Gordon breather (ω = " + omega + "), initial-value problem without spatial boundary condition",
                d, eq, ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, p -> breather(omega, p[0], p[1]), "breather(0, x)", 128),
                        Condition.initialVelocity(d, "0", 128)), Map.of(),
                Reference.exact(p -> breather(omega, p[0], p[1]), "4 atan(β/ω cos(ωt)/cosh(βx))", 101),
                defaults(1024, SamplerKind.SOBOL, SamplerKind.GRID, 300, 64));
    }

    /** Soliton u = 3c sech²(√c/(2δ)(x − ct − x0)) of u_t + u u_x + δ² u_xxx = 0, x0 = −0.5. */
    public static double soliton(double delta, double c, double t, double x) {
        double s = 1 / Math.cosh(Math.sqrt(c) / (2 * delta) * (x - c * t + 0.5));
        return 3 * c * s * s;
    }

    static Problem kdv(double delta, double c) {
        if (!(delta > 0) || !(c > 0)) throw new IllegalArgumentException("kdv: delta and c must be positive, got delta=" + delta + " c=" + c);
        Domain d = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {-1}, new double[] {1});
        String eq = "u_t + u*u_x + " + (delta * delta) + "*u_xxx = 0";
        return new Problem("kdv", "Korteweg–de Vries soliton (δ = " + delta + ", speed c = " + c + "), Dirichlet data from the exact solution",
                d, eq, ExpressionResidual.parse(d, eq, Map.of()),
                List.of(Condition.initialValue(d, p -> soliton(delta, c, p[0], p[1]), "soliton(0, x)", 128),
                        Condition.dirichlet(d, p -> soliton(delta, c, p[0], p[1]), "soliton(t, x)", 64)),
                Map.of(), Reference.exact(p -> soliton(delta, c, p[0], p[1]), "3c sech²(√c/(2δ)(x − ct + 0.5))", 101),
                defaults(1024, SamplerKind.SOBOL, SamplerKind.GRID, 300, 64));
    }
}
