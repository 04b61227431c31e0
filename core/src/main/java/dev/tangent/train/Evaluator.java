package dev.tangent.train;

import dev.tangent.pde.Discretization;
import dev.tangent.pde.ErrorMetrics;
import java.util.List;

/** Measures a parameter vector apart from training (test-grid errors); returns named values. */
public interface Evaluator {
    /** The columns every record of this evaluator has, in order. */
    List<String> columns();

    /** The metrics at θ (not modified). */
    MetricsRecord evaluate(double[] theta);

    /** Errors against the problem's reference on its dense test grid: relative_l2, absolute_rms, max_abs (NaN without one). */
    static Evaluator testGrid(Discretization d) {
        List<String> cols = List.of("relative_l2", "absolute_rms", "max_abs");
        return new Evaluator() {
            @Override
            public List<String> columns() {
                return cols;
            }

            @Override
            public MetricsRecord evaluate(double[] theta) {
                ErrorMetrics e = d.errors(theta);
                return e == null ? new MetricsRecord(cols, new double[] {Double.NaN, Double.NaN, Double.NaN})
                        : new MetricsRecord(cols, new double[] {e.relativeL2(), e.absoluteRms(), e.maxAbs()});
            }
        };
    }

    /** The error triple of a test-grid record, or null when it has no reference (all NaN). */
    static ErrorMetrics errors(MetricsRecord r) {
        if (!r.has("absolute_rms") || Double.isNaN(r.get("absolute_rms")) && Double.isNaN(r.get("relative_l2"))) return null;
        return new ErrorMetrics(r.get("relative_l2"), r.get("absolute_rms"), r.has("max_abs") ? r.get("max_abs") : Double.NaN);
    }
}
