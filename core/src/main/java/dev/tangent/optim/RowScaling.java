package dev.tangent.optim;

/** Which rows ANaGRAM decomposes ({@code optimizer.row_scaling}). */
public enum RowScaling {
    /** The loss's rows r̃ = sqrt(λ_g/S_g)·r and their Jacobian Φ: the step minimises the weighted loss. The default. */
    LOSS,
    /**
     * The raw residual rows r and ∂θr, one per point whatever its group's size or weight, as the published ANaGRAM
     * code does: the cutoff applies to the singular values of the unscaled Jacobian; the weights act in the line
     * search only.
     */
    NONE;

    public static RowScaling parse(String s) {
        for (RowScaling r : values()) if (r.name().equalsIgnoreCase(s == null ? "" : s.trim())) return r;
        throw new IllegalArgumentException("unknown optimizer.row_scaling '" + s + "'; allowed: [loss, none]");
    }
}
