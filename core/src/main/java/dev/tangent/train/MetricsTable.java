package dev.tangent.train;

import dev.tangent.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** metrics.csv: a header and numeric rows, kept in memory and rewritten atomically. */
public final class MetricsTable {
    private final List<String> columns;
    private final List<double[]> rows = new ArrayList<>();

    public MetricsTable(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public List<String> columns() {
        return columns;
    }

    public List<double[]> rows() {
        return rows;
    }

    public void add(double[] row) {
        if (row.length != columns.size()) throw new IllegalArgumentException("row has " + row.length + " values, table " + columns.size());
        rows.add(row.clone());
    }

    public int column(String name) {
        int i = columns.indexOf(name);
        if (i < 0) throw new IllegalArgumentException("metrics has no column '" + name + "'; columns: " + columns);
        return i;
    }

    public double[] series(String name) {
        int c = column(name);
        return rows.stream().mapToDouble(r -> r[c]).toArray();
    }

    /** Drops rows whose step is after {@code step} (used on resume from an earlier checkpoint). */
    public void truncateAfter(long step) {
        int c = column("step");
        rows.removeIf(r -> r[c] > step);
    }

    /** Column names of older metrics.csv files and their current names (as in summary.json and sweeps). */
    private static final java.util.Map<String, String> RENAMED = java.util.Map.of("rel_l2", "relative_l2", "abs_rms", "absolute_rms");

    public void write(Path file) {
        StringBuilder sb = new StringBuilder(String.join(",", columns)).append('\n');
        for (double[] r : rows) {
            for (int i = 0; i < r.length; i++) {
                if (i > 0) sb.append(',');
                double v = r[i];
                sb.append(v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v));
            }
            sb.append('\n');
        }
        AtomicFiles.write(file, sb.toString());
    }

    public static MetricsTable read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) throw new IllegalArgumentException(file + " is empty");
            List<String> header = new ArrayList<>(Arrays.asList(lines.get(0).split(",")));
            header.replaceAll(c -> RENAMED.getOrDefault(c, c)); // files written before the names were unified
            MetricsTable t = new MetricsTable(header);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                String[] parts = lines.get(i).split(",");
                double[] row = new double[parts.length];
                for (int k = 0; k < parts.length; k++) row[k] = parts[k].isEmpty() ? Double.NaN : Double.parseDouble(parts[k]);
                t.rows.add(row);
            }
            return t;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
