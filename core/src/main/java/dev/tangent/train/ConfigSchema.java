package dev.tangent.train;

import dev.tangent.Limits;
import dev.tangent.nn.Activation;
import dev.tangent.nn.NetLayout;
import dev.tangent.nn.OutputBias;
import dev.tangent.nn.Parameterization;
import dev.tangent.ntk.KernelBlocks;
import dev.tangent.optim.Cutoff;
import dev.tangent.optim.LineSearchRule;
import dev.tangent.optim.MatrixFreeSettings;
import dev.tangent.pde.ConditionKind;
import dev.tangent.sampling.SamplerKind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Every config key with its type and allowed range, in one place. A value of the wrong type, an empty value, a
 * non-finite number, a non-integer or out-of-range integer, and an unknown key are errors that name the key, its
 * position in the file when known, the value and what is allowed; an unknown key also gets the closest allowed
 * one ("did you mean"). Rules that tie keys together are in {@link ConfigRules}.
 */
final class ConfigSchema {
    private ConfigSchema() {}

    /** What a key accepts. */
    sealed interface Node permits Text, Choice, Int, Num, Section, Free, ListOf, TextOr, Interval, DomainNode {}

    /** A non-empty scalar (a name, an expression; numbers are accepted as text). */
    record Text() implements Node {}

    /** A name that {@code parse} accepts (an enum's parse, which lists the allowed names when it refuses). */
    record Choice(Function<String, ?> parse) implements Node {}

    /** An integer in [min, max], further capped by a resource limit when one is given. */
    record Int(long min, long max, Limits limit) implements Node {}

    /** A finite number ≥ min. */
    record Num(double min) implements Node {}

    /** A mapping with these keys only. */
    record Section(Map<String, Node> keys) implements Node {}

    /** A mapping with free key names (group names, coordinates, parameters) whose values follow one rule. */
    record Free(Node values) implements Node {}

    /** A list of items (a single item is read as a list of one). */
    record ListOf(Node item) implements Node {}

    /** Either a name (a catalog problem, a weights kind) that follows {@code text}, or a mapping (a section or free keys). */
    record TextOr(Node text, Node section) implements Node {}

    /** A box as coordinate intervals ({x: [0, 1]}), or a shape ({shape: disk, ...}) checked by {@link DomainConfig}. */
    record DomainNode() implements Node {}

    /** [lo, hi] with finite lo < hi. */
    record Interval() implements Node {}

    private static final long INT = Integer.MAX_VALUE;
    private static final Text TEXT = new Text();
    private static final Num NUM = new Num(Double.NEGATIVE_INFINITY);
    private static final Num NON_NEGATIVE = new Num(0);
    private static final Int POINTS = new Int(1, INT, Limits.POINTS);
    private static final Choice WEIGHTS_KIND = new Choice(ConfigSchema::weightsKind);

    static final Section ROOT = section(
            "name", TEXT,
            "problem", new TextOr(TEXT, section(
                    "name", TEXT, "options", new Free(NUM), "domain", new DomainNode(), "time", new Interval(),
                    "equation", TEXT, "exact", new TextOr(TEXT, new Free(TEXT)), "parameters", new Free(NUM), "description", TEXT,
                    "unknowns", new Free(section("start", NUM, "bounds", new Interval())),
                    "interior_points", POINTS, "fields", new ListOf(TEXT), "equations", new ListOf(TEXT),
                    "conditions", new ListOf(section("kind", new Choice(ConditionKind::parse), "value", TEXT, "points", POINTS, "coord", TEXT,
                            "side", TEXT, "name", TEXT, "file", TEXT, "of", new ListOf(TEXT), "weight", NON_NEGATIVE, "field", new ListOf(TEXT), "boundary", new ListOf(TEXT),
                            "hard", new Choice(ConfigSchema::bool), "distance", TEXT)))),
            "net", section("widths", new ListOf(integer(1, INT)), "width", integer(1, INT), "depth", integer(1, INT),
                    "activation", new Choice(Activation::parse), "s", NUM, "parameterization", new Choice(Parameterization::parse),
                    "output_bias", new Choice(OutputBias::parse), "layout", new Choice(NetLayout::parse),
                    "fourier", section("features", integer(1, INT), "scale", NUM), "hard", new ListOf(TEXT),
                    "periodic", section("periods", new Free(NUM), "harmonics", integer(1, 1000))),
            "points", new Free(POINTS),
            "sampler", section("interior", new Choice(SamplerKind::parse), "conditions", new Choice(SamplerKind::parse),
                    "resample_every", integer(0, INT), "resample_by", new Choice(ConfigSchema::resampleBy), "residual_k", NUM,
                    "residual_c", NUM, "candidates", integer(1, 1000)),
            "optimizer", section("name", TEXT, "preset", TEXT, "lr", NUM, "beta1", NUM, "beta2", NUM,
                    "decay_rate", NUM, "decay_steps", integer(1, INT), "history", integer(1, INT), "cutoff", NUM,
                    "cutoff_kind", new Choice(Cutoff::parseKind), "cutoff_start", NUM, "line_search_steps", integer(0, INT),
                    "line_search", new Choice(LineSearchRule::parse),
                    "row_scaling", new Choice(dev.tangent.optim.RowScaling::parse), "form", TEXT,
                    "rcond", NUM, "solver", new Choice(MatrixFreeSettings::mode), "damping", NUM,
                    "memory_budget", NUM, "cg_tolerance", NUM, "cg_iterations", integer(1, INT), "preconditioner_rank", integer(0, INT), "accept_ratio", NUM, "acceleration", TEXT,
                    "accel_ratio", NUM, "warm_start", new Choice(Optimizers::warmStartKind), "warm_start_steps", integer(1, INT),
                    "warm_start_lr", NUM),
            "train", section("steps", integer(1, Long.MAX_VALUE), "time", NON_NEGATIVE, "eval_every", integer(1, INT),
                    "target_error", NON_NEGATIVE, "checkpoint_every", integer(0, INT)),
            "weights", new TextOr(WEIGHTS_KIND, section("kind", WEIGHTS_KIND, "every", integer(1, INT), "ema", NUM, "probes", integer(1, INT),
                    "sketch", integer(1, INT), "start", TEXT)),
            "ntk", section("every", integer(0, INT), "max_points", integer(1, INT), "steps", integer(0, INT),
                    "seeds", integer(1, INT), "drift_seeds", integer(1, INT), "lr", NUM, "measure_every", integer(1, INT),
                    "kernel", new Choice(KernelBlocks.Method::parse), "memory_mb", integer(1, KernelBlocks.MAX_MEMORY_MB)),
            "causal", section("epsilon", NUM, "bins", integer(2, 10000)),
            "time_marching", section("windows", integer(2, 10000), "tolerance", NUM),
            "seed", integer(Long.MIN_VALUE, Long.MAX_VALUE));

