package dev.tangent.study;

import dev.tangent.linalg.Lapack;
import dev.tangent.nn.Mlp;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.optim.GradientDescentOptimizer;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.Problem;
import dev.tangent.train.Config;
import dev.tangent.train.NetFactory;
import dev.tangent.train.ProblemFactory;
import dev.tangent.train.WeightedProblem;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One point of the width/scaling study: a network of width N with output scaling N^-s, initialised with the
 * config's seed, on fixed collocation points (the same for every seed). Measures the Frobenius norms of the
 * NTK blocks K_bb (all condition rows), K_bf and K_ff (PDE rows) at initialisation, then runs plain gradient
 * descent for {@code ntk.steps} steps with η = 1/λ_max(∇²L) (Gauss–Newton estimate 2σ_max(Φ)²) and reports
 * each block's relative drift.
 */
public final class WidthScalingUnit {
    private WidthScalingUnit() {}

    static final long POINT_SEED = 12345;

    public static Map<String, Object> run(Config c, Path workDir) {
        Problem p = ProblemFactory.build(c);
        Mlp mlp = new Mlp(NetFactory.build(c, p));
        int m = (int) c.integer("ntk.max_points", 32);
        int steps = (int) c.integer("ntk.steps", 100);
        Map<String, Integer> points = new LinkedHashMap<>();
        points.put("pde", m);
        p.conditions().forEach(cond -> points.put(cond.name(), m));
        Discretization d = new Discretization(p, mlp, points, POINT_SEED);
        double[] theta = mlp.initialize(c.integer("seed", 0));
        double[][] k0 = blocks(d, theta);
        WeightedProblem wp = new WeightedProblem(d);
        double[] r = new double[wp.nRows()];
        double[] jac = new double[wp.nRows() * wp.nParams()];
        double loss0 = wp.evaluate(theta, r, jac);
        double sigma = Lapack.singularValues(wp.nParams(), wp.nRows(), jac)[0];
        double lr = 1 / (2 * sigma * sigma);
        GradientDescentOptimizer gd = new GradientDescentOptimizer(lr);
        double loss = loss0;
        for (int k = 0; k < steps; k++) loss = gd.step(theta, wp).loss();
        double[][] kt = blocks(d, theta);
        Map<String, Object> out = new LinkedHashMap<>();
        String[] names = {"bb", "bf", "ff"};
        for (int b = 0; b < 3; b++) out.put("fro_" + names[b], fro(k0[b]));
        for (int b = 0; b < 3; b++) out.put("drift_" + names[b], dev.tangent.ntk.KernelNorms.drift(k0[b], kt[b]));
        out.put("params", mlp.nParams());
        out.put("lr", lr);
        out.put("loss0", loss0);
        out.put("loss", loss);
        return out;
    }

    /** K_bb, K_bf, K_ff with b = all condition groups stacked and f = the PDE group. */
    static double[][] blocks(Discretization d, double[] theta) {
        KernelBlocks kb = new KernelBlocks(d.mlp(), theta, 1024);
        List<dev.tangent.pde.LossGroup> f = d.groups().subList(0, 1), bs = d.groups().subList(1, d.groups().size());
        return new double[][] {kb.full(bs), kb.kernel(bs, f), kb.full(f)};
    }

    static double fro(double[] k) {
        double s = 0;
        for (double v : k) s += v * v;
        return Math.sqrt(s);
    }
}
