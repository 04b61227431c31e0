package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.linalg.Lapack;
import dev.tangent.optim.LeastSquaresProblem;
import dev.tangent.optim.Optimizer;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract every registered optimizer keeps, run for each {@link Optimizers.Kind} (a new registry entry is
 * tested without editing this file): on a convex least-squares problem r = Aθ − b it lowers the loss (second-order
 * methods reach the least-squares minimum, checked against LAPACK), and its state survives a checkpoint: an
 * optimizer restored from a written and re-read checkpoint continues bit-identically to the uninterrupted one, and
 * the state of a healthy run is finite (training reads a non-finite one as divergence).
 */
class OptimizerContractTest {
    private static final int ROWS = 12, PARAMS = 5;

    @TempDir
    Path tmp;

    private static double[] random(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = r.nextDouble(-1, 1);
        return v;
    }

    private static final double[] A = random(ROWS * PARAMS, 11), B = random(ROWS, 12);

    private static final LeastSquaresProblem CONVEX = linear(A);

    /** r = Mθ − b for a row-major ROWS × PARAMS matrix M. */
    private static LeastSquaresProblem linear(double[] m) {
        return dev.tangent.optim.TestProblems.linear(m, B, ROWS, PARAMS);
    }

    private static double loss(double[] theta) {
        return CONVEX.evaluate(theta, new double[ROWS], null);
    }

    /** The least-squares minimum of ‖Aθ − b‖², independently from LAPACK's dgelsd. */
    private static double minimum() {
        double[] colMajor = new double[ROWS * PARAMS];
        for (int i = 0; i < ROWS; i++) for (int j = 0; j < PARAMS; j++) colMajor[j * ROWS + i] = A[i * PARAMS + j];
        return loss(java.util.Arrays.copyOf(Lapack.leastSquares(ROWS, PARAMS, colMajor, 1, B.clone(), -1).x(), PARAMS));
    }

    @ParameterizedTest
    @EnumSource(Optimizers.Kind.class)
    void lowersAConvexLeastSquaresLoss(Optimizers.Kind kind) {
        Optimizer opt = kind.defaults().create();
        double[] theta = new double[PARAMS];
        double start = loss(theta), min = minimum();
        for (int k = 0; k < 50; k++) opt.step(theta, CONVEX);
        double end = loss(theta);
        assertTrue(end < start - 1e-3 * (start - min), kind + ": loss " + start + " -> " + end);
        if (!kind.firstOrder()) {
            // a curvature-using method reaches the minimum of a linear least-squares problem
            assertEquals(min, end, 1e-8 * start, kind + " reaches the least-squares minimum " + min);
        }
    }

    @ParameterizedTest
    @EnumSource(Optimizers.Kind.class)
    void stateRoundTripsThroughACheckpointAndResumesBitIdentically(Optimizers.Kind kind) {
        roundTrip(kind.label(), () -> kind.defaults().create());
    }

