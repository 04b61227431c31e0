package dev.tangent.sweep;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tangent.Limits;
import dev.tangent.train.Config;
import dev.tangent.io.StrictYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A sweep: a base run config, a grid (cartesian product) and/or an explicit list of points over dotted config
 * keys, the unit that runs each point, and the metrics to collect. Ranges are written {@code "0..19"}.
 *
 * <pre>
 * run: train                # train | ntk-width
 * base: {problem: laplace2d, train: {steps: 50, time: 0}}   # or base_file: path/to/config.yaml
 * grid: {net.width: [16, 32], seed: "0..2"}
 * points: [{optimizer.name: adam}, {optimizer.name: anagram}]  # optional; crossed with the grid
 * metrics: [absolute_rms, relative_l2, seconds]
 * </pre>
 */
public record SweepSpec(String run, Config base, List<String> keys, List<Map<String, Object>> points, List<String> metrics) {
    static final Set<String> KEYS = Set.of("run", "base", "base_file", "grid", "points", "metrics", "name");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static SweepSpec load(Path file) {
        Object tree = StrictYaml.read(file, "sweep spec").root();
        if (!(tree instanceof Map)) throw new IllegalArgumentException("sweep spec " + file + " must be a mapping of keys");
        return parse(cast(tree), file.toAbsolutePath().getParent());
    }

    public static SweepSpec parse(String yaml) {
        Object tree = StrictYaml.read(yaml, "sweep spec").root();
        if (!(tree instanceof Map)) throw new IllegalArgumentException("sweep spec must be a mapping of keys");
        return parse(cast(tree), Path.of("."));
    }

    static SweepSpec parse(Map<String, Object> m, Path dir) {
        for (String k : m.keySet()) {
            if (!KEYS.contains(k)) throw new IllegalArgumentException("unknown sweep key '" + k + "'; allowed: " + new java.util.TreeSet<>(KEYS));
        }
        String run = String.valueOf(m.getOrDefault("run", "train"));
        Config base;
        if (m.containsKey("base_file")) {
            base = Config.load(dir.resolve(String.valueOf(m.get("base_file"))));
        } else {
            try {
                base = Config.parse(new ObjectMapper(new YAMLFactory()).writeValueAsString(m.getOrDefault("base", Map.of())));
            } catch (IOException e) {
                throw new IllegalArgumentException("sweep base: " + e.getMessage());
            }
        }
        Map<String, List<Object>> grid = new LinkedHashMap<>();
        Object g = m.get("grid");
        if (g != null) {
            if (!(g instanceof Map)) throw new IllegalArgumentException("sweep grid must map config keys to value lists");
            for (Map.Entry<String, Object> e : cast(g).entrySet()) grid.put(e.getKey(), values(e.getKey(), e.getValue()));
        }
        List<Map<String, Object>> explicit = new ArrayList<>();
        Object pl = m.get("points");
        if (pl != null) {
            if (!(pl instanceof List<?> l)) throw new IllegalArgumentException("sweep points must be a list of mappings");
            for (Object o : l) explicit.add(cast(o));
        }
        List<String> metrics = new ArrayList<>();
        Object mt = m.get("metrics");
        if (mt instanceof List<?> l) for (Object o : l) metrics.add(String.valueOf(o));
        return of(run, base, grid, explicit, metrics);
    }

