package dev.tangent.optim;

import java.util.Locale;

/**
 * The singular-value cutoff of the pseudo-inverse: keep σ_j > tol. ABSOLUTE uses tol = value;
 * RELATIVE uses tol = value·σ_max; DEFAULT uses tol = sqrt(ε_f64·P)·σ_max. ADAPTIVE starts as DEFAULT (or
 * at {@code start}·σ_max), is raised tenfold (up to σ_max/10) after a stuck step that the kept subspace promised
 * more and lowered tenfold (down to value·σ_max) when that subspace is exhausted or describes slow full steps (the
 * rule is AnagramOptimizer#afterStep), so training continues past the floor a fixed cutoff stops at and recovers
 * when a low cutoff ruins the step. Its steps also line-search each half-decade band of σ below a trusted
 * cutoff on its own (AnagramOptimizer#search).
 */
public record Cutoff(Kind kind, double value, double start) {
    public enum Kind { ABSOLUTE, RELATIVE, DEFAULT, ADAPTIVE }

    public Cutoff(Kind kind, double value) {
        this(kind, value, Double.NaN);
    }

    /** The largest relative cutoff the adaptive rule raises to: keeps only σ > σ_max/10. */
    public static final double ADAPTIVE_CEILING = 0.1;

    public Cutoff {
        if (kind == Kind.ADAPTIVE) {
            if (!(value > 0 && value < ADAPTIVE_CEILING)) {
                throw new IllegalArgumentException("optimizer.cutoff (the adaptive cutoff's floor, relative to σ_max) must be in (0, "
                        + ADAPTIVE_CEILING + "), got " + value);
            }
            if (!Double.isNaN(start) && !(start >= value && start <= ADAPTIVE_CEILING)) {
                throw new IllegalArgumentException("optimizer.cutoff_start must be in [optimizer.cutoff, " + ADAPTIVE_CEILING + "] = ["
                        + value + ", " + ADAPTIVE_CEILING + "], got " + start);
            }
        }
        if (kind != Kind.DEFAULT && kind != Kind.ADAPTIVE && !(value >= 0 && Double.isFinite(value))) {
            throw new IllegalArgumentException("optimizer.cutoff must be a finite number >= 0, got " + value);
        }
    }

    public static Cutoff absolute(double v) {
        return new Cutoff(Kind.ABSOLUTE, v);
    }

    public static Cutoff relative(double v) {
        return new Cutoff(Kind.RELATIVE, v);
    }

    public static Cutoff defaults() {
        return new Cutoff(Kind.DEFAULT, Double.NaN);
    }

    /** Adaptive cutoff with the given floor relative to σ_max, starting at the default sqrt(ε·P). */
    public static Cutoff adaptive(double floor) {
        return new Cutoff(Kind.ADAPTIVE, floor);
    }

    /** Adaptive cutoff from {@code start}·σ_max down to {@code floor}·σ_max. */
    public static Cutoff adaptive(double floor, double start) {
        return new Cutoff(Kind.ADAPTIVE, floor, start);
    }

    /** The relative factor an adaptive cutoff starts from. */
    public double startFactor(int nParams) {
        return Double.isNaN(start) ? Math.min(ADAPTIVE_CEILING, Math.max(value, defaultFactor(nParams))) : start;
    }

    /** The relative factor an adaptive cutoff starts from: sqrt(ε_f64·P). */
    public static double defaultFactor(int nParams) {
        return Math.sqrt(Math.ulp(1.0) * nParams);
    }

    public double tolerance(double sigmaMax, int nParams) {
        return switch (kind) {
            case ABSOLUTE -> value;
            case RELATIVE -> value * sigmaMax;
            case DEFAULT, ADAPTIVE -> defaultFactor(nParams) * sigmaMax;
        };
    }

    public static Kind parseKind(String s) {
        for (Kind k : Kind.values()) if (k.name().equalsIgnoreCase(s == null ? "" : s.trim())) return k;
        throw new IllegalArgumentException("unknown optimizer.cutoff_kind '" + s + "'; allowed: [absolute, relative, default, adaptive]");
    }

    public String describe() {
        return switch (kind) {
            case ABSOLUTE -> "absolute " + value;
            case RELATIVE -> "relative " + value + "·σ_max";
            case DEFAULT -> "default sqrt(eps·P)·σ_max";
            case ADAPTIVE -> "adaptive (both ways) from " + (Double.isNaN(start) ? "sqrt(eps·P)" : String.valueOf(start)) + "·σ_max, floor "
                    + value + "·σ_max, ceiling " + ADAPTIVE_CEILING + "·σ_max";
        };
    }

    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
