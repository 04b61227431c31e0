package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each class of invalid config from issue #16, with the exact field, value and position the error must name. */
class ConfigValidationTest {
    @TempDir
    Path tmp;

    static String error(String yaml) {
        return assertThrows(IllegalArgumentException.class, () -> Config.parse(yaml)).getMessage();
    }

    static void contains(String message, String... parts) {
        for (String p : parts) assertTrue(message.contains(p), "'" + p + "' missing from: " + message);
    }

    @Test
    void widthWithWidthsIsAConflictNamingBoth() {
        contains(error("net: {widths: [32], width: 16}"), "'net.widths' (line 1, column 7)", "'net.width' (line 1, column 21)", "conflict");
        contains(error("net:\n  depth: 2\n  widths: [4]\n"), "net.widths", "net.depth");
        var fromFlag = assertThrows(IllegalArgumentException.class, () -> Config.parse("net: {widths: [8]}").set("net.width", 16));
        contains(fromFlag.getMessage(), "net.widths", "net.width");
    }

    @Test
    void duplicateKeysAreRejected() {
        contains(error("train: {steps: 5}\ntrain: {steps: 6}\n"), "config key 'train' is given twice", "line 2");
        contains(error("train:\n  steps: 5\n  steps: 6\n"), "config key 'train.steps' is given twice", "line 3");
    }

    @Test
    void wrongTypesNameTheKey() {
        contains(error("net: [1, 2]"), "config key 'net' (line 1, column 1) must be a mapping of keys, got a list [1, 2]");
        contains(error("train: fast"), "config key 'train' (line 1, column 1) must be a mapping of keys, got 'fast'");
        contains(error("seed: [1]"), "config key 'seed'", "must be an integer");
        contains(error("optimizer: {name: {a: 1}}"), "config key 'optimizer.name'", "single value");
    }

    @Test
    void integersRejectFractionsAndOutOfRangeValues() {
        contains(error("points: {pde: 1.9}"), "config key 'points.pde' (line 1, column 10) must be an integer in [1, 2147483647], got 1.9");
        contains(error("points: {pde: 2147483648}"), "'points.pde'", "[1, 2147483647]", "got 2147483648");
        contains(error("problem:\n  domain: {x: [0, 1]}\n  equation: \"u_xx = 0\"\n  interior_points: 2147483648\n"),
                "'problem.interior_points' (line 4", "got 2147483648");
        contains(error("seed: 99999999999999999999"), "'seed'", "got 99999999999999999999");
        contains(error("train: {steps: 0}"), "'train.steps'", ">= 1", "got 0");
        assertEquals(3, Config.parse("points: {pde: 3.0}").integer("points.pde", 0, 1, 10), "an integral float is an integer");
    }

    @Test
    void nonFiniteNumbersNameTheField() {
        contains(error("optimizer: {name: adam, lr: .nan}"), "config key 'optimizer.lr' (line 1, column 25) must be a finite number, got NaN");
        contains(error("train: {time: .inf}"), "'train.time'", "finite", "Infinity");
        var flag = assertThrows(IllegalArgumentException.class, () -> Config.empty().set("optimizer.cutoff", Double.NaN));
        contains(flag.getMessage(), "'optimizer.cutoff'", "finite", "NaN");
        contains(error("optimizer: {cutoff: 'NaN'}"), "'optimizer.cutoff'", "finite");
    }

    @Test
    void emptyValuesAreRejectedNotDefaulted() {
        contains(error("train:\n  steps:\n"), "config key 'train.steps' (line 2, column 3) is empty");
        contains(error("net:\n"), "config key 'net'", "is empty");
        contains(error("name: ''"), "config key 'name'", "is empty");
    }

    @Test
    void parametersMustNotShadowCoordinatesOrSymbols() {
        String base = "problem:\n  domain: {x: [0, 1]}\n  time: [0, 1]\n  equation: \"u_t = k*u_xx\"\n  parameters: {k: 1, %s: 2}\n";
        contains(error(base.formatted("x")), "'problem.parameters.x'", "shadows the coordinate x");
        contains(error(base.formatted("t")), "'problem.parameters.t'", "coordinate t");
        contains(error(base.formatted("u_x")), "'problem.parameters.u_x'", "derivative");
        contains(error(base.formatted("pi")), "'problem.parameters.pi'", "constant pi");
        contains(error(base.formatted("sin")), "'problem.parameters.sin'", "function");
    }

