package dev.tangent.study;

import dev.tangent.report.Comparison;
import dev.tangent.train.Config;
import dev.tangent.train.RunSpec;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ANaGRAM comparison on one problem: ANaGRAM, ENGD, Adam and L-BFGS on the same problem, network,
 * points and seed. ANaGRAM and ENGD get the published step budget (capped by a time budget); Adam and
 * L-BFGS then get the same wall-clock budget as the slowest second-order run.
 */
public final class NaturalGradientStudy {
    private NaturalGradientStudy() {}

    /** A published setup: YAML for problem, net, points and sampler, the ANaGRAM optimizer section, budgets. */
    public record Setup(String name, String base, Map<String, Object> anagram, long steps, double seconds, double quickSeconds) {}

    public static final Map<String, Setup> SETUPS = new LinkedHashMap<>();

    static {
        add(new Setup("laplace2d", """
                problem: laplace2d
                net: {widths: [32], parameterization: small, s: 0}
                points: {pde: 784, boundary: 116}
                sampler: {interior: grid, conditions: grid}
                """, optimizer("anagram", "cutoff", 1e-6, "cutoff_kind", "absolute"), 2000, 60, 5));
        add(new Setup("heat1d", """
                problem: heat1d
                net: {widths: [64], parameterization: small, s: 0}
                points: {pde: 784, initial: 30, boundary: 57}
                sampler: {interior: grid, conditions: grid}
                """, optimizer("anagram", "cutoff", 1e-5, "cutoff_kind", "absolute"), 2000, 90, 8));
        add(new Setup("poisson5d", """
                problem: poisson5d
                net: {widths: [64], parameterization: small, s: 0}
                points: {pde: 4000, boundary: 500}
                sampler: {interior: sobol, conditions: sobol}
                """, optimizer("anagram"), 2000, 120, 10));
        add(new Setup("allen-cahn", """
                problem: allen-cahn
                net: {widths: [20, 20, 20], parameterization: small, s: 0}
                points: {pde: 1600, initial: 64, boundary: 36}
                sampler: {interior: sobol, conditions: sobol}
                """, optimizer("anagram"), 2000, 120, 10));
        add(new Setup("burgers", """
                problem: burgers
                net: {widths: [20, 20, 20], parameterization: small, s: 0}
                points: {pde: 2000, initial: 100, boundary: 100}
                sampler: {interior: sobol, conditions: sobol}
                """, optimizer("anagram", "cutoff", 1e-3, "cutoff_kind", "relative"), 500, 300, 10));
    }

    private static void add(Setup s) {
        SETUPS.put(s.name(), s);
    }

    /** An optimizer section: its name, then key/value pairs. */
    public static Map<String, Object> optimizer(String name, Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        for (int i = 0; i < keyValues.length; i += 2) m.put((String) keyValues[i], keyValues[i + 1]);
        return m;
    }

    public static Config config(Setup s, Map<String, Object> optimizer, long steps, double seconds, String name) {
        Map<String, Object> train = new LinkedHashMap<>();
        train.put("steps", steps);
        train.put("time", seconds);
        train.put("eval_every", evalEvery(String.valueOf(optimizer.get("name"))));
        train.put("checkpoint_every", 0);
        return Config.parse(s.base()).set("name", name).set("optimizer", new LinkedHashMap<>(optimizer)).set("train", train).set("seed", 0);
    }

    private static int evalEvery(String opt) {
        return opt.equals("adam") ? 100 : opt.equals("lbfgs") ? 20 : 5;
    }

    /** Runs the five optimizers; returns the markdown table. Writes compare_*.png, compare.md and run dirs. */
    public static String run(Setup s, boolean quick, Path out, Trainer.Listener listener) throws IOException {
        return run(s, quick, out, listener, List.of());
    }

    /**
     * As {@link #run(Setup, boolean, Path, Trainer.Listener)} with {@code KEY=VALUE} settings applied to every run's
     * config ({@link Config#setAll}); all five configs are parsed into run specs before the first run starts.
     */
    public static String run(Setup s, boolean quick, Path out, Trainer.Listener listener, List<String> sets) throws IOException {
        double budget = quick ? s.quickSeconds() : s.seconds();
        Map<String, Config> second = new LinkedHashMap<>();
        for (String opt : new String[] {"lm", "anagram", "engd"}) {
            Map<String, Object> section = new LinkedHashMap<>(opt.equals("anagram") ? s.anagram() : optimizer(opt));
            if (!opt.equals("lm")) section.put("line_search", "argmin"); // the published rule: the grid's argmin, decrease or not
            if (opt.equals("anagram")) section.put("row_scaling", "none"); // the published code decomposes the raw rows
            // the published methods get the published step budget; lm (not in the papers) the time budget alone
            long steps = opt.equals("lm") ? 10_000_000L : s.steps();
            second.put(opt, config(s, section, steps, budget, opt).setAll(sets));
        }
        Map<String, Map<String, Object>> first = Map.of("adam", optimizer("adam", "lr", 1e-3), "lbfgs", optimizer("lbfgs"));
        for (Config c : second.values()) RunSpec.from(c.copy());
        for (String opt : first.keySet()) RunSpec.from(config(s, first.get(opt), 1, 1, opt).setAll(sets));
        Files.createDirectories(out);
        List<Comparison.Run> runs = new ArrayList<>();
        double natural = 0;
        for (Map.Entry<String, Config> e : second.entrySet()) {
            Trainer.Result r = runOne(e.getValue(), out.resolve("runs").resolve(e.getKey()), listener);
            natural = Math.max(natural, r.seconds());
            runs.add(Comparison.load(out.resolve("runs").resolve(e.getKey())));
        }
        double firstOrderBudget = Math.max(natural, 1.0);
        for (String opt : new String[] {"adam", "lbfgs"}) {
            runOne(config(s, first.get(opt), 10_000_000L, firstOrderBudget, opt).setAll(sets), out.resolve("runs").resolve(opt), listener);
            runs.add(Comparison.load(out.resolve("runs").resolve(opt)));
        }
        String md = "# " + s.name() + ": LM vs ANaGRAM vs ENGD vs Adam vs L-BFGS" + (quick ? " (--quick)" : "") + "\n\n"
                + "ANaGRAM and ENGD: " + s.steps() + " steps or " + budget + " s; LM: " + budget + " s; Adam and L-BFGS: "
                + String.format("%.1f", firstOrderBudget) + " s (the slowest second-order run's time).\n\n"
                + Comparison.table(runs);
        Comparison.write(runs, out, "absolute_rms");
        dev.tangent.io.AtomicFiles.write(out.resolve("compare.md"), md);
        return md;
    }

    private static Trainer.Result runOne(Config c, Path dir, Trainer.Listener listener) throws IOException {
        Files.createDirectories(dir);
        Trainer.Result r = Trainer.run(c, dir, false, listener);
        RunSummary.write(dir.resolve("summary.json"), RunSummary.summary(c, r));
        return r;
    }
}
