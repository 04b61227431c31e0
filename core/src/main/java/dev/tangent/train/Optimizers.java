package dev.tangent.train;

import dev.tangent.optim.AdamOptimizer;
import dev.tangent.optim.AnagramOptimizer;
import dev.tangent.optim.Cutoff;
import dev.tangent.optim.EngdOptimizer;
import dev.tangent.optim.GradientDescentOptimizer;
import dev.tangent.optim.LbfgsOptimizer;
import dev.tangent.optim.LevenbergMarquardtOptimizer;
import dev.tangent.optim.LineSearchRule;
import dev.tangent.optim.MatrixFreeSettings;
import dev.tangent.optim.Optimizer;
import dev.tangent.optim.RowScaling;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The optimizer registry: one {@link Kind} line per method (name, what its steps cost, help text, its settings
 * type with how they are parsed from the {@code optimizer} config section and how the optimizer is built from them,
 * and the keys it reads). A new optimizer is its own file in {@code optim} plus one line here; the CLI help and shell
 * completion, the benches, the studies, the chart styles and the contract tests read this list.
 */
public final class Optimizers {
    private Optimizers() {}

    /** What a method's steps cost: decides default step budgets and whether it may serve as a warm start. */
    public enum Steps { FIRST_ORDER, QUASI_NEWTON, SECOND_ORDER }

    /**
     * How a method's settings are read and the method is built from them.
     *
     * @param type  the settings type (a record of the optimizer's file, or a boxed number)
     * @param parse settings from the config (the {@code optimizer.*} keys; defaults where a key is absent)
     * @param make  the optimizer from its settings
     */
    public record Recipe<S>(Class<S> type, Function<Config, S> parse, Function<S, Optimizer> make) {
        /*
         * Kind's constants call this while Kind initialises; a static method of Optimizers itself would start
         * Optimizers' initialisation, which reads Kind.LM, still null then, whenever Kind is touched first.
         */
        static <S> Recipe<S> of(Class<S> type, Function<Config, S> parse, Function<S, Optimizer> make) {
            return new Recipe<>(type, parse, make);
        }

        void check(Object settings) {
            if (!type.isInstance(settings)) {
                throw new IllegalArgumentException("optimizer settings must be a " + type.getSimpleName() + ", got " + settings);
            }
        }

        Optimizer create(Object settings) {
            return make.apply(type.cast(settings));
        }
    }


    public enum Kind {
        LM("lm", Steps.SECOND_ORDER, "damped Gauss–Newton with geodesic acceleration (the default)",
                Recipe.of(LevenbergMarquardtOptimizer.Settings.class, Optimizers::lm, LevenbergMarquardtOptimizer::new),
                "solver", "damping", "accept_ratio", "acceleration", "accel_ratio", "memory_budget", "cg_tolerance",
                "cg_iterations", "preconditioner_rank"),
        ANAGRAM("anagram", Steps.SECOND_ORDER, "natural gradient by the thin SVD with a singular-value cutoff",
                Recipe.of(AnagramOptimizer.Settings.class, c -> new AnagramOptimizer.Settings(cutoff(c),
                        (int) c.integer("optimizer.line_search_steps", 30), lineSearchRule(c),
                        RowScaling.parse(c.string("optimizer.row_scaling", "loss"))), AnagramOptimizer::new),
                "preset", "cutoff", "cutoff_kind", "cutoff_start", "line_search_steps", "line_search", "row_scaling"),
        ENGD("engd", Steps.SECOND_ORDER, "energy natural gradient by Gram or kernel least squares, relative singular-value cutoff",
                Recipe.of(EngdOptimizer.Settings.class, Optimizers::engd, EngdOptimizer::new), "form", "cutoff", "line_search_steps", "line_search"),
        ADAM("adam", Steps.FIRST_ORDER, "Adam (first order)", Recipe.of(AdamOptimizer.Settings.class, Optimizers::adam, AdamOptimizer::new),
                "lr", "beta1", "beta2", "decay_rate", "decay_steps"),
        LBFGS("lbfgs", Steps.QUASI_NEWTON, "L-BFGS with a strong-Wolfe line search", Recipe.of(LbfgsOptimizer.Settings.class,
                c -> LbfgsOptimizer.Settings.defaults().withHistory((int) c.integer("optimizer.history", 50)), LbfgsOptimizer::new),
                "history"),
        GD("gd", Steps.FIRST_ORDER, "plain gradient descent (first order)",
                Recipe.of(Double.class, c -> c.number("optimizer.lr", 1e-3), GradientDescentOptimizer::new), "lr");

        private final String label;
        private final Steps steps;
        private final String help;
        private final Recipe<?> recipe;
        private final List<String> keys;