    /**
     * A sweep built in code (studies, and {@link #parse}): the explicit points crossed with the grid's cartesian
     * product, every point's config checked by the unit before anything runs.
     */
    public static SweepSpec of(String run, Config base, Map<String, List<Object>> grid, List<Map<String, Object>> explicit,
                               List<String> metrics) {
        if (!SweepUnits.names().contains(run)) throw new IllegalArgumentException("unknown sweep run '" + run + "'; allowed: " + SweepUnits.names());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            if (e.getValue().isEmpty()) throw new IllegalArgumentException("sweep grid key '" + e.getKey() + "' has no values (empty grid)");
        }
        if (grid.isEmpty() && explicit.isEmpty()) throw new IllegalArgumentException("sweep has an empty grid: give grid and/or points");
        long size = Math.max(1, explicit.size());
        for (List<Object> v : grid.values()) size = Limits.product(size, v.size());
        Limits.SWEEP_POINTS.check(size, "sweep grid " + grid.keySet() + (explicit.isEmpty() ? "" : " × " + explicit.size() + " points"));
        List<Map<String, Object>> points = new ArrayList<>();
        List<Map<String, Object>> gridPoints = cartesian(grid);
        for (Map<String, Object> ex : explicit.isEmpty() ? List.<Map<String, Object>>of(Map.of()) : explicit) {
            for (Map<String, Object> gp : gridPoints) {
                Map<String, Object> p = new LinkedHashMap<>(ex);
                p.putAll(gp);
                points.add(p);
            }
        }
        List<String> keys = new ArrayList<>();
        for (Map<String, Object> p : points) for (String k : p.keySet()) if (!keys.contains(k)) keys.add(k);
        check(run, base, points);
        return new SweepSpec(run, base, keys, points, List.copyOf(metrics));
    }

    private static List<Map<String, Object>> cartesian(Map<String, List<Object>> grid) {
        List<Map<String, Object>> out = new ArrayList<>();
        out.add(new LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
            List<Map<String, Object>> next = new ArrayList<>();
            for (Map<String, Object> p : out) {
                for (Object v : e.getValue()) {
                    Map<String, Object> q = new LinkedHashMap<>(p);
                    q.put(e.getKey(), v);
                    next.add(q);
                }
            }
            out = next;
        }
        return out;
    }

    /** A list, a scalar, or a range string "a..b" (integers, inclusive). */
    static List<Object> values(String key, Object v) {
        if (v instanceof List<?> l) return new ArrayList<>(l);
        String s = String.valueOf(v).trim();
        if (s.matches("-?\\d+\\.\\.-?\\d+")) {
            String[] parts = s.split("\\.\\.");
            long a, b;
            try {
                a = Long.parseLong(parts[0]);
                b = Long.parseLong(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("sweep grid key '" + key + "': range " + s + " has a bound beyond " + Long.MAX_VALUE);
            }
            if (b < a) throw new IllegalArgumentException("sweep grid key '" + key + "': empty range " + s);
            Limits.SWEEP_POINTS.check(b - a + 1 <= 0 ? -1 : b - a + 1, "sweep grid key '" + key + "' range " + s);
            List<Object> out = new ArrayList<>();
            for (long i = a; i <= b; i++) out.add(i);
            return out;
        }
        return List.of(v);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object o) {
        if (!(o instanceof Map)) throw new IllegalArgumentException("expected a mapping, got " + o);
        Map<String, Object> out = new LinkedHashMap<>();
        ((Map<Object, Object>) o).forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /**
     * A self-contained YAML form of this sweep (base config inline, every point listed explicitly) that parses
     * back to the same points, ids and metrics; shipped to remote workers.
     */
    public String toYaml() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("run", run);
        m.put("base", base.tree());
        m.put("points", points);
        if (!metrics.isEmpty()) m.put("metrics", metrics);
        try {
            return YAML.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every point's config is checked before anything runs: the key schema when the point's values are set, then the
     * unit's own typed parse ({@link SweepUnit#check}; for {@code train}, the run spec).
     */
    private static void check(String run, Config base, List<Map<String, Object>> points) {
        SweepUnit unit = SweepUnits.get(run);
        for (Map<String, Object> p : points) {
            try {
                unit.check(configFor(base, p));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("sweep point " + p + ": " + e.getMessage());
            }
        }
    }

    /** This spec with its base config changed (e.g. by {@code --set}); every point is checked again. */
    public SweepSpec withBase(java.util.function.Consumer<Config> change) {
        Config b = base.copy();
        change.accept(b);
        check(run, b, points);
        return new SweepSpec(run, b, keys, points, metrics);
    }

    /** The config of one point. */
    public Config configFor(Map<String, Object> point) {
        return configFor(base, point);
    }

    private static Config configFor(Config base, Map<String, Object> point) {
        Config c = base.copy();
        point.forEach(c::set);
        return c;
    }

    /** A stable identifier of a point: its values in key order. */
    public String id(Map<String, Object> point) {
        StringBuilder sb = new StringBuilder();
        for (String k : keys) {
            if (sb.length() > 0) sb.append(';');
            sb.append(k).append('=').append(point.getOrDefault(k, ""));
        }
        return sb.toString();
    }
}
