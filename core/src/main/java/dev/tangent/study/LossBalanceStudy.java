package dev.tangent.study;

import dev.tangent.report.Charts;
import dev.tangent.train.AtomicFiles;
import dev.tangent.train.Config;
import dev.tangent.train.MetricsTable;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Study: how the order of the operator in the loss affects training of u = sin(aπx) on [0, 1].
 * L1 regresses u directly; L2 fits u_x plus the boundary values; L3 fits u_xx plus the boundary values.
 * Each (a, loss) pair is one training run with the same net, points, optimizer and seed.
 */
public final class LossBalanceStudy {
    private LossBalanceStudy() {}

    public record Settings(double[] frequencies, int width, int points, int steps, double lr, long seed) {}

    public record Outcome(double a, String loss, double finalRelL2, double finalLoss, MetricsTable metrics) {}

    static final String[] LOSSES = {"L1", "L2", "L3"};

    static Config config(double a, String loss, Settings s) {
        String ap = "(" + a + "*pi)";
        String eq = switch (loss) {
            case "L1" -> "u = sin(" + ap + "*x)";
            case "L2" -> "u_x = " + ap + "*cos(" + ap + "*x)";
            default -> "u_xx = -" + ap + "^2*sin(" + ap + "*x)";
        };
        String conditions = loss.equals("L1") ? "[]" : "[{kind: dirichlet, value: \"sin(" + ap + "*x)\", points: 2}]";
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
                optimizer: {name: adam, lr: %s}
                train: {steps: %d, time: 0, eval_every: %d, checkpoint_every: 0}
                seed: %d
                """.formatted(a, loss, eq, conditions, ap, s.points(), s.width(), s.lr(), s.steps(),
                Math.max(1, s.steps() / 100), s.seed()));
    }

    public static List<Outcome> run(Settings s, Path out) throws java.io.IOException {
        List<Outcome> res = new ArrayList<>();
        for (double a : s.frequencies()) {
            for (String l : LOSSES) {
                Path dir = out.resolve("runs").resolve("a" + a + "-" + l);
                Files.createDirectories(dir);
                Trainer.Result r = Trainer.run(config(a, l, s), dir, false, null);
                res.add(new Outcome(a, l, r.errors().relativeL2(), r.loss(), r.metrics()));
            }
        }
        return res;
    }

    public static String write(Path out, Settings s, List<Outcome> res) {
        StringBuilder md = new StringBuilder("# Loss balance: regression (L1) vs first-order (L2) vs second-order (L3) losses\n\n");
        md.append(String.format("u = sin(aπx) on [0,1], net 1-%d-1 tanh, %d grid points, Adam lr %s, %d steps, seed %d. Final relative L2 error:%n%n",
                s.width(), s.points(), s.lr(), s.steps(), s.seed()));
        md.append("| a | L1 (u) | L2 (u_x + boundary) | L3 (u_xx + boundary) |\n|---:|---:|---:|---:|\n");
        for (double a : s.frequencies()) {
            md.append(String.format("| %s |", a));
            for (Outcome o : res) if (o.a() == a) md.append(String.format(" %.2e |", o.finalRelL2()));
            md.append('\n');
            List<Charts.Series> err = new ArrayList<>(), loss = new ArrayList<>();
            for (Outcome o : res) {
                if (o.a() != a) continue;
                double[] step = o.metrics().series("step");
                err.add(new Charts.Series(o.loss() + " rel L2 error", step, o.metrics().series("rel_l2")));
                loss.add(new Charts.Series(o.loss() + " loss", step, o.metrics().series("loss")));
            }
            Charts.line(out.resolve("a" + a + "_error.png"), "relative L2 error, a = " + a, "step", "rel L2", err, false, true);
            Charts.line(out.resolve("a" + a + "_loss.png"), "training loss, a = " + a, "step", "loss", loss, false, true);
        }
        StringBuilder csv = new StringBuilder("a,loss,step,train_loss,rel_l2\n");
        for (Outcome o : res) {
            double[] st = o.metrics().series("step"), lo = o.metrics().series("loss"), e = o.metrics().series("rel_l2");
            for (int i = 0; i < st.length; i++) csv.append(o.a()).append(',').append(o.loss()).append(',').append((long) st[i]).append(',').append(lo[i]).append(',').append(e[i]).append('\n');
        }
        AtomicFiles.write(out.resolve("loss_balance.csv"), csv.toString());
        AtomicFiles.write(out.resolve("summary.md"), md.toString());
        return md.toString();
    }
}