    /** cutoff_start moves only the adaptive cutoff; with a fixed kind it is an error, not ignored. */
    @org.junit.jupiter.api.Test
    void cutoffStartWithAFixedKindIsAnError() {
        for (String kind : new String[] {null, "absolute", "default"}) {
            Config c = Config.empty().set("optimizer.name", "anagram").set("optimizer.cutoff_start", 1e-4);
            if (kind != null) c.set("optimizer.cutoff_kind", kind).set("optimizer.cutoff", 1e-6);
            String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Optimizers.Kind.ANAGRAM.parse(c).create()).getMessage();
            assertTrue(m.contains("optimizer.cutoff_start") && m.contains("adaptive only"), m);
        }
        Config ok = Config.empty().set("optimizer.name", "anagram").set("optimizer.cutoff_kind", "adaptive").set("optimizer.cutoff_start", 1e-4);
        Optimizers.Kind.ANAGRAM.parse(ok).create();
    }

    /** line_search: argmin is the published fixed-cutoff rule; with the adaptive cutoff, or misspelt, it is an error. */
    @org.junit.jupiter.api.Test
    void lineSearchRuleIsCheckedNotIgnored() {
        Config adaptive = Config.empty().set("optimizer.name", "anagram").set("optimizer.cutoff_kind", "adaptive")
                .set("optimizer.line_search", "argmin");
        String m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Optimizers.Kind.ANAGRAM.parse(adaptive).create()).getMessage();
        assertTrue(m.contains("optimizer.line_search") && m.contains("adaptive"), m);
        m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Config.empty().set("optimizer.name", "engd").set("optimizer.line_search", "armijo")).getMessage();
        assertTrue(m.contains("optimizer.line_search") && m.contains("armijo") && m.contains("[decrease, argmin]"), m);
        for (Optimizers.Kind kind : new Optimizers.Kind[] {Optimizers.Kind.ANAGRAM, Optimizers.Kind.ENGD}) {
            Config c = Config.empty().set("optimizer.name", kind.label()).set("optimizer.line_search", "argmin");
            roundTrip(kind.label() + "-argmin", () -> kind.parse(c).create());
        }
    }

    /** The adaptive cutoff is ANaGRAM's one stateful setting (its factor and failure count are in the state). */
    @org.junit.jupiter.api.Test
    void adaptiveAnagramStateRoundTrips() {
        Config c = Config.empty().set("optimizer.name", "anagram").set("optimizer.cutoff_kind", "adaptive");
        roundTrip("anagram-adaptive", () -> Optimizers.Kind.ANAGRAM.parse(c).create());
        assertTrue(Optimizers.Kind.ANAGRAM.parse(c).create().state().containsKey("cutoff.failed"), "the adaptive state is recorded");
        // on columns graded over four decades the steps search bands, so their remembered η are in the round trip
        Optimizer a = roundTrip("anagram-adaptive-bands", () -> Optimizers.Kind.ANAGRAM.parse(c).create(), GRADED);
        assertTrue(java.util.Arrays.stream(a.state().get("cutoff.band_eta")).anyMatch(e -> e > 0), "a band was searched");
    }

    /** CONVEX with column j scaled by 10^-j: σ spread over about four decades. */
    private static final LeastSquaresProblem GRADED = linear(graded());

    private static double[] graded() {
        double[] m = A.clone();
        for (int i = 0; i < ROWS; i++) for (int j = 0; j < PARAMS; j++) m[i * PARAMS + j] *= Math.pow(10, -j);
        return m;
    }

    private void roundTrip(String label, java.util.function.Supplier<Optimizer> make) {
        roundTrip(label, make, CONVEX);
    }

    /** Steps 3 times, checkpoints, and checks that a restored optimizer continues bit-identically; returns the first. */
    private Optimizer roundTrip(String label, java.util.function.Supplier<Optimizer> make, LeastSquaresProblem problem) {
        Optimizer a = make.get();
        double[] theta = random(PARAMS, 3);
        for (int k = 0; k < 3; k++) a.step(theta, problem);
        // training treats a non-finite optimizer state as divergence: a healthy state must be finite
        a.state().forEach((name, v) -> assertTrue(java.util.Arrays.stream(v).allMatch(Double::isFinite), label + " state " + name + " is not finite"));
        Path file = tmp.resolve(label);
        new Checkpoint(3, 0, theta.clone(), new double[0], a.state(), Map.of()).write(file);
        Checkpoint cp = Checkpoint.read(file);
        Optimizer b = make.get();
        b.restore(cp.optimizerState());
        double[] resumed = cp.theta();
        assertEquals(a.state().keySet(), b.state().keySet(), label + " state names");
        for (int k = 0; k < 4; k++) {
            a.step(theta, problem);
            b.step(resumed, problem);
        }
        assertArrayEquals(theta, resumed, 0.0, label + ": resumed steps differ from the uninterrupted ones");
        a.state().forEach((name, v) -> assertArrayEquals(v, b.state().get(name), 0.0, label + " state " + name));
        return a;
    }
}
