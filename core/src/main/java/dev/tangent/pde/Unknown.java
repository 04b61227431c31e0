package dev.tangent.pde;

/**
 * An unknown scalar coefficient of the equation (an inverse problem), trained with the network. θ holds an internal
 * value z and the equation sees k = k(z): k = z without bounds; k = lo + (hi − lo)·σ(z) with both bounds (σ the
 * logistic function); k = lo + e^z or hi − e^z with one. Every optimizer then keeps k inside its bounds without
 * knowing about them, and ∂r/∂z = ∂r/∂k · dk/dz stays exact.
 *
 * @param lo lower bound or −∞
 * @param hi upper bound or +∞
 */
public record Unknown(String name, double start, double lo, double hi) {
    public Unknown {
        String where = "unknown '" + name + "'";
        if (!Double.isFinite(start)) throw new IllegalArgumentException(where + ": start must be a finite number, got " + start);
        if (Double.isNaN(lo) || Double.isNaN(hi) || lo >= hi) {
            throw new IllegalArgumentException(where + ": bounds must satisfy lo < hi, got [" + lo + ", " + hi + "]");
        }
        if (!(start > lo && start < hi)) {
            throw new IllegalArgumentException(where + ": start " + start + " must lie strictly inside the bounds ["
                    + Domain.fmt(lo) + ", " + Domain.fmt(hi) + "]");
        }
    }

    /** Without bounds. */
    public Unknown(String name, double start) {
        this(name, start, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private boolean lower() {
        return lo > Double.NEGATIVE_INFINITY;
    }

    private boolean upper() {
        return hi < Double.POSITIVE_INFINITY;
    }

    /** k(z). */
    public double value(double z) {
        if (lower() && upper()) return lo + (hi - lo) / (1 + Math.exp(-z));
        if (lower()) return lo + Math.exp(z);
        if (upper()) return hi - Math.exp(z);
        return z;
    }

    /** dk/dz. */
    public double slope(double z) {
        if (lower() && upper()) {
            double s = 1 / (1 + Math.exp(-z));
            return (hi - lo) * s * (1 - s);
        }
        if (lower()) return Math.exp(z);
        if (upper()) return -Math.exp(z);
        return 1;
    }

    /** z with k(z) = k (k inside the bounds). */
    public double internal(double k) {
        if (lower() && upper()) {
            double s = (k - lo) / (hi - lo);
            return Math.log(s / (1 - s));
        }
        if (lower()) return Math.log(k - lo);
        if (upper()) return Math.log(hi - k);
        return k;
    }
}
