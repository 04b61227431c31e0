package dev.tangent.train;

import dev.tangent.pde.ErrorMetrics;
import dev.tangent.pde.Problem;
import java.util.ArrayList;
import java.util.List;

/** metrics.csv columns of a system's per-field errors, appended last: relative_l2_u, absolute_rms_u, relative_l2_v, … */
final class FieldColumns {
    private FieldColumns() {}

    /** The column names; none for a scalar problem (its columns stay as they were). */
    static List<String> names(Problem problem) {
        List<String> out = new ArrayList<>();
        if (!problem.system()) return out;
        for (String f : problem.fields()) {
            out.add("relative_l2_" + f);
            out.add("absolute_rms_" + f);
        }
        return out;
    }

    /** Writes each field's errors into the last {@code count} entries of the row (NaN without an evaluation). */
    static void write(ErrorMetrics e, int count, double[] row) {
        for (int f = 0; f < count / 2; f++) {
            ErrorMetrics ef = e == null || e.fields().isEmpty() ? null : e.fields().get(f);
            row[row.length - count + 2 * f] = ef == null ? Double.NaN : ef.relativeL2();
            row[row.length - count + 2 * f + 1] = ef == null ? Double.NaN : ef.absoluteRms();
        }
    }
}
