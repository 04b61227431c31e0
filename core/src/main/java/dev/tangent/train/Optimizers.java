package dev.tangent.train;

import dev.tangent.optim.AdamOptimizer;
import dev.tangent.optim.AnagramOptimizer;
import dev.tangent.optim.Cutoff;
import dev.tangent.optim.EngdOptimizer;
import dev.tangent.optim.GradientDescentOptimizer;
import dev.tangent.optim.LbfgsOptimizer;
import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.linalg.DampedLeastSquares;
import dev.tangent.optim.Optimizer;
import java.util.List;

/** The optimizer registry: names, and construction from the {@code optimizer} config section. */
public final class Optimizers {
    private Optimizers() {}

    /** The method a run uses when the config names none. */
    public static final String DEFAULT = "lm";

    public static final List<String> NAMES = List.of("lm", "anagram", "engd", "adam", "lbfgs", "gd");

    /**
     * The {@code precise} preset (ANaGRAM): an adaptive cutoff from sqrt(ε·P)·σ_max down to 1e-10·σ_max, and,
     * unless the config sets them, a wider net (48) and more interior points (2500) than the published setup.
     */
    public static void applyPreset(Config c) {
        String preset = c.string("optimizer.preset", "");
        if (!preset.equals("precise")) return;
        if (!c.has("net.widths") && !c.has("net.width")) c.set("net.width", 48);
        if (!c.has("points.pde")) c.set("points.pde", 2500);
    }

    public static Optimizer create(Config c) {
        String name = c.string("optimizer.name", DEFAULT).toLowerCase(java.util.Locale.ROOT);
        return switch (name) {
            case "adam" -> {
                AdamOptimizer.Settings s = AdamOptimizer.Settings.defaults()
                        .withLr(c.number("optimizer.lr", 1e-3))
                        .withDecay(c.number("optimizer.decay_rate", 1.0), (int) c.integer("optimizer.decay_steps", 1000));
                yield new AdamOptimizer(new AdamOptimizer.Settings(s.lr(), c.number("optimizer.beta1", 0.9),
                        c.number("optimizer.beta2", 0.999), s.eps(), s.decayRate(), s.decaySteps()));
            }
            case "gd" -> new GradientDescentOptimizer(c.number("optimizer.lr", 1e-3));
            case "lbfgs" -> new LbfgsOptimizer(LbfgsOptimizer.Settings.defaults()
                    .withHistory((int) c.integer("optimizer.history", 50)));
            case "anagram" -> new AnagramOptimizer(new AnagramOptimizer.Settings(cutoff(c),
                    (int) c.integer("optimizer.line_search_steps", 30)));
            case "lm" -> new LevenbergMarquardtOptimizer(new LevenbergMarquardtOptimizer.Settings(
                    DampedLeastSquares.Route.parse(c.string("optimizer.solver", "auto")), c.number("optimizer.damping", 1e-3),
                    c.number("optimizer.accept_ratio", 1e-4), flag(c, "optimizer.acceleration", true),
                    c.number("optimizer.accel_ratio", 0.75)));
            case "engd" -> new EngdOptimizer(new EngdOptimizer.Settings(
                    EngdOptimizer.Form.parse(c.string("optimizer.form", "auto")), c.number("optimizer.rcond", 1e-12),
                    (int) c.integer("optimizer.line_search_steps", 30)));
            default -> throw new IllegalArgumentException("unknown optimizer '" + name + "'; allowed: " + NAMES);
        };
    }

    /** A yes/no key: YAML booleans or the words true/false. */
    static boolean flag(Config c, String key, boolean fallback) {
        Object v = c.get(key);
        if (v == null) return fallback;
        if (v instanceof Boolean b) return b;
        String t = v.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("true")) return true;
        if (t.equals("false")) return false;
        throw new IllegalArgumentException("config key '" + key + "' must be true or false, got '" + v + "'");
    }

    /** cutoff + cutoff_kind; a cutoff without a kind is absolute, no cutoff is the default relative rule. */
    static Cutoff cutoff(Config c) {
        String preset = c.string("optimizer.preset", "");
        if (!preset.isEmpty() && !preset.equals("precise")) {
            throw new IllegalArgumentException("unknown optimizer.preset '" + preset + "'; allowed: [precise]");
        }
        double start = c.number("optimizer.cutoff_start", Double.NaN);
        if (preset.equals("precise") && !c.has("optimizer.cutoff_kind")) return Cutoff.adaptive(c.number("optimizer.cutoff", 1e-10), start);
        if (!c.has("optimizer.cutoff") && !c.has("optimizer.cutoff_kind")) return Cutoff.defaults();
        Cutoff.Kind kind = Cutoff.parseKind(c.string("optimizer.cutoff_kind", "absolute"));
        if (kind == Cutoff.Kind.DEFAULT) return Cutoff.defaults();
        if (kind == Cutoff.Kind.ADAPTIVE) return Cutoff.adaptive(c.number("optimizer.cutoff", 1e-10), start);
        if (!c.has("optimizer.cutoff")) throw new IllegalArgumentException("optimizer.cutoff is required with cutoff_kind " + kind.name().toLowerCase());
        return new Cutoff(kind, c.number("optimizer.cutoff", 0));
    }
}
