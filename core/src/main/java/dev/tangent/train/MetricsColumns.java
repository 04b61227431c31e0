package dev.tangent.train;

import dev.tangent.optim.StepReport;
import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The layout of metrics.csv, one entry per column: its name and how a logged step gives its value. A new column is
 * one {@code add} line here (per-group columns repeat over the loss groups; listeners' columns come after the
 * weights, then the unknown coefficients').
 */
final class MetricsColumns {
    /** What a row is made of: the step, training time, the step's report, the evaluation, the problem and θ. */
    record Logged(long step, long trainNanos, StepReport report, ErrorMetrics errors, WeightedProblem problem,
                  double[] theta) {}

    /** Writes {@code width} values of a row from offset {@code at}. */
    private interface Block {
        void fill(Logged l, double[] row, int at);
    }

    private final List<String> names = new ArrayList<>();
    private final List<Block> blocks = new ArrayList<>();
    private final List<Integer> widths = new ArrayList<>();

    MetricsColumns(WeightedProblem wp, List<TrainingListener> sources) {
        add("step", l -> l.step());
        add("seconds", l -> l.trainNanos() / 1e9);
        add("loss", l -> l.report().loss());
        add("relative_l2", l -> l.errors() == null ? Double.NaN : l.errors().relativeL2());
        add("absolute_rms", l -> l.errors() == null ? Double.NaN : l.errors().absoluteRms());
        add("eta", l -> l.report().eta());
        add("rank", l -> l.report().rank());
        add("sigma_max", l -> l.report().sigmaMax());
        add("sigma_min_kept", l -> l.report().sigmaMinKept());
        add("mu", l -> l.report().damping());
        add("rho", l -> l.report().ratio());
        List<String> groups = wp.groupNames();
        for (int g = 0; g < groups.size(); g++) {
            int k = g;
            add("loss_" + groups.get(g), l -> l.problem().groupLosses()[k]);
        }
        for (int g = 0; g < groups.size(); g++) {
            int k = g;
            add("lambda_" + groups.get(g), l -> l.problem().weights()[k]);
        }
        for (TrainingListener s : sources) {
            List<String> cols = s.columns();
            names.addAll(cols);
            widths.add(cols.size());
            blocks.add((l, row, at) -> {
                double[] m = s.measure(l.theta(), l.step());
                System.arraycopy(m, 0, row, at, m.length);
            });
        }
        List<Unknown> unknowns = wp.discretization().problem().unknowns();
        int base = wp.discretization().mlp().networkParams();
        for (int j = 0; j < unknowns.size(); j++) {
            Unknown u = unknowns.get(j);
            int k = base + j;
            add(Trainer.UNKNOWN_COLUMN + u.name(), l -> u.value(l.theta()[k]));
        }
        List<String> fields = FieldColumns.names(wp.discretization().problem()); // a system's per-field errors, last
        for (int f = 0; f < fields.size(); f++) {
            int k = f / 2;
            boolean rms = f % 2 == 1;
            add(fields.get(f), l -> {
                ErrorMetrics e = l.errors() == null || l.errors().fields().isEmpty() ? null : l.errors().fields().get(k);
                return e == null ? Double.NaN : rms ? e.absoluteRms() : e.relativeL2();
            });
        }
    }

    private void add(String name, ToDoubleFunction<Logged> value) {
        names.add(name);
        widths.add(1);
        blocks.add((l, row, at) -> row[at] = value.applyAsDouble(l));
    }

    List<String> names() {
        return names;
    }

    /** The row of a logged step. */
    MetricsRecord row(Logged l) {
        double[] r = new double[names.size()];
        int at = 0;
        for (int b = 0; b < blocks.size(); b++) {
            blocks.get(b).fill(l, r, at);
            at += widths.get(b);
        }
        return new MetricsRecord(names, r);
    }
}
