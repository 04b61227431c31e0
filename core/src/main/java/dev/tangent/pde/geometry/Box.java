package dev.tangent.pde.geometry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The box [lo, hi] in d ≥ 1 dimensions; faces named {@code <coord>-lo} and {@code <coord>-hi}. */
public final class Box implements Shape {
    private final double[] lo, hi;
    private final List<BoundaryPart> parts = new ArrayList<>();

    public Box(double[] lo, double[] hi, String[] coords) {
        if (lo.length == 0 || lo.length != hi.length || coords.length != lo.length) {
            throw new IllegalArgumentException("box: lo " + Arrays.toString(lo) + " and hi " + Arrays.toString(hi)
                    + " need one entry per coordinate " + Arrays.toString(coords));
        }
        for (int k = 0; k < lo.length; k++) {
            if (!Double.isFinite(lo[k]) || !Double.isFinite(hi[k]) || !(lo[k] < hi[k])) {
                throw new IllegalArgumentException("box: needs finite lo < hi in every coordinate, got lo "
                        + Arrays.toString(lo) + ", hi " + Arrays.toString(hi));
            }
        }
        this.lo = lo.clone();
        this.hi = hi.clone();
        for (int k = 0; k < lo.length; k++) {
            parts.add(new Parts.Face(coords[k] + "-lo", k, false, this.lo, this.hi));
            parts.add(new Parts.Face(coords[k] + "-hi", k, true, this.lo, this.hi));
        }
    }

    public int dim() {
        return lo.length;
    }

    public double[] lo() {
        return lo.clone();
    }

    public double[] hi() {
        return hi.clone();
    }

    /** max_k max(lo_k − x_k, x_k − hi_k): the signed distance inside, a lower bound of it outside. */
    public double level(double[] x, int off) {
        double m = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < lo.length; k++) m = Math.max(m, Math.max(lo[k] - x[off + k], x[off + k] - hi[k]));
        return m;
    }

    public List<BoundaryPart> parts() {
        return parts;
    }

    public String describe() {
        return "box " + Arrays.toString(lo) + "–" + Arrays.toString(hi);
    }
}
