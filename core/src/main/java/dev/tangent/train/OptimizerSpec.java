package dev.tangent.train;

import dev.tangent.optim.Optimizer;
import dev.tangent.optim.OptimizerSchedule;

/**
 * The optimizer of a run: one registered method over its settings (the record its {@link Optimizers.Kind} line
 * parses from the {@code optimizer} config section, documented defaults in the optimizer's file), or a warm-start
 * phase followed by a method. A new optimizer needs nothing here: its registry line says how to parse its settings and
 * how to build it from them.
 */
public sealed interface OptimizerSpec {
    Optimizers.Kind kind();

    /** A fresh optimizer with these settings. */
    Optimizer create();

    /**
     * One method and its settings.
     *
     * @param settings an instance of the settings type of the kind's registry line (checked)
     */
    record Method(Optimizers.Kind kind, Object settings) implements OptimizerSpec {
        public Method {
            kind.recipe().check(settings);
        }

        public Optimizer create() {
            return kind.recipe().create(settings);
        }
    }

    /** A warm-start phase of {@code steps} steps of {@code first}, then {@code main} ({@link OptimizerSchedule}). */
    record WarmStart(OptimizerSpec first, long steps, OptimizerSpec main) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return main.kind();
        }

        public Optimizer create() {
            return OptimizerSchedule.warmStart(first.create(), steps, main.create());
        }
    }
}
