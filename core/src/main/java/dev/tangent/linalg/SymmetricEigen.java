package dev.tangent.linalg;

/** Eigen-decomposition of a symmetric n×n matrix: ascending {@code values}, column-major {@code vectors} (or null). */
public record SymmetricEigen(int n, double[] values, double[] vectors) {}
