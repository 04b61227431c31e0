package dev.tangent.pde.geometry;

/**
 * A named piece of a shape's boundary, parametrised by the unit cube [0,1]^(d−1) (area-preserving where the
 * piece is curved, so uniform parameters give uniform points), with outward unit normals.
 */
public interface BoundaryPart {
    String name();

    int dim();

    /** (d−1)-dimensional measure: length in 2D, area in 3D (the kept share for pieces of a combination). */
    double measure();

    /** Maps parameters u[uOff..uOff+d−1) to a point x[xOff..) of the piece and its outward normal n[nOff..). */
    void map(double[] u, int uOff, double[] x, int xOff, double[] n, int nOff);

    /** Whether a mapped point belongs to this part (pieces of combinations keep only what bounds the result). */
    default boolean keeps(double[] x, int off) {
        return true;
    }

    /** Distance from x to the (whole, unfiltered) piece. */
    double distance(double[] x, int off);

    /** Outward unit normal at a point of the piece. */
    void normal(double[] x, int off, double[] n, int nOff);

    /** The same piece under another name. */
    BoundaryPart named(String name);
}
