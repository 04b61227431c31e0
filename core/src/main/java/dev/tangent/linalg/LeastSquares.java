package dev.tangent.linalg;

/** Minimum-norm least-squares solution x (n×nrhs, column-major), effective rank and singular values of A. */
public record LeastSquares(double[] x, int rank, double[] singularValues) {}
