package dev.tangent.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run configuration as a nested key tree (what the YAML file holds), validated against a fixed schema:
 * an unknown key is an error naming the key and the allowed ones. Dotted paths ({@code net.widths}) address
 * nested keys, which is how CLI flags and sweeps override values.
 */
public final class Config {
    /** Allowed keys per section; "" is the top level. */
    static final Map<String, Set<String>> SCHEMA = Map.of(
            "", Set.of("name", "problem", "net", "points", "sampler", "optimizer", "train", "weights", "ntk", "seed"),
            "problem", Set.of("name", "options", "domain", "time", "equation", "conditions", "exact", "parameters",
                    "description", "interior_points"),
            "net", Set.of("widths", "width", "depth", "activation", "s", "parameterization", "output_bias"),
            "sampler", Set.of("interior", "conditions", "resample_every"),
            "optimizer", Set.of("name", "preset", "lr", "beta1", "beta2", "decay_rate", "decay_steps", "history",
                    "cutoff", "cutoff_kind", "cutoff_start", "line_search_steps", "form", "rcond", "solver", "damping",
                    "accept_ratio", "acceleration", "accel_ratio"),
            "train", Set.of("steps", "time", "eval_every", "log_every", "target_error", "checkpoint_every", "progress_every"),
            "weights", Set.of("kind", "every", "ema", "probes", "sketch", "start", "estimator"),
            "ntk", Set.of("every", "max_points", "steps", "seeds", "drift_seeds", "lr", "measure_every"));
    /** Sections whose keys are free (group names, option names). */
    static final Set<String> FREE = Set.of("points", "problem.options", "problem.domain", "problem.parameters");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Map<String, Object> root;

    private Config(Map<String, Object> root) {
        this.root = root;
    }

    public static Config empty() {
        return new Config(new LinkedHashMap<>());
    }

    public static Config load(Path file) {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("config file " + file + " does not exist");
        Object tree;
        try {
            tree = YAML.readValue(file.toFile(), Object.class);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().split("\n")[0];
            throw new IllegalArgumentException("config " + file + " is not valid YAML: " + msg);
        }
        if (tree == null) tree = new LinkedHashMap<>();
        if (!(tree instanceof Map)) throw new IllegalArgumentException("config " + file + " must be a mapping of keys, got " + tree.getClass().getSimpleName());
        Config c = new Config(deepCopy(asMap(tree, "")));
        c.validate();
        return c;
    }

    public static Config parse(String yaml) {
        try {
            Object tree = YAML.readValue(yaml, Object.class);
            Config c = new Config(tree == null ? new LinkedHashMap<>() : deepCopy(asMap(tree, "")));
            c.validate();
            return c;
        } catch (IOException e) {
            throw new IllegalArgumentException("config is not valid YAML: " + e.getMessage().split("\n")[0]);
        }
    }

    public Config copy() {
        return new Config(deepCopy(root));
    }

    /** Checks every key against the schema. */
    public void validate() {
        validate(root, "");
    }

    private static void validate(Map<String, Object> m, String path) {
        if (FREE.contains(path)) return;
        Set<String> allowed = SCHEMA.get(path);
        if (allowed == null) return;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            String key = e.getKey();
            String full = path.isEmpty() ? key : path + "." + key;
            if (!allowed.contains(key)) {
                throw new IllegalArgumentException("unknown config key '" + full + "'; allowed"
                        + (path.isEmpty() ? "" : " in " + path) + ": " + new java.util.TreeSet<>(allowed));
            }
            if (e.getValue() instanceof Map<?, ?> sub && (SCHEMA.containsKey(full) || FREE.contains(full))) {
                validate(asMap(sub, full), full);
            }
        }
    }

    /** Sets a dotted path, creating sections; the value is validated with the rest of the tree. */
    public Config set(String path, Object value) {
        String[] parts = path.split("\\.");
        Map<String, Object> m = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object next = m.get(parts[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                m.put(parts[i], next);
            }
            m = asMap(next, parts[i]);
        }
        m.put(parts[parts.length - 1], value);
        validate();
        return this;
    }

    public boolean has(String path) {
        return get(path) != null;
    }

    public Object get(String path) {
        Object cur = root;
        for (String p : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(p);
        }
        return cur;
    }

    public String string(String path, String fallback) {
        Object v = get(path);
        return v == null ? fallback : v.toString();
    }

    public double number(String path, double fallback) {
        Object v = get(path);
        if (v == null) return fallback;
        if (v instanceof Number n) return n.doubleValue();
        try {
            return Double.parseDouble(v.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("config key '" + path + "' must be a number, got '" + v + "'");
        }
    }

    public long integer(String path, long fallback) {
        double d = number(path, fallback);
        if (d != Math.rint(d)) throw new IllegalArgumentException("config key '" + path + "' must be an integer, got " + d);
        return (long) d;
    }

    @SuppressWarnings("unchecked")
    public List<Object> list(String path) {
        Object v = get(path);
        if (v == null) return null;
        if (v instanceof List<?> l) return (List<Object>) l;
        return List.of(v);
    }

    public Map<String, Object> section(String path) {
        Object v = get(path);
        if (v == null) return Map.of();
        return asMap(v, path);
    }

    public Map<String, Object> tree() {
        return root;
    }

    public String toYaml() {
        try {
            return YAML.writeValueAsString(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object o, String path) {
        if (!(o instanceof Map)) {
            throw new IllegalArgumentException("config key '" + path + "' must be a mapping, got '" + o + "'");
        }
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : m.entrySet()) out.put(String.valueOf(e.getKey()), copyValue(e.getValue()));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object v) {
        if (v instanceof Map<?, ?> m) return deepCopy((Map<String, Object>) m);
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(copyValue(o));
            return out;
        }
        return v;
    }
}
