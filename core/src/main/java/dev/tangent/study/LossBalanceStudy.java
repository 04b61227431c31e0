package dev.tangent.study;

import dev.tangent.nn.Mlp;
import dev.tangent.pde.Discretization;
import dev.tangent.report.Charts;
import dev.tangent.sampling.SamplerKind;
import dev.tangent.io.AtomicFiles;
import dev.tangent.train.Config;
import dev.tangent.train.LossWeighting;
import dev.tangent.train.RunSpec;
import dev.tangent.train.WeightedProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Study (Gan et al., Fig. 2): the losses L_i(t)/L_i(0) during gradient descent on a wide one-hidden-layer net, for
 * u = sin(aπx) on [0, 1]. L1 regresses u; L2 fits u_x plus the two boundary values; L3 fits u_xx plus the boundary
 * values; L3-ntk is L3 with exact NTK weights (mean-diagonal trace ratios, every 100 steps). Every run is plain GD
 * with its step re-chosen every 100 steps from its own curvature ({@link BalancedDescent}), so runs are compared at the
 * same stability margin, not at the same η. L_i is always the unweighted loss Σ_g mean_g r², also for L3-ntk.
 */
public final class LossBalanceStudy {
    private LossBalanceStudy() {}

    public record Settings(double[] frequencies, int width, int points, int steps, int seeds, double lrFactor) {
        public Settings {
            if (width < 1 || points < 4 || steps < 1 || seeds < 1 || !(lrFactor > 0 && lrFactor < 2)) {
                throw new IllegalArgumentException("loss balance needs width >= 1, points >= 4, steps >= 1, seeds >= 1, 0 < lr factor < 2");
            }
        }
    }

    /** One run: the unweighted loss ratio L(t)/L(0) at the logged steps and the final relative L2 error. */
    public record Outcome(double a, String loss, long seed, double lr, double lastLr, double[] steps, double[] ratio, double finalRelL2) {}

    static final String[] LOSSES = {"L1", "L2", "L3", "L3-ntk"};

    static Config config(double a, String loss, Settings s, long seed) {
        String ap = "(" + a + "*pi)";
        String eq = switch (loss) {
            case "L1" -> "u = sin(" + ap + "*x)";
            case "L2" -> "u_x = " + ap + "*cos(" + ap + "*x)";
            default -> "u_xx = -" + ap + "^2*sin(" + ap + "*x)";
        };
        String conditions = loss.equals("L1") ? "[]" : "[{kind: dirichlet, value: \"sin(" + ap + "*x)\", points: 2}]";
        String weights = loss.equals("L3-ntk") ? "weights: {kind: ntk, every: 100}\n" : "";
        return Config.parse("""
                name: a%s-%s
                problem:
                  domain: {x: [0, 1]}
                  equation: "%s"
                  conditions: %s
                  exact: "sin(%s*x)"
                  interior_points: %d
                sampler: {interior: grid, conditions: grid}
                net: {widths: [%d]}
                optimizer: {name: gd, lr: 1}
                train: {steps: %d, time: 0, eval_every: %d, checkpoint_every: 0}
                seed: %d
                """.formatted(a, loss, eq, conditions, ap, s.points(), s.width(), s.steps(), Math.max(1, s.steps() / 100), seed) + weights);
    }

    public static List<Outcome> run(Settings s, Path out) throws IOException {
        Files.createDirectories(out);
        List<Outcome> res = new ArrayList<>();
        for (double a : s.frequencies()) {
            for (String l : LOSSES) {
                for (long seed = 0; seed < s.seeds(); seed++) {
                    RunSpec spec = RunSpec.from(config(a, l, s, seed));
                    Mlp mlp = new Mlp(spec.net());
                    Discretization d = new Discretization(spec.problem(), mlp, Map.of(), SamplerKind.GRID, SamplerKind.GRID, seed);
                    WeightedProblem wp = new WeightedProblem(d);
                    var traj = BalancedDescent.run(d, LossWeighting.of(spec.weighting(), wp, spec.seed()), wp, mlp.initialize(seed), s.steps(), 100,
                            Math.max(1, s.steps() / 100), s.lrFactor());
                    var e = d.errors(traj.theta());
                    res.add(new Outcome(a, l, seed, traj.firstEta(), traj.lastEta(), traj.steps(), traj.ratio(),
                            e == null ? Double.NaN : e.relativeL2()));
                }
            }
        }
        return res;
    }

