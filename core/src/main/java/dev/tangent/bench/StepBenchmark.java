package dev.tangent.bench;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MlpSpec;
import dev.tangent.optim.Optimizer;
import dev.tangent.optim.StepReport;
import dev.tangent.pde.catalog.Catalog;
import dev.tangent.pde.Discretization;
import dev.tangent.train.Optimizers;
import dev.tangent.train.WeightedProblem;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Times one LM, ANaGRAM and ENGD step, split into Jacobian, factorisation and line search (or damping trials). */
public final class StepBenchmark {
    private StepBenchmark() {}

    public record Case(String problem, MlpSpec net, int points) {}

    public record Result(Case c, String optimizer, int params, int rows, double totalMs, double jacobianMs,
                         double solveMs, double lineSearchMs, double evaluations) {}

    public static List<Case> defaultCases() {
        return List.of(new Case("laplace2d", MlpSpec.of(2, 64, 64), 1000), new Case("laplace2d", MlpSpec.of(2, 32), 900),
                new Case("poisson5d", MlpSpec.of(5, 64), 4000), new Case("kdv", MlpSpec.of(2, 50, 50, 50), 2000),
                new Case("burgers", MlpSpec.of(2, 20, 20, 20), 2000), new Case("allen-cahn", MlpSpec.of(2, 20, 20, 20), 1600));
    }

    /** Untimed steps before the timed ones in {@link #runSteady}. */
    public static final int WARM_STEPS = 10;

    /**
     * Steps inside a run: one optimizer takes {@link #WARM_STEPS} untimed steps from the initial network (its buffers,
     * damping or cutoff settle as in training), then {@code repeats} timed ones; medians. The cost of a training step.
     */
    public static Result runSteady(Case c, String optimizer, int repeats) {
        return time(c, optimizer, repeats, true);
    }

    /** First steps from the initial network, a fresh optimizer each (2 untimed, then {@code repeats}); medians. */
    public static Result run(Case c, String optimizer, int repeats) {
        return time(c, optimizer, repeats, false);
    }

    private static Result time(Case c, String optimizer, int repeats, boolean steady) {
        Mlp mlp = new Mlp(c.net());
        Discretization disc = new Discretization(Catalog.get(c.problem()), mlp, Map.of("pde", c.points()), 0);
        WeightedProblem wp = new WeightedProblem(disc);
        double[] theta0 = mlp.initialize(0), theta = theta0.clone();
        double[][] t = new double[4][repeats];
        double[] evals = new double[repeats];
        Optimizer opt = Optimizers.withDefaults(optimizer);
        for (int k = -(steady ? WARM_STEPS : 2); k < repeats; k++) {
            if (!steady) {
                opt = Optimizers.withDefaults(optimizer);
                theta = theta0.clone();
            }
            long t0 = System.nanoTime();
            StepReport r = opt.step(theta, wp);
            long total = System.nanoTime() - t0;
            if (!Double.isFinite(r.loss())) throw new IllegalStateException(optimizer + " on " + c.problem() + ": loss " + r.loss());
            if (k < 0) continue;
            t[0][k] = total / 1e6;
            t[1][k] = r.jacobianNanos() / 1e6;
            t[2][k] = r.solveNanos() / 1e6;
            t[3][k] = r.lineSearchNanos() / 1e6;
            evals[k] = r.evaluations();
        }
        return new Result(c, optimizer, mlp.nParams(), disc.rows(), median(t[0]), median(t[1]), median(t[2]), median(t[3]), median(evals));
    }

    static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
