package dev.tangent.pde;

/**
 * Dense evaluation points with reference values. {@code shape} is the grid shape (one entry per coordinate,
 * last coordinate fastest) when the points form a tensor grid, else null.
 */
public record TestSet(double[] points, double[] values, int[] shape) {
    public int size() {
        return values.length;
    }
}
