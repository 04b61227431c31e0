package dev.tangent.pde;

/**
 * Dense evaluation points with reference values. {@code shape} is the grid shape (one entry per coordinate,
 * last coordinate fastest) when the points form a tensor grid, else null. On a non-box domain the points are the
 * grid nodes inside it: {@code gridIndex[i]} is the position of point i in the full tensor grid (null when every
 * node is present), so plots can leave the outside blank.
 */
public record TestSet(double[] points, double[] values, int[] shape, int[] gridIndex) {
    public TestSet(double[] points, double[] values, int[] shape) {
        this(points, values, shape, null);
    }

    public int size() {
        return values.length;
    }

    /** Values on the full tensor grid, NaN at nodes outside the domain (for heatmaps). */
    public double[] onFullGrid(double[] perPoint) {
        if (gridIndex == null) return perPoint;
        int total = 1;
        for (int m : shape) total *= m;
        double[] full = new double[total];
        java.util.Arrays.fill(full, Double.NaN);
        for (int i = 0; i < gridIndex.length; i++) full[gridIndex[i]] = perPoint[i];
        return full;
    }
}
