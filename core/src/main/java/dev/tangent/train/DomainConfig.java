package dev.tangent.train;

import dev.tangent.pde.Domain;
import dev.tangent.pde.geometry.PointCloud;
import dev.tangent.pde.geometry.PointCsv;
import dev.tangent.pde.geometry.Shape;
import dev.tangent.pde.geometry.Shapes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code problem.domain} with a {@code shape:} key: {@code {shape: disk, center: [0, 0], radius: 1}}, annulus,
 * polygon, ball, box, union / intersection / difference of {@code shapes: [...]}, or {@code points} (CSV files).
 * Any shape may carry {@code name:} (renames its boundary parts); the outermost may carry {@code coords:}.
 * Errors name the full key path (problem.domain.shapes[1].radius) and the value.
 */
final class DomainConfig {
    private DomainConfig() {}

    static final List<String> SHAPES = List.of("box", "disk", "annulus", "ball", "polygon", "union", "intersection",
            "difference", "points");

    private static final Map<String, Set<String>> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("box", Set.of("lo", "hi"));
        KEYS.put("disk", Set.of("center", "radius"));
        KEYS.put("annulus", Set.of("center", "inner_radius", "outer_radius"));
        KEYS.put("ball", Set.of("center", "radius"));
        KEYS.put("polygon", Set.of("vertices"));
        KEYS.put("union", Set.of("shapes"));
        KEYS.put("intersection", Set.of("shapes"));
        KEYS.put("difference", Set.of("shapes"));
        KEYS.put("points", Set.of("interior", "boundary"));
    }

    static boolean isShape(Object domain) {
        return domain instanceof Map<?, ?> m && m.containsKey("shape");
    }

    /** The domain: the shape, with a time axis when {@code time} is not null. */
    static Domain domain(Map<String, Object> m, double[] time, String path) {
        String[] coords = coordinates(m, path);
        Shape s = shape(m, path, coords, true);
        if (s.dim() != coords.length) {
            throw new IllegalArgumentException("config key '" + path + ".coords': " + coords.length + " names for a "
                    + s.dim() + "-dimensional shape");
        }
        return time == null ? Domain.of(s, coords) : Domain.spaceTime(time[0], time[1], s, coords);
    }

    /** Coordinate names: {@code coords:} or x, y (, z) by the shape's dimension. */
    static String[] coordinates(Map<?, ?> m, String path) {
        if (m.get("coords") instanceof List<?> l) return l.stream().map(String::valueOf).toArray(String[]::new);
        if (m.containsKey("coords")) throw new IllegalArgumentException("config key '" + path + ".coords' must be a list of names, got " + m.get("coords"));
        return Shapes.coords(dimension(m));
    }

    private static int dimension(Map<?, ?> m) {
        for (String k : List.of("center", "lo", "hi")) if (m.get(k) instanceof List<?> l) return l.size();
        if (m.get("shapes") instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Map<?, ?> first) return dimension(first);
        return 2;
    }

    @SuppressWarnings("unchecked")
    private static Shape shape(Map<String, Object> m, String path, String[] coords, boolean outer) {
        String kind = String.valueOf(m.get("shape"));
        if (!KEYS.containsKey(kind)) {
            throw new IllegalArgumentException("config key '" + path + ".shape': unknown shape '" + kind + "'; allowed: " + SHAPES);
        }
        Set<String> allowed = new TreeSet<>(KEYS.get(kind));
        allowed.add("shape");
        allowed.add("name");
        if (outer) allowed.add("coords");
        for (String k : m.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException("config key '" + path + "." + k + "': does not apply to a " + kind
                        + (k.equals("coords") ? " inside a combination (give coords on the outermost shape)" : "") + "; allowed: " + allowed);
            }
        }
        for (String k : KEYS.get(kind)) {
            if (!m.containsKey(k)) throw new IllegalArgumentException("config key '" + path + "." + k + "' is missing; a " + kind + " needs " + KEYS.get(kind));
        }
        Shape s;
        try {
            s = switch (kind) {
                case "box" -> new dev.tangent.pde.geometry.Box(vector(m, "lo", path), vector(m, "hi", path), coords);
                case "disk" -> {
                    double[] c = vector(m, "center", path);
                    if (c.length != 2) throw new IllegalArgumentException("center: a disk has a 2D center, got " + m.get("center") + " (use ball in 3D)");
                    yield Shapes.ball(c, number(m, "radius", path));
                }
                case "ball" -> Shapes.ball(vector(m, "center", path), number(m, "radius", path));
                case "annulus" -> Shapes.annulus(vector(m, "center", path), number(m, "inner_radius", path), number(m, "outer_radius", path));
                case "polygon" -> Shapes.polygon(vertices(m.get("vertices"), path + ".vertices"));
                case "points" -> points(m, path, coords);
                default -> combination(kind, m, path, coords);
            };
        } catch (IllegalArgumentException e) {
            throw located(e, path, m.keySet());
        }
        return m.containsKey("name") ? Shapes.named(s, String.valueOf(m.get("name"))) : s;
    }

    @SuppressWarnings("unchecked")
    private static Shape combination(String kind, Map<String, Object> m, String path, String[] coords) {
        if (!(m.get("shapes") instanceof List<?> l) || l.size() < 2) {
            throw new IllegalArgumentException("config key '" + path + ".shapes': a " + kind + " needs a list of at least two shapes, got " + m.get("shapes"));
        }
        Shape[] parts = new Shape[l.size()];
        for (int i = 0; i < l.size(); i++) {
            String p = path + ".shapes[" + i + "]";
            if (!(l.get(i) instanceof Map<?, ?> sub) || !sub.containsKey("shape")) {
                throw new IllegalArgumentException("config key '" + p + "': must be a shape mapping with a shape: key, got " + l.get(i));
            }
            parts[i] = shape((Map<String, Object>) sub, p, coords, false);
        }
        Shape[] rest = java.util.Arrays.copyOfRange(parts, 1, parts.length);
        try {
            return switch (kind) {
                case "union" -> Shapes.union(parts[0], rest);
                case "intersection" -> Shapes.intersection(parts[0], rest);
                default -> Shapes.difference(parts[0], rest);
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("config key '" + path + "': " + e.getMessage());
        }
    }

    private static Shape points(Map<String, Object> m, String path, String[] coords) {
        PointCsv.Table in = PointCsv.read(Path.of(String.valueOf(m.get("interior"))), coords, false);
        PointCsv.Table b = PointCsv.read(Path.of(String.valueOf(m.get("boundary"))), coords, true);
        return new PointCloud(coords.length, in.points(), b.points(), b.normals(), b.labels());
    }

    /** "radius: must be …" from a shape becomes "config key 'path.radius': must be …". */
    private static IllegalArgumentException located(IllegalArgumentException e, String path, Set<String> keys) {
        String msg = String.valueOf(e.getMessage());
        if (msg.startsWith("config key")) return e;
        int colon = msg.indexOf(':');
        if (colon > 0) {
            String key = msg.substring(0, colon);
            String base = key.replaceAll("\\[\\d+]$", "");
            if (keys.contains(base) || keys.contains(key)) {
                return new IllegalArgumentException("config key '" + path + "." + key + "':" + msg.substring(colon + 1));
            }
        }
        return new IllegalArgumentException("config key '" + path + "': " + msg);
    }

    private static double number(Map<String, Object> m, String key, String path) {
        return ProblemFactory.toDouble(m.get(key), "config key '" + path + "." + key + "'");
    }

    private static double[] vector(Map<String, Object> m, String key, String path) {
        Object o = m.get(key);
        String p = "config key '" + path + "." + key + "'";
        if (!(o instanceof List<?> l) || l.isEmpty()) throw new IllegalArgumentException(p + " must be a list of numbers like [0, 0], got " + o);
        double[] v = new double[l.size()];
        for (int i = 0; i < v.length; i++) v[i] = ProblemFactory.toDouble(l.get(i), p + "[" + i + "]");
        return v;
    }

    private static double[][] vertices(Object o, String path) {
        if (!(o instanceof List<?> l)) throw new IllegalArgumentException("config key '" + path + "' must be a list of points [[x, y], ...], got " + o);
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < l.size(); i++) {
            if (!(l.get(i) instanceof List<?> p) || p.size() != 2) {
                throw new IllegalArgumentException("config key '" + path + "[" + i + "]' must be a point [x, y], got " + l.get(i));
            }
            out.add(new double[] {ProblemFactory.toDouble(p.get(0), path + "[" + i + "][0]"), ProblemFactory.toDouble(p.get(1), path + "[" + i + "][1]")});
        }
        return out.toArray(double[][]::new);
    }
}
