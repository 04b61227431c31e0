package dev.tangent.optim;

/** What a natural-gradient line search that finds no decrease on its grid does ({@code optimizer.line_search}). */
public enum LineSearchRule {
    /** Keep θ: the step is η = 0 (a fixed point of the method, so training stops there as converged). The default. */
    DECREASE,
    /** Take the grid's argmin even though it raises the loss, as the published ANaGRAM and ENGD code does. */
    ARGMIN;

    public static LineSearchRule parse(String s) {
        for (LineSearchRule r : values()) if (r.name().equalsIgnoreCase(s == null ? "" : s.trim())) return r;
        throw new IllegalArgumentException("unknown optimizer.line_search '" + s + "'; allowed: [decrease, argmin]");
    }
}
