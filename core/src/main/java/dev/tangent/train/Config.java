package dev.tangent.train;

import dev.tangent.io.StrictYaml;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run configuration as a nested key tree (what the YAML file holds), validated against {@link ConfigSchema}
 * whenever it is read or changed: unknown, duplicate, empty or mistyped keys are errors naming the key (with line
 * and column for YAML). Dotted paths ({@code net.widths}) address nested keys, which is how CLI flags and sweeps
 * override values.
 */
public final class Config {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private final Map<String, Object> root;
    /** Where each key path was written ("line 3, column 5"), for keys read from YAML. */
    private final Map<String, String> where;

    private Config(Map<String, Object> root, Map<String, String> where) {
        this.root = root;
        this.where = where;
    }

    public static Config empty() {
        return new Config(new LinkedHashMap<>(), new HashMap<>());
    }

    public static Config load(Path file) {
        return of(StrictYaml.read(file, "config"), "config " + file);
    }

    public static Config parse(String yaml) {
        return of(StrictYaml.read(yaml, "config"), "config");
    }

    private static Config of(StrictYaml.Tree tree, String source) {
        Object t = tree.root();
        if (t == null) t = new LinkedHashMap<>();
        if (!(t instanceof Map)) throw new IllegalArgumentException(source + " must be a mapping of keys, got " + ConfigSchema.show(t));
        Config c = new Config(deepCopy(asMap(t, "")), new HashMap<>(tree.locations()));
        c.validate();
        return c;
    }

    public Config copy() {
        return new Config(deepCopy(root), new HashMap<>(where));
    }

    /** Checks every key against the schema and the rules between keys. */
    public void validate() {
        ConfigSchema.check(root, where);
    }

    /**
     * Applies {@code KEY=VALUE} settings in order (the {@code --set} flag of every command, and study overrides): the
     * value is read as YAML ({@code 1e-2}, {@code [16, 16]}, {@code true}) and the key checked like a key of the file.
     * Errors name the setting as given.
     */
    public Config setAll(List<String> settings) {
        if (settings == null) return this;
        for (String kv : settings) {
            int eq = kv.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("--set takes KEY=VALUE (e.g. optimizer.damping=1e-2), got '" + kv + "'");
            String key = kv.substring(0, eq).trim();
            Object value = StrictYaml.read(kv.substring(eq + 1), "--set " + key).root();
            try {
                set(key, value == null ? "" : value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--set " + kv + ": " + e.getMessage());
            }
        }
        return this;
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
        where.keySet().removeIf(k -> k.equals(path) || k.startsWith(path + ".") || k.startsWith(path + "["));
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

    /**
     * The key's text read by {@code parser} (an enum's parse), or the fallback when the key is absent; a rejected
     * value is an error that names the key and where it was written.
     */
    public <T> T parsed(String path, java.util.function.Function<String, T> parser, T fallback) {
        Object v = get(path);
        if (v == null) return fallback;
        try {
            return parser.apply(v.toString());
        } catch (IllegalArgumentException e) {
            String w = where.get(path);
            throw new IllegalArgumentException("config key '" + path + "'" + (w == null ? "" : " (" + w + ")") + ": " + e.getMessage());
        }
    }

    /** A finite number, or the fallback when the key is absent. */
    public double number(String path, double fallback) {
        Object v = get(path);
        if (v == null) return fallback;
        Double d = ConfigSchema.numeric(v);
        if (d == null) throw new IllegalArgumentException("config key '" + path + "' must be a number, got " + ConfigSchema.show(v));
        if (!Double.isFinite(d)) throw new IllegalArgumentException("config key '" + path + "' must be a finite number, got " + d);
        return d;
    }

    /** An integer that fits a long, or the fallback when the key is absent. */
    public long integer(String path, long fallback) {
        Object v = get(path);
        if (v == null) return fallback;
        java.math.BigDecimal d = ConfigSchema.decimal(v);
        if (d == null || d.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("config key '" + path + "' must be an integer, got " + ConfigSchema.show(v));
        }
        try {
            return d.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("config key '" + path + "' must be an integer in [" + Long.MIN_VALUE + ", "
                    + Long.MAX_VALUE + "], got " + d.toBigInteger());
        }
    }

    /** An integer in [min, max], or the fallback when the key is absent. */
    public int integer(String path, int fallback, int min, int max) {
        long v = integer(path, fallback);
        if (v < min || v > max) {
            throw new IllegalArgumentException("config key '" + path + "' must be an integer in [" + min + ", " + max + "], got " + v);
        }
        return (int) v;
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
            throw new IllegalArgumentException("config key '" + path + "' must be a mapping of keys, got " + ConfigSchema.show(o));
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
