package dev.tangent.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of malformed `tangent train` inputs, one family per class of invalid input in issue #16: each case is a
 * config file (bytes), extra flags, and the text the error must contain (the field it names).
 */
final class MalformedInputs {
    private MalformedInputs() {}

    /** A config file, extra CLI flags, and what the error message must name. */
    record Case(String family, byte[] config, List<String> flags, List<String> expected) {
        static Case of(String family, String yaml, String... expected) {
            return new Case(family, yaml.getBytes(StandardCharsets.UTF_8), List.of(), List.of(expected));
        }

        @Override
        public String toString() {
            return family + " " + flags + " expecting " + expected + ":\n" + new String(config, StandardCharsets.UTF_8);
        }
    }

    /** Typed keys outside the problem section: path and type. */
    private static final String[][] KEYS = {
            {"seed", "long"}, {"name", "text"}, {"net.width", "pos"}, {"net.depth", "pos"}, {"net.s", "num"},
            {"net.activation", "text"}, {"points.pde", "pos"}, {"sampler.resample_every", "nonneg"},
            {"sampler.interior", "text"}, {"optimizer.lr", "num"}, {"optimizer.cutoff", "num"}, {"optimizer.history", "pos"},
            {"optimizer.name", "text"}, {"train.steps", "poslong"}, {"train.time", "nonnegnum"},
            {"train.eval_every", "pos"}, {"train.target_error", "nonnegnum"}, {"train.checkpoint_every", "nonneg"},
            {"weights.every", "pos"}, {"weights.ema", "num"}, {"ntk.every", "nonneg"}, {"ntk.max_points", "pos"},
            {"net", "section"}, {"train", "section"}, {"optimizer", "section"}, {"sampler", "section"}, {"ntk", "section"}};
    private static final String[] SECTIONS = {"net", "train", "optimizer", "sampler", "ntk", "weights", "points"};