        Kind(String label, Steps steps, String help, Recipe<?> recipe, String... keys) {
            this.label = label;
            this.steps = steps;
            this.help = help;
            this.recipe = recipe;
            this.keys = List.of(keys);
        }

        /** The {@code optimizer.*} keys this method reads (besides {@code name}). */
        public List<String> keys() {
            return keys;
        }

        public String label() {
            return label;
        }

        /** Cheap first-order steps: longer default step budgets and sparser evaluation. */
        public boolean firstOrder() {
            return steps == Steps.FIRST_ORDER;
        }

        /** Whether the method may run as a warm start: cheap steps that move a random initialisation. */
        public boolean warmStarts() {
            return steps != Steps.SECOND_ORDER;
        }

        public String help() {
            return help;
        }

        public Recipe<?> recipe() {
            return recipe;
        }

        /** This method with the settings of a config's {@code optimizer} section (keys already checked). */
        OptimizerSpec parse(Config c) {
            return new OptimizerSpec.Method(this, recipe.parse().apply(c));
        }

        /** This method with its default settings. */
        public OptimizerSpec defaults() {
            return parse(Config.empty().set("optimizer.name", label));
        }
    }

    /** The method a run uses when the config names none. */
    public static final String DEFAULT = Kind.LM.label();

    public static final List<String> NAMES = Arrays.stream(Kind.values()).map(Kind::label).toList();

    /** The registered method of this name; an unknown name is an error listing the allowed ones. */
    public static Kind kind(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (Kind k : Kind.values()) if (k.label.equals(n)) return k;
        String near = ConfigSchema.closest(n, NAMES);
        throw new IllegalArgumentException("unknown optimizer '" + name + "'" + (near != null ? "; did you mean '" + near + "'?" : "")
                + " allowed: " + NAMES);
    }

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

    /** Keys every method accepts: a warm-start phase run before it (see {@link #spec}). */
    public static final List<String> WARM_START_KEYS = List.of("warm_start", "warm_start_steps", "warm_start_lr");

    /** The methods a warm start may use: cheap ones that move a random initialisation (not the method it hands to). */
    public static Kind warmStartKind(String name) {
        Kind k = kind(name);
        if (!k.warmStarts()) {
            throw new IllegalArgumentException("optimizer.warm_start must be one of "
                    + Arrays.stream(Kind.values()).filter(Kind::warmStarts).map(Kind::label).toList() + ", got '" + name + "'");
        }
        return k;
    }

    /** The configured optimizer. */
    public static Optimizer create(Config c) {
        return spec(c).create();
    }

    /**
     * The {@code optimizer} section, parsed; a key the chosen method does not read is an error, not a silently ignored
     * setting. With {@code warm_start: adam|lbfgs|gd} the run starts with {@code warm_start_steps} (default 500) steps
     * of that method at its default settings ({@code warm_start_lr} sets Adam's or GD's rate), then hands over.
     */
    public static OptimizerSpec spec(Config c) {
        Kind k = kind(c.string("optimizer.name", DEFAULT));
        if (c.has("optimizer.rcond")) {
            throw new IllegalArgumentException("optimizer.rcond was replaced by optimizer.cutoff, one cutoff concept for anagram and "
                    + "engd: engd keeps singular values of Φ above cutoff·σ_max (rcond = cutoff², so rcond " + c.get("optimizer.rcond")
                    + " is cutoff " + Math.sqrt(c.number("optimizer.rcond", 0)) + "); default 1e-6");
        }
        if (c.has("optimizer.warm_start_steps") || c.has("optimizer.warm_start_lr")) {
            if (!c.has("optimizer.warm_start")) {
                throw new IllegalArgumentException("optimizer.warm_start_steps and warm_start_lr need optimizer.warm_start (one of "
                        + Arrays.stream(Kind.values()).filter(Kind::warmStarts).map(Kind::label).toList() + ")");
            }
        }
        OptimizerSpec main = single(c, k);
        if (!c.has("optimizer.warm_start")) return main;
        Kind first = warmStartKind(c.string("optimizer.warm_start", ""));
        Config warm = Config.empty().set("optimizer.name", first.label());
        if (c.has("optimizer.warm_start_lr")) {
            if (!first.keys.contains("lr")) {
                throw new IllegalArgumentException("optimizer.warm_start_lr applies to " + Arrays.stream(Kind.values())
                        .filter(o -> o.warmStarts() && o.keys.contains("lr")).map(Kind::label).toList() + ", not " + first.label);
            }
            warm.set("optimizer.lr", c.number("optimizer.warm_start_lr", 1e-3));
        }
        return new OptimizerSpec.WarmStart(single(warm, first), c.integer("optimizer.warm_start_steps", 500), main);
    }

