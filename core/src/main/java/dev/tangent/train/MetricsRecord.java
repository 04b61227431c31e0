package dev.tangent.train;

import java.util.Arrays;
import java.util.List;

/** Named values (a row of metrics.csv); columns in a fixed order. */
public record MetricsRecord(List<String> columns, double[] values) {
    public MetricsRecord {
        columns = List.copyOf(columns);
        if (values.length != columns.size()) throw new IllegalArgumentException(values.length + " values for columns " + columns);
    }

    /** The value of a column; an unknown name is an error listing the columns. */
    public double get(String column) {
        int i = columns.indexOf(column);
        if (i < 0) throw new IllegalArgumentException("metrics have no column '" + column + "'; columns: " + columns);
        return values[i];
    }

    public boolean has(String column) {
        return columns.contains(column);
    }

    @Override
    public String toString() {
        return "MetricsRecord" + columns + Arrays.toString(values);
    }
}
