package dev.tangent.study;

import dev.tangent.nn.Mlp;
import dev.tangent.ntk.FrozenLinearization;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.ntk.KernelNorms;
import dev.tangent.optim.GradientDescentOptimizer;
import dev.tangent.pde.Condition;
import dev.tangent.pde.ConditionKind;
import dev.tangent.pde.Discretization;
import dev.tangent.pde.LossGroup;
import dev.tangent.pde.Problem;
import dev.tangent.io.AtomicFiles;
import dev.tangent.train.Config;
import dev.tangent.train.RunSpec;
import dev.tangent.train.WeightedProblem;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One (width N, scaling s) point of the width study, over {@code ntk.seeds} initialisations on fixed collocation
 * points (the same for every seed and width, {@code ntk.max_points} per loss group). Blocks: b = all condition rows
 * stacked, f = the PDE rows; K_bb, K_bf, K_ff.
 *
 * <ul>
 *   <li>At initialisation: the mean kernel K̄ over seeds, its norm ‖K̄‖_F and the matrix spread
 *       E‖K − K̄‖_F/‖K̄‖_F. K̄ is written to {@code kbar.bin} for the study's Cauchy check across widths.
 *   <li>Training: plain gradient descent with the given η ({@code ntk.lr}, the same for every N) for
 *       {@code ntk.steps} steps (horizon T = η·steps); every {@code ntk.measure_every} steps the drift
 *       ‖K(t) − K(0)‖_F/‖K(0)‖_F of the full kernel and of the frozen-coefficient kernel (operator coefficients
 *       held at θ₀, {@link FrozenLinearization}). Reported: the mean of sup_t of each over the first
 *       {@code ntk.drift_seeds} seeds (training dominates the cost), and the worst L(T)/L(0).
 * </ul>
 */
public final class WidthScalingUnit {
    private WidthScalingUnit() {}

    static final long POINT_SEED = 12345;
    static final String[] BLOCKS = {"bb", "bf", "ff"};

    /**
     * The study's keys of a config, parsed and checked once (their defaults live here only).
     *
     * @param maxPoints points per loss group ({@code ntk.max_points}, default {@link RunSpec.Monitoring#MAX_POINTS})
     */
    record Settings(int seeds, int steps, int every, int driftSeeds, double lr, int maxPoints) {
        static Settings from(Config c) {
            int seeds = (int) c.integer("ntk.seeds", 20);
            int steps = (int) c.integer("ntk.steps", 200);
            int every = (int) c.integer("ntk.measure_every", Math.max(1, steps / 10));
            int driftSeeds = (int) Math.min(seeds, c.integer("ntk.drift_seeds", seeds));
            double lr = c.number("ntk.lr", Double.NaN);
            int m = pointsPerGroup(c);
            if (seeds < 2) throw new IllegalArgumentException("ntk.seeds must be >= 2 for a spread over seeds, got " + seeds);
            if (steps < 0 || every < 1 || driftSeeds < 1) {
                throw new IllegalArgumentException("ntk.steps must be >= 0, ntk.measure_every >= 1 and ntk.drift_seeds >= 1");
            }
            if (!(lr > 0)) throw new IllegalArgumentException("ntk.lr (the gradient-descent step, fixed across widths) must be > 0, got " + lr);
            return new Settings(seeds, steps, every, driftSeeds, lr, m);
        }
    }

    private static int pointsPerGroup(Config c) {
        int m = (int) c.integer("ntk.max_points", RunSpec.Monitoring.MAX_POINTS);
        if (m < 1) throw new IllegalArgumentException("ntk.max_points must be >= 1, got " + m);
        return m;
    }

    /** Checks a point's config before a sweep runs: the run spec (problem, net) and the study's own keys. */
    static void check(Config c) {
        RunSpec.from(c.copy());
        Settings.from(c);
    }

