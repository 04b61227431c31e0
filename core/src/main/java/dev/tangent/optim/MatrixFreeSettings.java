package dev.tangent.optim;

import dev.tangent.linalg.DampedLeastSquares;
import java.util.Locale;

/**
 * When and how the Levenberg–Marquardt step runs matrix-free (Φ never formed; see {@link MatrixFreeDampedSolve}).
 *
 * @param mode           AUTO: matrix-free when the dense Φ (S·P·8 bytes) would exceed {@code memoryBudgetMb}; DENSE:
 *                       always form Φ; CG: always matrix-free
 * @param memoryBudgetMb the largest dense Φ, in MiB, that AUTO still forms (default 2048)
 * @param tolerance      CG stops at ‖Φᵀs − μd‖ ≤ tolerance·‖Φᵀr̃‖ (default 1e-4)
 * @param maxIterations  CG iterations per solve at most (default 60); each costs one JVP and one VJP
 * @param sketchRank     directions of the Nyström preconditioner (default 16; 0 = plain CG); costs as many JVP+VJP
 *                       pairs once per step
 */
public record MatrixFreeSettings(Mode mode, double memoryBudgetMb, double tolerance, int maxIterations, int sketchRank) {
    public enum Mode { AUTO, DENSE, CG }

    /** The values {@code optimizer.solver} accepts with lm. */
    public static final String SOLVERS = "[auto, dense, svd, gram, kernel, cg]";

    public MatrixFreeSettings {
        if (mode == null) throw new IllegalArgumentException("optimizer.solver must be set");
        if (!(memoryBudgetMb > 0) || Double.isNaN(memoryBudgetMb)) {
            throw new IllegalArgumentException("optimizer.memory_budget must be > 0 MiB, got " + memoryBudgetMb);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("optimizer.cg_tolerance must be in (0, 1), got " + tolerance);
        }
        if (maxIterations < 1) throw new IllegalArgumentException("optimizer.cg_iterations must be ≥ 1, got " + maxIterations);
        if (sketchRank < 0) throw new IllegalArgumentException("optimizer.preconditioner_rank must be ≥ 0, got " + sketchRank);
    }

    public static MatrixFreeSettings defaults() {
        return new MatrixFreeSettings(Mode.AUTO, 2048, 1e-4, 60, 16);
    }

    public MatrixFreeSettings withMode(Mode m) {
        return new MatrixFreeSettings(m, memoryBudgetMb, tolerance, maxIterations, sketchRank);
    }

    public MatrixFreeSettings withCg(double tol, int iterations, int rank) {
        return new MatrixFreeSettings(mode, memoryBudgetMb, tol, iterations, rank);
    }

    public MatrixFreeSettings withMemoryBudget(double mb) {
        return new MatrixFreeSettings(mode, mb, tolerance, maxIterations, sketchRank);
    }

    /** Whether a step on rows × n goes matrix-free. */
    public boolean matrixFree(int rows, int n) {
        return mode == Mode.CG || mode == Mode.AUTO && (double) rows * n * Double.BYTES > memoryBudgetMb * (1 << 20);
    }

    /** The mode an {@code optimizer.solver} value selects: auto → AUTO, cg → CG, a dense route → DENSE. */
    public static Mode mode(String solver) {
        String s = normal(solver);
        return switch (s) {
            case "auto" -> Mode.AUTO;
            case "cg" -> Mode.CG;
            case "dense" -> Mode.DENSE;
            default -> {
                denseRoute(s);
                yield Mode.DENSE;
            }
        };
    }

    /** The dense route an {@code optimizer.solver} value selects (auto, dense and cg leave the choice to AUTO). */
    public static DampedLeastSquares.Route denseRoute(String solver) {
        String s = normal(solver);
        if (s.equals("auto") || s.equals("dense") || s.equals("cg")) return DampedLeastSquares.Route.AUTO;
        try {
            return DampedLeastSquares.Route.parse(s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown optimizer.solver '" + solver + "'; allowed: " + SOLVERS);
        }
    }

    private static String normal(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
