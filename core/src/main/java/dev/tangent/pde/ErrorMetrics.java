package dev.tangent.pde;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Error of a prediction against a reference: relative L2 ‖u−u*‖/‖u*‖, absolute RMS, and max abs. For a system,
 * {@code fields} holds each field's errors (null for a field without a reference) and the three numbers are the
 * worst over the fields; it is empty for a scalar problem.
 */
public record ErrorMetrics(double relativeL2, double absoluteRms, double maxAbs, List<ErrorMetrics> fields) {
    public ErrorMetrics {
        fields = fields == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(fields));
    }

    public ErrorMetrics(double relativeL2, double absoluteRms, double maxAbs) {
        this(relativeL2, absoluteRms, maxAbs, List.of());
    }

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

    /** Per-field errors with the worst field's as the headline. */
    public static ErrorMetrics worstOf(List<ErrorMetrics> perField) {
        double rel = 0, rms = 0, max = 0;
        for (ErrorMetrics e : perField) {
            if (e == null) continue;
            rel = Math.max(rel, e.relativeL2);
            rms = Math.max(rms, e.absoluteRms);
            max = Math.max(max, e.maxAbs);
        }
        return new ErrorMetrics(rel, rms, max, perField);
    }

    public String describe() {
        return String.format("rel L2 %.3e, abs RMS %.3e", relativeL2, absoluteRms);
    }
}