    /** How {@code sampler.resample_every} draws new points: afresh, or by the residual (RAD). */
    static String resampleBy(String k) {
        if (!k.equals("draw") && !k.equals("residual")) throw new IllegalArgumentException("unknown sampler.resample_by '" + k + "'; allowed: [draw, residual]");
        return k;
    }

    private static Boolean bool(String s) {
        if (s.equals("true") || s.equals("false")) return Boolean.valueOf(s);
        throw new IllegalArgumentException("must be true or false, got '" + s + "'");
    }

    private static String weightsKind(String k) {
        if (!LossWeighting.KINDS.contains(k)) throw new IllegalArgumentException("unknown weights kind '" + k + "'; allowed: " + LossWeighting.KINDS);
        return k;
    }

    /** Checks the whole tree; {@code where} maps key paths to their position in the file. */
    static void check(Map<String, Object> root, Map<String, String> where) {
        new Checker(where).section(root, ROOT, "");
        ConfigRules.check(root, where);
    }

    private static Section section(Object... pairs) {
        Map<String, Node> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) m.put((String) pairs[i], (Node) pairs[i + 1]);
        return new Section(m);
    }

    private static Int integer(long min, long max) {
        return new Int(min, max, null);
    }

    /** The closest allowed name by edit distance, or null when none is close. */
    static String closest(String given, Iterable<String> allowed) {
        LevenshteinDistance lev = LevenshteinDistance.getDefaultInstance();
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (String a : allowed) {
            int d = lev.apply(given.toLowerCase(java.util.Locale.ROOT), a);
            // on a tie prefer the name whose length is closer (widht: width rather than widths)
            if (d < bestD || (d == bestD && Math.abs(a.length() - given.length()) < Math.abs(best.length() - given.length()))) {
                bestD = d;
                best = a;
            }
        }
        return best != null && bestD <= Math.max(2, given.length() / 3) ? best : null;
    }

    /** Walks the tree against the schema. */
    private record Checker(Map<String, String> where) {
        void check(Object v, Node node, String path) {
            if (v == null) throw fail(path, "is empty; give a value or remove the key");
            if (node instanceof Text) {
                if (v instanceof Map || v instanceof List) throw fail(path, "must be a single value, got " + show(v));
            } else if (node instanceof Choice c) {
                if (v instanceof Map || v instanceof List) throw fail(path, "must be a single name, got " + show(v));
                try {
                    c.parse().apply(v.toString());
                } catch (IllegalArgumentException e) {
                    throw fail(path, "is invalid: " + e.getMessage());
                }
            } else if (node instanceof Int i) {
                integer(v, i, path);
            } else if (node instanceof Num n) {
                number(v, n, path);
            } else if (node instanceof Section s) {
                section(mapping(v, path), s, path);
            } else if (node instanceof Free f) {
                mapping(v, path).forEach((k, x) -> check(x, f.values(), path + "." + k));
            } else if (node instanceof ListOf l) {
                List<?> items = v instanceof List<?> list ? list : List.of(v);
                for (int k = 0; k < items.size(); k++) check(items.get(k), l.item(), path + "[" + k + "]");
            } else if (node instanceof TextOr t) {
                if (v instanceof List) throw fail(path, "must be a name or a mapping of keys, got " + show(v));
                if (v instanceof Map<?, ?>) check(v, t.section(), path);
                else check(v, t.text(), path);
            } else if (node instanceof DomainNode) {
                if (DomainConfig.isShape(v)) {
                    try {
                        DomainConfig.domain(mapping(v, path), null, path);
                    } catch (IllegalArgumentException e) {
                        String msg = String.valueOf(e.getMessage());
                        throw new IllegalArgumentException(msg.startsWith("config key") ? msg : "config key '" + path + "'" + at(path) + ": " + msg);
                    }
                } else {
                    mapping(v, path).forEach((k, x) -> interval(x, path + "." + k));
                }
            } else {
                interval(v, path);
            }
        }

        void section(Map<String, Object> m, Section s, String path) {
            for (Map.Entry<String, Object> e : m.entrySet()) {
                String key = e.getKey();
                String full = path.isEmpty() ? key : path + "." + key;
                Node node = s.keys().get(key);
                if (node == null) {
                    String near = closest(key, s.keys().keySet());
                    throw new IllegalArgumentException("unknown config key '" + full + "'" + at(full)
                            + (near != null ? "; did you mean '" + near + "'?" : "") + " allowed"
                            + (path.isEmpty() ? "" : " in " + path) + ": " + new TreeSet<>(s.keys().keySet()));
                }
                check(e.getValue(), node, full);
            }
        }

        @SuppressWarnings("unchecked")
        Map<String, Object> mapping(Object v, String path) {
            if (!(v instanceof Map)) throw fail(path, "must be a mapping of keys, got " + show(v));
            return (Map<String, Object>) v;
        }

        void integer(Object v, Int rule, String path) {
            BigDecimal d = decimal(v);
            String range = rule.max() == Long.MAX_VALUE ? (rule.min() == Long.MIN_VALUE ? "an integer" : "an integer >= " + rule.min())
                    : "an integer in [" + rule.min() + ", " + rule.max() + "]";
            if (d == null || d.stripTrailingZeros().scale() > 0) throw fail(path, "must be " + range + ", got " + show(v));
            BigInteger n = d.toBigIntegerExact();
            if (n.compareTo(BigInteger.valueOf(rule.min())) < 0 || n.compareTo(BigInteger.valueOf(rule.max())) > 0) {
                throw fail(path, "must be " + range + ", got " + n);
            }
            if (rule.limit() != null) rule.limit().check(n.longValue(), "config key '" + path + "'" + at(path));
        }

        void number(Object v, Num rule, String path) {
            BigDecimal d = decimal(v);
            if (d == null) {
                Double x = numeric(v);
                if (x != null) throw fail(path, "must be a finite number, got " + x);
                throw fail(path, "must be a number, got " + show(v));
            }
            if (d.doubleValue() < rule.min()) throw fail(path, "must be a number >= " + fmt(rule.min()) + ", got " + show(v));
        }

        void interval(Object v, String path) {
            if (!(v instanceof List<?> l) || l.size() != 2) throw fail(path, "must be an interval [lo, hi], got " + show(v));
            number(l.get(0), NUM, path + "[0]");
            number(l.get(1), NUM, path + "[1]");
            if (!(decimal(l.get(0)).compareTo(decimal(l.get(1))) < 0)) throw fail(path, "needs lo < hi, got " + show(v));
        }

        IllegalArgumentException fail(String path, String what) {
            return new IllegalArgumentException("config key '" + path + "'" + at(path) + " " + what);
        }

        String at(String path) {
            String w = where.get(path);
            return w == null ? "" : " (" + w + ")";
        }
    }

    /** The exact value of a finite number (or numeric text), else null. */
    static BigDecimal decimal(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) return BigDecimal.valueOf(((Number) v).longValue());
        if (v instanceof BigInteger b) return new BigDecimal(b);
        if (v instanceof BigDecimal b) return b;
        Double x = numeric(v);
        return x != null && Double.isFinite(x) ? new BigDecimal(x) : null;
    }

    /** A number, or text written as one (also NaN, .nan, inf, Infinity); null for anything else. */
    static Double numeric(Object v) {
        if (v instanceof Number n) return n.doubleValue();
        if (!(v instanceof String str)) return null;
        String s = str.trim();
        if (s.matches("(?i)[-+]?\\.?nan")) return Double.NaN;
        if (s.matches("(?i)[-+]?\\.?inf(inity)?")) return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        if (!s.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) return null;
        return Double.parseDouble(s);
    }

    static String show(Object v) {
        String s = v instanceof String str ? "'" + str + "'" : v instanceof Map ? "a mapping " + v : v instanceof List ? "a list " + v : String.valueOf(v);
        return s.length() > 80 ? s.substring(0, 77) + "..." : s;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
