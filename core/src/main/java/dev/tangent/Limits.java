package dev.tangent;

/**
 * Resource limits, checked before the allocation they guard so that a huge request is a clear error instead of an
 * OutOfMemoryError. Each limit is a system property (set through {@code TANGENT_JAVA_OPTS='-Dtangent.limit.…=…'}).
 */
public enum Limits {
    /** Network parameters. */
    PARAMETERS("parameters", "network parameters", 10_000_000L),
    /** Collocation points of one loss group. */
    POINTS("points", "points in one loss group", 10_000_000L),
    /** Residual rows × network parameters (the size of a dense Jacobian, 8 bytes each). */
    CELLS("cells", "residual rows × parameters", 250_000_000L),
    /** Points of one sweep. */
    SWEEP_POINTS("sweepPoints", "sweep points", 100_000L),
    /** Characters of one expression (equation, condition value, exact solution). */
    EXPRESSION_LENGTH("expressionLength", "characters in an expression", 10_000L),
    /** Nesting depth of one expression (parentheses, unary signs, powers, chained operators). */
    EXPRESSION_DEPTH("expressionDepth", "expression nesting depth", 200L),
    /** Bytes of one config or sweep file. */
    CONFIG_BYTES("configBytes", "bytes in a config file", 1_000_000L);

    private final String property;
    private final String what;
    private final long fallback;

    Limits(String name, String what, long fallback) {
        this.property = "tangent.limit." + name;
        this.what = what;
        this.fallback = fallback;
    }

    /** The system property that sets this limit. */
    public String property() {
        return property;
    }

    /** The limit in force: the system property when it is a positive integer, otherwise the default. */
    public long value() {
        String s = System.getProperty(property);
        if (s == null) return fallback;
        try {
            long v = Long.parseLong(s.trim());
            return v > 0 ? v : fallback;
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /**
     * Throws when {@code requested} exceeds the limit; {@code context} says what asked for it.
     *
     * @throws IllegalArgumentException naming the request, the limit, and how to raise it
     */
    public void check(long requested, String context) {
        long max = value();
        if (requested > max || requested < 0) {
            throw new IllegalArgumentException(context + ": " + (requested < 0 ? "more than " + Long.MAX_VALUE : requested)
                    + " " + what + " exceeds the limit of " + max + "; reduce it, or raise the limit with "
                    + "TANGENT_JAVA_OPTS='-D" + property + "=N' (and enough memory, -Xmx)");
        }
    }

    /** a × b, or -1 when the product overflows a long (which {@link #check} reports as over the limit). */
    public static long product(long a, long b) {
        try {
            return Math.multiplyExact(a, b);
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
