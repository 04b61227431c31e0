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
    NTK,
    /**
     * W, b ~ N(0, 0.1²) in every layer, the output layer's w and b included, z = W a + b: the initialisation of the
     * published ANaGRAM and ENGD code (with {@code net.s: 0} the network is theirs).
     */
    SMALL;

    /** The standard deviation of every weight and bias under {@link #SMALL}. */
    public static final double SMALL_STD = 0.1;

    public static Parameterization parse(String name) {
        for (Parameterization p : values()) {
            if (p.name().equalsIgnoreCase(name == null ? "" : name.trim())) return p;
        }
        throw new IllegalArgumentException("unknown parameterization '" + name + "'; allowed: [standard, ntk, small]");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
