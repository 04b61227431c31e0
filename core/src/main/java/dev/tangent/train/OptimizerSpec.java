package dev.tangent.train;

import dev.tangent.optim.AdamOptimizer;
import dev.tangent.optim.AnagramOptimizer;
import dev.tangent.optim.EngdOptimizer;
import dev.tangent.optim.GradientDescentOptimizer;
import dev.tangent.optim.LbfgsOptimizer;
import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.optim.Optimizer;
import dev.tangent.optim.OptimizerSchedule;

/**
 * The optimizer of a run: one record per method over that method's settings record (documented defaults in the
 * optimizer's file). {@link Optimizers.Kind} parses the {@code optimizer} config section into one of these.
 * A new method adds its record here next to its registry line.
 */
public sealed interface OptimizerSpec {
    Optimizers.Kind kind();

    /** A fresh optimizer with these settings. */
    Optimizer create();

    record Lm(LevenbergMarquardtOptimizer.Settings settings) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.LM;
        }

        public Optimizer create() {
            return new LevenbergMarquardtOptimizer(settings);
        }
    }

    record Anagram(AnagramOptimizer.Settings settings) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.ANAGRAM;
        }

        public Optimizer create() {
            return new AnagramOptimizer(settings);
        }
    }

    record Engd(EngdOptimizer.Settings settings) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.ENGD;
        }

        public Optimizer create() {
            return new EngdOptimizer(settings);
        }
    }

    record Adam(AdamOptimizer.Settings settings) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.ADAM;
        }

        public Optimizer create() {
            return new AdamOptimizer(settings);
        }
    }

    record Lbfgs(LbfgsOptimizer.Settings settings) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.LBFGS;
        }

        public Optimizer create() {
            return new LbfgsOptimizer(settings);
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

    /** Plain gradient descent with a fixed learning rate. */
    record Gd(double lr) implements OptimizerSpec {
        public Optimizers.Kind kind() {
            return Optimizers.Kind.GD;
        }

        public Optimizer create() {
            return new GradientDescentOptimizer(lr);
        }
    }
}
