package dev.tangent.nn;

/**
 * A Fourier-feature input layer: the first hidden layer becomes sin(W x + b) with {@code features} units,
 * W ~ N(0, (2π·scale)²) per entry and b ~ U[0, 2π) (random Fourier features; sin(w·x + b) spans the sin/cos pairs of
 * the fixed embedding), layer factor 1. It is an ordinary layer of θ, so jets, Jacobian, every optimizer and the NTK
 * treat it like any other; W and b are trained with the rest.
 */
public record FourierFeatures(int features, double scale) {
    public FourierFeatures {
        if (features < 1) throw new IllegalArgumentException("net.fourier.features must be >= 1, got " + features);
        if (!(scale > 0) || !Double.isFinite(scale)) throw new IllegalArgumentException("net.fourier.scale must be a positive number, got " + scale);
    }
}
