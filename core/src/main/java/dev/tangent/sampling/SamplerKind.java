package dev.tangent.sampling;

import java.util.Arrays;
import java.util.Locale;

/** Collocation point generators on the unit cube [0,1]^d. All are deterministic given a seed. */
public enum SamplerKind {
    /** Tensor grid; interior grids exclude the cube's faces, boundary grids include edges and corners. */
    GRID,
    /** Independent uniform points. */
    UNIFORM,
    /** Latin hypercube: one point in each of n equal slabs per coordinate. */
    LHS,
    /** Sobol low-discrepancy sequence (Joe–Kuo direction numbers); a non-zero seed applies a random digital shift. */
    SOBOL;

    public static SamplerKind parse(String name) {
        for (SamplerKind k : values()) if (k.name().equalsIgnoreCase(name == null ? "" : name.trim())) return k;
        throw new IllegalArgumentException("unknown sampler '" + name + "'; allowed: "
                + Arrays.stream(values()).map(SamplerKind::label).toList());
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