    public static Map<String, Object> run(Config c, Path workDir) throws IOException {
        Settings st = Settings.from(c);
        Discretization d = discretization(c);
        Mlp mlp = d.mlp();
        int seeds = st.seeds(), steps = st.steps(), every = st.every(), driftSeeds = st.driftSeeds();
        double lr = st.lr();
        List<double[][]> k0s = new ArrayList<>();
        double[] supFull = new double[3], supFrozen = new double[3];
        double lossRatio = 0;
        WeightedProblem wp = new WeightedProblem(d);
        for (int seed = 0; seed < seeds; seed++) {
            double[] theta = mlp.initialize(seed);
            List<LossGroup> frozen = frozenGroups(d, theta);
            double[][] k0 = blocks(d.groups(), theta);
            k0s.add(k0);
            if (seed >= driftSeeds) continue; // training is the expensive part: drift over the first driftSeeds seeds
            GradientDescentOptimizer gd = new GradientDescentOptimizer(lr);
            double loss0 = wp.loss(theta, new double[wp.nRows()]);
            double[] full = new double[3], fz = new double[3];
            for (int step = 1; step <= steps; step++) {
                double loss = gd.step(theta, wp).loss();
                if (!Double.isFinite(loss)) {
                    throw new IllegalStateException("gradient descent diverged (N = " + mlp.fanIn(mlp.layers() - 1)
                            + ", seed " + seed + ", step " + step + "); lower ntk.lr = " + lr);
                }
                if (step % every != 0 && step != steps) continue;
                double[][] kt = blocks(d.groups(), theta), kf = blocks(frozen, theta);
                for (int b = 0; b < 3; b++) {
                    full[b] = Math.max(full[b], KernelNorms.drift(k0[b], kt[b]));
                    fz[b] = Math.max(fz[b], KernelNorms.drift(k0[b], kf[b]));
                }
            }
            for (int b = 0; b < 3; b++) {
                supFull[b] += full[b] / driftSeeds;
                supFrozen[b] += fz[b] / driftSeeds;
            }
            lossRatio = Math.max(lossRatio, wp.loss(theta, new double[wp.nRows()]) / loss0);
        }
        double[][] mean = mean(k0s);
        writeMeanKernels(workDir.resolve("kbar.bin"), mean);
        Map<String, Object> out = new LinkedHashMap<>();
        for (int b = 0; b < 3; b++) {
            double spread = 0;
            for (double[][] k : k0s) spread += KernelNorms.relativeDifference(k[b], mean[b]) / seeds;
            out.put("spread_" + BLOCKS[b], spread);
        }
        for (int b = 0; b < 3; b++) out.put("norm_" + BLOCKS[b], KernelNorms.frobenius(mean[b]));
        for (int b = 0; b < 3; b++) out.put("drift_" + BLOCKS[b], supFull[b]);
        for (int b = 0; b < 3; b++) out.put("frozen_drift_" + BLOCKS[b], supFrozen[b]);
        out.put("loss_ratio", lossRatio); // worst L(T)/L(0) over the drift seeds: > 1 means GD was unstable
        out.put("lr", lr);
        out.put("horizon", lr * steps);
        out.put("params", mlp.nParams());
        return out;
    }

    /** The fixed-point discretization of a config (ntk.max_points per group, the same for every seed and width). */
    static Discretization discretization(Config c) {
        RunSpec spec = RunSpec.from(c.copy());
        Problem p = spec.problem();
        Mlp mlp = spec.network();
        int m = pointsPerGroup(c);
        Map<String, Integer> points = new LinkedHashMap<>();
        points.put("pde", m);
        p.conditions().forEach(cond -> points.put(cond.name(), m));
        return new Discretization(p, mlp, points, POINT_SEED);
    }

    /** The loss's largest curvature at seed 0's initialisation ({@link LossCurvature}), for choosing η. */
    static double hessianLambdaMax(Config c) {
        Discretization d = discretization(c);
        return LossCurvature.lambdaMax(new WeightedProblem(d), d.mlp().initialize(0));
    }

    /** Every group's rows with operator coefficients frozen at θ₀ (periodic rows are linear: kept as they are). */
    static List<LossGroup> frozenGroups(Discretization d, double[] theta0) {
        List<LossGroup> out = new ArrayList<>();
        Problem p = d.problem();
        for (int g = 0; g < d.groups().size(); g++) {
            LossGroup grp = d.groups().get(g);
            Condition cond = g == 0 ? null : p.conditions().get(g - 1);
            if (cond != null && cond.kind() == ConditionKind.PERIODIC) out.add(grp);
            else out.add(FrozenLinearization.group(grp.name(), g == 0 ? p.pde() : cond.residual(), grp.points(), d.mlp(), theta0));
        }
        return out;
    }

    /** K_bb, K_bf, K_ff with b = the condition groups stacked (groups 1…) and f = the PDE group (group 0). */
    static double[][] blocks(List<LossGroup> groups, double[] theta) {
        List<LossGroup> bs = groups.subList(1, groups.size());
        int nb = KernelBlocks.size(bs), nf = groups.get(0).size(), p = theta.length;
        double[] jb = KernelBlocks.stackedJacobian(bs, theta), jf = KernelBlocks.stackedJacobian(groups.subList(0, 1), theta);
        return new double[][] {KernelBlocks.product(jb, nb, jb, nb, p), KernelBlocks.product(jb, nb, jf, nf, p),
                KernelBlocks.product(jf, nf, jf, nf, p)};
    }

    static double[][] mean(List<double[][]> ks) {
        double[][] m = new double[3][];
        for (int b = 0; b < 3; b++) {
            m[b] = new double[ks.get(0)[b].length];
            for (double[][] k : ks) for (int i = 0; i < m[b].length; i++) m[b][i] += k[b][i] / ks.size();
        }
        return m;
    }

    static void writeMeanKernels(Path file, double[][] k) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            for (double[] block : k) {
                out.writeInt(block.length);
                for (double v : block) out.writeDouble(v);
            }
        }
        AtomicFiles.write(file, bytes.toByteArray());
    }

    static double[][] readMeanKernels(Path file) throws IOException {
        try (var in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(file)))) {
            double[][] k = new double[3][];
            for (int b = 0; b < 3; b++) {
                k[b] = new double[in.readInt()];
                for (int i = 0; i < k[b].length; i++) k[b][i] = in.readDouble();
            }
            return k;
        }
    }
}
