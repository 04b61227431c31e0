package dev.tangent.optim;

import java.util.Locale;

/**
 * The singular-value cutoff of the pseudo-inverse: keep σ_j > tol. ABSOLUTE uses tol = value;
 * RELATIVE uses tol = value·σ_max; DEFAULT uses tol = sqrt(ε_f64·P)·σ_max.
 */
public record Cutoff(Kind kind, double value) {
    public enum Kind { ABSOLUTE, RELATIVE, DEFAULT }

    public Cutoff {
        if (kind != Kind.DEFAULT && !(value >= 0 && Double.isFinite(value))) {
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

    public double tolerance(double sigmaMax, int nParams) {
        return switch (kind) {
            case ABSOLUTE -> value;
            case RELATIVE -> value * sigmaMax;
            case DEFAULT -> Math.sqrt(Math.ulp(1.0) * nParams) * sigmaMax;
        };
    }

    public static Kind parseKind(String s) {
        for (Kind k : Kind.values()) if (k.name().equalsIgnoreCase(s == null ? "" : s.trim())) return k;
        throw new IllegalArgumentException("unknown optimizer.cutoff_kind '" + s + "'; allowed: [absolute, relative, default]");
    }

    public String describe() {
        return switch (kind) {
            case ABSOLUTE -> "absolute " + value;
            case RELATIVE -> "relative " + value + "·σ_max";
            case DEFAULT -> "default sqrt(eps·P)·σ_max";
        };
    }

    public String label() {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