    static Arbitrary<Case> all() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, badValue()), Tuple.of(4, unknownKey()), Tuple.of(2, duplicate()), Tuple.of(1, conflict()),
                Tuple.of(2, shadowing()), Tuple.of(3, badEquation()), Tuple.of(2, yamlSyntax()), Tuple.of(1, badBytes()),
                Tuple.of(1, huge()), Tuple.of(2, badFlag()), Tuple.of(2, badProblem()));
    }

    /** A value of the wrong type, a non-integer, out of range, non-finite or empty, at a typed key. */
    static Arbitrary<Case> badValue() {
        return Combinators.combine(Arbitraries.of(KEYS), Arbitraries.integers().between(0, 99), Arbitraries.longs())
                .as((key, pick, seed) -> {
                    List<String> bad = badValuesFor(key[1]);
                    String v = bad.get(pick % bad.size());
                    String prefix = key[0].equals("seed") ? "name: fuzz\n" : "seed: " + seed + "\n";
                    return Case.of("bad-value", prefix + nest(key[0], v), key[0]);
                });
    }

    private static List<String> badValuesFor(String type) {
        List<String> empty = List.of("", "~", "''");
        List<String> structures = List.of("[1, 2]", "{a: 1}");
        List<String> out = new ArrayList<>(empty);
        switch (type) {
            case "pos", "nonneg", "poslong", "long" -> {
                out.addAll(structures);
                out.addAll(List.of("1.5", "2.000001", "abc", "true", ".nan", ".inf", "-.inf", "NaN", "1e400", "99999999999999999999"));
                if (!type.equals("long")) out.addAll(List.of("-3", "-9223372036854775808"));
                if (type.equals("pos") || type.equals("poslong")) out.add("0");
                if (type.equals("pos") || type.equals("nonneg")) out.addAll(List.of("2147483648", "4294967296"));
            }
            case "num", "nonnegnum" -> {
                out.addAll(structures);
                out.addAll(List.of("abc", "true", ".nan", ".NaN", ".inf", "-.inf", "NaN", "Infinity", "-Infinity", "1e400", "1.0.0"));
                if (type.equals("nonnegnum")) out.addAll(List.of("-1", "-1e-300"));
            }
            case "section" -> out.addAll(List.of("fast", "[1, 2]", "5", "true"));
            default -> out.addAll(structures);
        }
        return out;
    }

    /** A misspelt key: the error names it (and suggests the closest allowed key). */
    static Arbitrary<Case> unknownKey() {
        return Combinators.combine(Arbitraries.of(KEYS), Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 50))
                .as((key, kind, at) -> {
                    String[] parts = key[0].split("\\.");
                    String last = parts[parts.length - 1];
                    int i = at % last.length();
                    String typo = switch (kind) {
                        case 0 -> last.substring(0, i) + last.substring(i + 1) + (last.length() == 1 ? "q" : "");
                        case 1 -> last.substring(0, i) + "z" + last.substring(i);
                        case 2 -> last + "s_";
                        case 3 -> "x" + last;
                        default -> last.toUpperCase() + "_";
                    };
                    if (typo.equals(last) || typo.equals("widths") || typo.equals("width")) typo = last + "zz";
                    String path = parts.length == 1 ? typo : parts[0] + "." + typo;
                    if (parts[0].equals("points")) return Case.of("unknown-key", "pointz:\n  pde: 10\n", "pointz");
                    return Case.of("unknown-key", nest(path, "1"), "unknown config key '" + path + "'");
                });
    }

    static Arbitrary<Case> duplicate() {
        return Combinators.combine(Arbitraries.of(SECTIONS), Arbitraries.integers().between(1, 1000)).as((section, n) ->
                n % 2 == 0 ? Case.of("duplicate", section + ":\n  " + leaf(section) + ": " + n + "\n  " + leaf(section) + ": " + (n + 1) + "\n",
                        section + "." + leaf(section), "twice")
                        : Case.of("duplicate", "seed: " + n + "\n" + section + ": {}\n" + section + ": {}\n", "'" + section + "'", "twice"));
    }

    private static String leaf(String section) {
        return switch (section) {
            case "net" -> "width";
            case "train" -> "steps";
            case "optimizer" -> "lr";
            case "sampler" -> "resample_every";
            case "points" -> "pde";
            default -> "every";
        };
    }

    static Arbitrary<Case> conflict() {
        return Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.of("width", "depth"), Arbitraries.integers().between(1, 3))
                .as((w, key, d) -> Case.of("conflict", "net:\n  widths: [" + w + ", " + w + "]\n  " + key + ": " + d + "\n", "net.widths", "net." + key));
    }

    private static final String TEXT_PROBLEM = "problem:\n  domain: {x: [0, 1]}\n%s  equation: \"%s\"\n%s";

    static Arbitrary<Case> shadowing() {
        return Combinators.combine(Arbitraries.of("x", "t", "u", "u_x", "u_xx", "pi", "e", "sin", "exp", "1a", "a-b"), Arbitraries.of(true, false))
                .as((name, timeDependent) -> {
                    boolean time = timeDependent || name.equals("t"); // t is a coordinate only with problem.time
                    String p = String.format(TEXT_PROBLEM, time ? "  time: [0, 1]\n" : "", "u_xx = k", "  parameters: {k: 1, '" + name + "': 2}\n");
                    return Case.of("shadowing", p, "problem.parameters." + name);
                });
    }

    static Arbitrary<Case> badEquation() {
        Arbitrary<String> fixed = Arbitraries.of("u_xx + 0/0 = 0", "u_xx = 1/0", "u_xx = log(-1)", "u_xx = sqrt(-4)", "u_xx = (-8)^(1/3)",
                "u_xx = 1e999", "u_xx = exp(1000)", "u_xx = 10^400", "u_xx + v = 0", "u_yy = 0", "u_xxxxx = 0", "sin = 0",
                "u_xx = foo(x)", "u_xx +", "= u", "u_xx == 0", "u_xx = = 0", "u_xx 3", "*u", "u_xx = 0 = 1", "u_xx & 2", "u_xx ^",
                "1..2", "u_xx = 1.2.3", "u_xx = sin", "u_xx)", "(u_xx", "u_xx = ()", "u_xx = log()", "u_xx = u_");
        Arbitrary<String> deep = Arbitraries.integers().between(201, 1500).map(n -> "(".repeat(n) + "u_xx" + ")".repeat(n) + " = 1");
        Arbitrary<String> signs = Arbitraries.integers().between(201, 1500).map(n -> "-".repeat(n) + "u_xx = 1");
        Arbitrary<String> powers = Arbitraries.integers().between(201, 1000).map(n -> "u_xx = " + "u^".repeat(n) + "2");
        Arbitrary<String> chain = Arbitraries.integers().between(201, 1000).map(n -> "u_xx" + " + u".repeat(n) + " = 0");
        Arbitrary<String> longText = Arbitraries.integers().between(10_001, 12_000).map(n -> "u_xx = " + "1".repeat(n));
        return Arbitraries.oneOf(fixed, deep, signs, powers, chain, longText)
                .map(eq -> Case.of("equation", String.format(TEXT_PROBLEM, "", eq, ""), "problem.equation"));
    }

    static Arbitrary<Case> yamlSyntax() {
        return Arbitraries.of("net: {widths: [3", "train: {steps: 5", "name: 'abc", "net:\n\twidth: 3\n", "net:\n  width: 3\n widths: [2]\n",
                "train: {steps: 5}}", "a: b: c", "[unclosed", "? [a, b]\n: c\n", "net: &a {width: 3}\n", "seed: *nothing\n",
                "seed: 1\n---\nseed: 2\n", "name: \"abc\n", "net: {width: 3,,}", "train:\n  - steps: 3\n - x\n")
                .map(y -> Case.of("yaml-syntax", y, "line"));
    }

    static Arbitrary<Case> badBytes() {
        return Combinators.combine(Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF}, new byte[] {(byte) 0x80},
                new byte[] {(byte) 0xE2, (byte) 0x82}, new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C, (byte) 0x28}, new byte[] {1}, new byte[] {0}),
                Arbitraries.integers().between(0, 20)).as((bad, at) -> {
                    byte[] base = "name: abc\nseed: 3\n".getBytes(StandardCharsets.UTF_8);
                    int pos = Math.min(at, base.length);
                    byte[] out = new byte[base.length + bad.length];
                    System.arraycopy(base, 0, out, 0, pos);
                    System.arraycopy(bad, 0, out, pos, bad.length);
                    System.arraycopy(base, pos, out, pos + bad.length, base.length - pos);
                    return new Case("bytes", out, List.of(), List.of("line"));
                });
    }

    static Arbitrary<Case> huge() {
        return Arbitraries.of(
                Case.of("huge", "net: {widths: [1000000000000]}\n", "net.widths[0]"),
                Case.of("huge", "net: {widths: [100000, 100000]}\n", "tangent.limit.parameters"),
                Case.of("huge", "net: {width: 1000000000}\n", "net.width"),
                Case.of("huge", "net: {width: 3000, depth: 100000}\n", "net.width", "net.depth"),
                Case.of("huge", "points: {pde: 100000000}\n", "points.pde", "tangent.limit.points"),
                Case.of("huge", "points: {pde: 100}\nnet: {width: 2000, depth: 2}\n", "tangent.limit.cells"),
                Case.of("huge", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  interior_points: 2147483648\n"), "problem.interior_points"),
                Case.of("huge", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet, points: 99999999999}]\n"), "problem.conditions[0].points"));
    }

    static Arbitrary<Case> badFlag() {
        return Arbitraries.of(new String[][] {{"--width", "-5"}, {"--width", "0"}, {"--depth", "0"}, {"--depth", "-1"}, {"--steps", "0"},
                {"--steps", "-7"}, {"--points", "0"}, {"--points", "-2"}, {"--points", "20000000"}, {"--eval-every", "0"}, {"--ntk-every", "-1"},
                {"--cutoff", "NaN"}, {"--cutoff", "Infinity"}, {"--cutoff", "-Infinity"}, {"--time", "-1"}, {"--time", "NaN"},
                {"--target-error", "-1"}, {"--target-error", "NaN"}, {"--s", "NaN"}, {"--lr", "NaN"}, {"--width", "abc"}, {"--width", "1.5"},
                {"--seed", "1e3"}, {"--steps", "99999999999999999999"}, {"--width", "1000000000"}})
                .map(f -> new Case("flag", "seed: 1\n".getBytes(StandardCharsets.UTF_8), List.of(f[0], f[1]),
                        // a width that passes the flag's own check is refused by the parameter limit, which names the key
                        List.of(f[1].equals("1000000000") ? "net.width" : f[0])));
    }

    static Arbitrary<Case> badProblem() {
        return Arbitraries.of(
                Case.of("problem", "problem: {name: laplace2d, domain: {x: [0, 1]}}\n", "problem.domain"),
                Case.of("problem", "problem: {name: laplace2d, interior_points: 10}\n", "problem.interior_points"),
                Case.of("problem", String.format(TEXT_PROBLEM, "  name: mine\n", "u_xx = 0", ""), "problem.name"),
                Case.of("problem", "problem: {options: {a: 2}}\n", "problem"),
                Case.of("problem", "problem: nosuchproblem\n", "problem", "nosuchproblem"),
                Case.of("problem", "problem: {name: poisson1d, options: {b: 2}}\n", "problem", "'b'"),
                Case.of("problem", "problem: {name: poisson1d, options: {a: .nan}}\n", "problem.options.a"),
                Case.of("problem", "points: {boundry: 10}\n", "points", "boundry"),
                Case.of("problem", "sampler: {interior: nope}\n", "sampler.interior"),
                Case.of("problem", "net: {activation: relu}\n", "net.activation"),
                Case.of("problem", "problem:\n  domain: {x: [1, 0]}\n  equation: \"u_xx = 0\"\n", "problem.domain.x"),
                Case.of("problem", "problem:\n  domain: {x: [0]}\n  equation: \"u_xx = 0\"\n", "problem.domain.x"),
                Case.of("problem", "problem:\n  domain: {x: [0, .inf]}\n  equation: \"u_xx = 0\"\n", "problem.domain.x"),
                Case.of("problem", "problem:\n  domain: {x: [0, 1], xx: [0, 1]}\n  equation: \"u_xx = 0\"\n", "problem.domain"),
                Case.of("problem", "problem:\n  domain: {}\n  equation: \"u_xx = 0\"\n", "problem.domain"),
                Case.of("problem", "problem:\n  domain: {x: [0, 1]}\n  time: [1, 1]\n  equation: \"u_t = u_xx\"\n", "problem.time"),
                Case.of("problem", "problem:\n  domain: {x: [0, 1]}\n  exact: \"log(-1)\"\n  equation: \"u_xx = 0\"\n", "problem.exact"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet, valu: 1}]\n"), "problem.conditions[0].valu"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: robin}]\n"), "problem.conditions[0]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet, coord: y}]\n"), "problem.conditions[0]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet, side: hi}]\n"), "problem.conditions[0]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: periodic, coord: x, value: 1}]\n"), "problem.conditions[0]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet}, {kind: dirichlet}]\n"), "problem.conditions[1]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [{kind: dirichlet, value: \"1/0\"}]\n"), "problem.conditions[0]"),
                Case.of("problem", String.format(TEXT_PROBLEM, "", "u_xx = 0", "  conditions: [5]\n"), "problem.conditions[0]"));
    }

    /** A dotted path as nested YAML with the value at the leaf. */
    static String nest(String path, String value) {
        String[] parts = path.split("\\.");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            sb.append("  ".repeat(i)).append(parts[i]).append(':');
            if (i < parts.length - 1) sb.append('\n');
        }
        return sb.append(value.isEmpty() ? "" : " " + value).append('\n').toString();
    }
}
