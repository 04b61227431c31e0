package dev.tangent.nn;

/**
 * A map from the network's outputs N to the solution u (e.g. u = g + d·N for hard Dirichlet constraints). A residual
 * of u becomes a residual of N's derivatives through {@link #wrap}, so the engine's exact Jacobian, every optimizer
 * and the NTK analysis see u without knowing about the transform.
 */
public interface OutputTransform {
    /** The residual F(x, D u) seen as a residual of N's derivatives (same rows, same inputs). */
    PointResidual wrap(PointResidual ofU);
}
