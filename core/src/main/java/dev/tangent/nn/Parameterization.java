package dev.tangent.nn;

import java.util.Locale;

/**
 * How hidden layers are initialised and scaled. The output layer is always u = N^{-s}·wᵀa + b with w ~ N(0,1),
 * where N is the last hidden width and s the output scaling exponent.
 */
public enum Parameterization {
    /** W ~ N(0, 1/fan_in), b ~ N(0, 1/fan_in), z = W a + b. */
    STANDARD,
    /** W, b ~ N(0, 1), z = W a / sqrt(fan_in) + b (Jacot et al.). */
    NTK;

    public static Parameterization parse(String name) {
        for (Parameterization p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) return p;
        }
        throw new IllegalArgumentException("unknown parameterization '" + name + "'; allowed: [standard, ntk]");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