    private static OptimizerSpec single(Config c, Kind k) {
        for (String key : c.section("optimizer").keySet()) {
            if (!key.equals("name") && !k.keys.contains(key) && !WARM_START_KEYS.contains(key)) {
                throw new IllegalArgumentException("optimizer." + key + " does not apply to " + k.label + "; " + k.label
                        + " reads " + k.keys + (Arrays.stream(Kind.values()).anyMatch(o -> o.keys.contains(key))
                        ? " (" + key + " belongs to " + Arrays.stream(Kind.values()).filter(o -> o.keys.contains(key)).map(Kind::label).toList() + ")" : ""));
            }
        }
        String preset = c.string("optimizer.preset", "");
        if (!preset.isEmpty() && !preset.equals("precise")) {
            throw new IllegalArgumentException("unknown optimizer.preset '" + preset + "'; allowed: [precise] (with anagram)");
        }
        return k.parse(c);
    }

    /** The named method with its default settings. */
    public static Optimizer withDefaults(String name) {
        return kind(name).defaults().create();
    }

    private static LevenbergMarquardtOptimizer.Settings lm(Config c) {
        String solver = c.string("optimizer.solver", "auto");
        MatrixFreeSettings d = MatrixFreeSettings.defaults();
        MatrixFreeSettings free = new MatrixFreeSettings(MatrixFreeSettings.mode(solver),
                c.number("optimizer.memory_budget", d.memoryBudgetMb()), c.number("optimizer.cg_tolerance", d.tolerance()),
                (int) c.integer("optimizer.cg_iterations", d.maxIterations()),
                (int) c.integer("optimizer.preconditioner_rank", d.sketchRank()));
        return new LevenbergMarquardtOptimizer.Settings(
                MatrixFreeSettings.denseRoute(solver), c.number("optimizer.damping", 1e-3),
                c.number("optimizer.accept_ratio", 1e-4), flag(c, "optimizer.acceleration", true),
                c.number("optimizer.accel_ratio", 0.75), free);
    }

    private static EngdOptimizer.Settings engd(Config c) {
        EngdOptimizer.Settings d = EngdOptimizer.Settings.defaults();
        return new EngdOptimizer.Settings(EngdOptimizer.Form.parse(c.string("optimizer.form", "auto")),
                c.number("optimizer.cutoff", d.cutoff()), (int) c.integer("optimizer.line_search_steps", d.lineSearchSteps()),
                lineSearchRule(c));
    }

    /** {@code optimizer.line_search}: what a natural-gradient line search without a decrease does (default: keep θ). */
    private static LineSearchRule lineSearchRule(Config c) {
        return LineSearchRule.parse(c.string("optimizer.line_search", "decrease"));
    }

    private static AdamOptimizer.Settings adam(Config c) {
        AdamOptimizer.Settings s = AdamOptimizer.Settings.defaults()
                .withLr(c.number("optimizer.lr", 1e-3))
                .withDecay(c.number("optimizer.decay_rate", 1.0), (int) c.integer("optimizer.decay_steps", 1000));
        return new AdamOptimizer.Settings(s.lr(), c.number("optimizer.beta1", 0.9),
                c.number("optimizer.beta2", 0.999), s.eps(), s.decayRate(), s.decaySteps());
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
        boolean moving = preset.equals("precise") && !c.has("optimizer.cutoff_kind")
                || c.has("optimizer.cutoff_kind") && Cutoff.parseKind(c.string("optimizer.cutoff_kind", "")) == Cutoff.Kind.ADAPTIVE;
        if (c.has("optimizer.cutoff_start") && !moving) {
            throw new IllegalArgumentException("optimizer.cutoff_start applies to cutoff_kind adaptive only (a fixed cutoff does not move), got cutoff_kind "
                    + c.string("optimizer.cutoff_kind", "default"));
        }
        if (preset.equals("precise") && !c.has("optimizer.cutoff_kind")) return Cutoff.adaptive(c.number("optimizer.cutoff", 1e-10), start);
        if (!c.has("optimizer.cutoff") && !c.has("optimizer.cutoff_kind")) return Cutoff.defaults();
        Cutoff.Kind kind = Cutoff.parseKind(c.string("optimizer.cutoff_kind", "absolute"));
        if (kind == Cutoff.Kind.DEFAULT) return Cutoff.defaults();
        if (kind == Cutoff.Kind.ADAPTIVE) return Cutoff.adaptive(c.number("optimizer.cutoff", 1e-10), start);
        if (!c.has("optimizer.cutoff")) throw new IllegalArgumentException("optimizer.cutoff is required with cutoff_kind " + kind.name().toLowerCase());
        return new Cutoff(kind, c.number("optimizer.cutoff", 0));
    }
}
