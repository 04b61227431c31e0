package dev.tangent.nn;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the output bias b_L enters u = N^{-s}·wᵀa + c_b·b_L. The default {@code UNSCALED} (c_b = 1) adds the
 * column ∂u/∂b_L = 1 to J, hence 11ᵀ-like terms to every kernel block that do not shrink with N; the width
 * theory (output scaled by N^{-s}) scales the bias with the weights or has none.
 */
public enum OutputBias {
    /** u = N^{-s}·wᵀa + b (c_b = 1): today's default, kept so existing results stay bit-identical. */
    UNSCALED,
    /** u = N^{-s}·(wᵀa + b) (c_b = N^{-s}): the bias column is scaled like the weights, adding N^{-2s}·ddᵀ to K. */
    SCALED,
    /**
     * u = N^{-s}·wᵀa (c_b = 0). The b_L slot stays in θ so parameter layouts and checkpoints keep their shape,
     * but its Jacobian column is exactly zero, so it never trains and adds nothing to any kernel.
     */
    NONE;

    /** The factor c_b for an output layer whose weights are scaled by {@code weightScale} = N^{-s}. */
    public double factor(double weightScale) {
        return switch (this) {
            case UNSCALED -> 1.0;
            case SCALED -> weightScale;
            case NONE -> 0.0;
        };
    }

    public static OutputBias parse(String name) {
        String n = name == null ? "" : name.trim();
        for (OutputBias b : values()) if (b.label().equalsIgnoreCase(n)) return b;
        throw new IllegalArgumentException("net.output_bias must be one of " + allowed() + ", got '" + name + "'");
    }

    public static String allowed() {
        return Arrays.stream(values()).map(OutputBias::label).toList().toString();
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
