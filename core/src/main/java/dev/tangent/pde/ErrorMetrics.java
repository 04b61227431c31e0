package dev.tangent.pde;

/** Error of a prediction against a reference: relative L2 ‖u−u*‖/‖u*‖, absolute RMS, and max abs. */
public record ErrorMetrics(double relativeL2, double absoluteRms, double maxAbs) {
    public static ErrorMetrics of(double[] predicted, double[] reference) {
        if (predicted.length != reference.length) {
            throw new IllegalArgumentException("prediction has " + predicted.length + " values, reference " + reference.length);
        }
        double num = 0, den = 0, max = 0;
        for (int i = 0; i < reference.length; i++) {
            double e = predicted[i] - reference[i];
            num += e * e;
            den += reference[i] * reference[i];
            max = Math.max(max, Math.abs(e));
        }
        return new ErrorMetrics(Math.sqrt(num / Math.max(den, Double.MIN_NORMAL)), Math.sqrt(num / reference.length), max);
    }

    public String describe() {
        return String.format("rel L2 %.3e, abs RMS %.3e", relativeL2, absoluteRms);
    }
}