    public static String write(Path out, Settings s, List<Outcome> res) {
        StringBuilder md = new StringBuilder("# Loss balance: L_i(t)/L_i(0) under gradient descent\n\n");
        md.append(String.format("u = sin(aπx) on [0,1], net 1-%d-1 tanh, %d grid points (+2 boundary points for L2, L3), plain GD with "
                + "η = %s/max(λ_max(∇²L), 2Σ_g λ_g tr(K_gg)/S_g) at the current θ and weights, re-chosen every 100 steps, %d steps, %d seeds (medians). "
                + "L3-ntk: L3 with exact NTK weights (per-row-mean trace ratios, every 100 steps); its L is the unweighted L3.%n%n", s.width(), s.points(), s.lrFactor(),
                s.steps(), s.seeds()));
        md.append("| a | L1 ratio | L2 ratio | L3 ratio | L3-ntk ratio | L1 rel L2 | L2 rel L2 | L3 rel L2 | L3-ntk rel L2 |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        StringBuilder csv = new StringBuilder("a,loss,seed,first_lr,last_lr,step,ratio\n");
        for (double a : s.frequencies()) {
            StringBuilder ratios = new StringBuilder(), errs = new StringBuilder();
            List<Charts.Series> curves = new ArrayList<>();
            for (String l : LOSSES) {
                List<Outcome> runs = res.stream().filter(o -> o.a() == a && o.loss().equals(l)).toList();
                if (runs.isEmpty()) continue;
                ratios.append(String.format(" %.2e |", median(runs.stream().mapToDouble(o -> o.ratio()[o.ratio().length - 1]).toArray())));
                errs.append(String.format(" %.2e |", median(runs.stream().mapToDouble(Outcome::finalRelL2).toArray())));
                curves.add(new Charts.Series(l, runs.get(0).steps(), medianCurve(runs)));
            }
            md.append("| ").append(a).append(" |").append(ratios).append(errs).append('\n');
            Charts.line(out.resolve("a" + a + "_loss.png"), "L_i(t)/L_i(0), a = " + a + " (median of " + s.seeds() + " seeds)",
                    "step", "L(t)/L(0)", curves, false, true);
        }
        for (String l : LOSSES) {
            List<Charts.Series> curves = new ArrayList<>();
            for (double a : s.frequencies()) {
                List<Outcome> runs = res.stream().filter(o -> o.a() == a && o.loss().equals(l)).toList();
                if (!runs.isEmpty()) curves.add(new Charts.Series("a = " + a, runs.get(0).steps(), medianCurve(runs)));
            }
            Charts.line(out.resolve("loss_" + l + ".png"), l + "(t)/" + l + "(0) for different a (median of " + s.seeds() + " seeds)",
                    "step", "L(t)/L(0)", curves, false, true);
        }
        for (Outcome o : res) {
            for (int i = 0; i < o.steps().length; i++) {
                csv.append(o.a()).append(',').append(o.loss()).append(',').append(o.seed()).append(',').append(o.lr()).append(',')
                        .append(o.lastLr()).append(',')
                        .append((long) o.steps()[i]).append(',').append(o.ratio()[i]).append('\n');
            }
        }
        md.append("\nratio = L(T)/L(0) at the last step; rel L2 = ‖u − u*‖/‖u*‖ on the test grid at the end.\n");
        AtomicFiles.write(out.resolve("loss_balance.csv"), csv.toString());
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    private static double[] medianCurve(List<Outcome> runs) {
        int n = runs.stream().mapToInt(o -> o.ratio().length).min().orElse(0);
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            final int k = i;
            m[i] = median(runs.stream().mapToDouble(o -> o.ratio()[k]).toArray());
        }
        return m;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        java.util.Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : 0.5 * (s[s.length / 2 - 1] + s[s.length / 2]);
    }
}