    @Test
    void undefinedConstantsAreErrorsNotRewrites() {
        String base = "problem:\n  domain: {x: [0, 1]}\n  equation: \"%s\"\n";
        contains(error(base.formatted("u_xx + 0/0 = 0")), "'problem.equation' (line 3", "0/0 is undefined");
        contains(error(base.formatted("u_xx = 1/0")), "'problem.equation'", "division by zero");
        contains(error(base.formatted("u_xx = log(-1)")), "'problem.equation'", "undefined");
        contains(error(base.formatted("u_xx = 1e999")), "'problem.equation'", "beyond the double range");
    }

    @Test
    void yamlSyntaxErrorsGiveLineAndColumn() {
        contains(error("net: {widths: [3"), "not valid YAML at line 1, column 17");
        contains(error("name: x\nnet:\n  width: 3\n widths: [2]\n"), "not valid YAML at line 4");
        contains(error("seed: 1\n---\nseed: 2\n"), "more than one YAML document");
        contains(error("net: &a {width: 3}\n"), "anchor");
    }

    @Test
    void invalidUtf8NamesThePositionWithoutClassNames() throws Exception {
        Path f = tmp.resolve("bad.yaml");
        Files.write(f, new byte[] {'s', 'e', 'e', 'd', ':', ' ', '1', '\n', 'n', 'a', (byte) 0xC3, 0x28, ':', ' ', '1'});
        String msg = assertThrows(IllegalArgumentException.class, () -> Config.load(f)).getMessage();
        contains(msg, "not valid UTF-8 at line 2, column 3");
        assertFalse(msg.contains("Exception"), msg);
    }

    @Test
    void unknownKeysSuggestTheClosestAllowedKey() {
        contains(error("net: {widht: 3}"), "unknown config key 'net.widht' (line 1, column 7); did you mean 'width'?");
        contains(error("optimiser: {name: adam}"), "unknown config key 'optimiser'", "did you mean 'optimizer'?");
        contains(error("train: {stpes: 3}"), "did you mean 'steps'?");
    }

    @Test
    void deadKeysAreGone() {
        contains(error("weights: {kind: ntk, estimator: exact}"), "unknown config key 'weights.estimator'");
        contains(error("train: {log_every: 10}"), "unknown config key 'train.log_every'");
        contains(error("train: {progress_every: 10}"), "unknown config key 'train.progress_every'");
    }

    @Test
    void keysOfTheOtherProblemKindAreRejected() {
        contains(error("problem: {name: laplace2d, interior_points: 100}"), "'problem.interior_points'", "only to a problem given by its equation");
        contains(error("problem:\n  name: mine\n  domain: {x: [0, 1]}\n  equation: \"u_xx = 0\"\n"), "'problem.name'", "top-level key 'name'");
        contains(error("problem:\n  domain: {x: [0, 1], y: [0, 1], xy: [0, 1]}\n  equation: \"u_xx = 0\"\n"), "'xy'", "ambiguous");
    }

    @Test
    void ntkKernelKeysAreTypedAndSuggestTheClosestMethod() {
        contains(error("ntk: {kernel: structred}"), "config key 'ntk.kernel'", "got 'structred'; did you mean 'structured'?");
        contains(error("ntk: {kernel: fast}"), "'ntk.kernel'", "[auto, dense, structured]", "got 'fast'");
        contains(error("ntk: {memory_mb: 0}"), "'ntk.memory_mb'", "got 0");
        contains(error("ntk: {memory_mb: 2.5}"), "'ntk.memory_mb'", "must be an integer");
        RunSpec.Kernel k = RunSpec.from(Config.parse("problem: poisson1d\nntk: {kernel: Dense, memory_mb: 64}")).kernel();
        assertEquals(dev.tangent.ntk.KernelBlocks.Method.DENSE, k.method());
        assertEquals(64, k.memoryMb());
        assertEquals(RunSpec.Kernel.DEFAULT, RunSpec.from(Config.parse("problem: poisson1d")).kernel());
    }

    @Test
    void aValidConfigStillLoadsAndRoundTrips() {
        Config c = Config.parse("""
                problem: {name: poisson1d, options: {a: 2}}
                net: {width: 8, depth: 2, activation: tanh}
                points: {pde: 64}
                optimizer: {name: anagram, cutoff: 1e-6, cutoff_kind: absolute}
                train: {steps: 10, time: 0, eval_every: 5, target_error: 1e-7, checkpoint_every: 5}
                weights: ntk
                seed: -3
                """);
        assertEquals(Config.parse(c.toYaml()).toYaml(), c.toYaml());
        assertEquals(1e-6, c.number("optimizer.cutoff", 0), 0);
        assertEquals(-3, c.integer("seed", 0));
    }
}
