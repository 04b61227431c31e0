package dev.tangent.pde;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A CSV of points and values: a header line of column names, then one row of numbers per point ('#' lines and
 * blank lines skipped). Every error names the file, the line and the column.
 */
public final class PointTable {
    private final Path file;
    private final List<String> header;
    private final double[][] rows;
    private final int[] lines;

    private PointTable(Path file, List<String> header, double[][] rows, int[] lines) {
        this.file = file;
        this.header = header;
        this.rows = rows;
        this.lines = lines;
    }

    public static PointTable read(Path file) {
        List<String> text;
        try {
            text = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("CSV file " + file + " does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read CSV file " + file + ": " + e.getMessage(), e);
        }
        List<String> header = null;
        List<double[]> rows = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        for (int ln = 0; ln < text.size(); ln++) {
            String line = text.get(ln).strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            String[] cells = line.split(",", -1);
            if (header == null) {
                header = Arrays.stream(cells).map(String::strip).toList();
                if (header.stream().anyMatch(String::isEmpty)) throw new IllegalArgumentException(file + " line " + (ln + 1) + ": the header has an empty column name");
                if (header.size() != header.stream().distinct().count()) throw new IllegalArgumentException(file + " line " + (ln + 1) + ": the header names a column twice: " + header);
                continue;
            }
            if (cells.length != header.size()) {
                throw new IllegalArgumentException(file + " line " + (ln + 1) + ": " + cells.length + " values but the header has "
                        + header.size() + " columns " + header);
            }
            double[] row = new double[cells.length];
            for (int k = 0; k < cells.length; k++) {
                String c = cells[k].strip();
                try {
                    row[k] = Double.parseDouble(c);
                } catch (NumberFormatException e) {
                    if (c.matches("(?i)[+-]?(nan|inf|infinity)")) {
                        throw new IllegalArgumentException(file + " line " + (ln + 1) + ", column " + header.get(k) + ": " + c + " is not a finite number");
                    }
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + ", column " + header.get(k) + ": '" + c + "' is not a number");
                }
                if (!Double.isFinite(row[k])) {
                    throw new IllegalArgumentException(file + " line " + (ln + 1) + ", column " + header.get(k) + ": " + c + " is not a finite number");
                }
            }
            rows.add(row);
            lines.add(ln + 1);
        }
        if (header == null || rows.isEmpty()) throw new IllegalArgumentException("CSV file " + file + " has no data rows (a header line and at least one row are needed)");
        return new PointTable(file, header, rows.toArray(double[][]::new), lines.stream().mapToInt(Integer::intValue).toArray());
    }

    public Path file() {
        return file;
    }

    public int size() {
        return rows.length;
    }

    public List<String> header() {
        return header;
    }

    /** One column's values; a missing column is an error naming the file and the columns it has. */
    public double[] column(String name) {
        int k = header.indexOf(name);
        if (k < 0) throw new IllegalArgumentException("CSV file " + file + " has no column '" + name + "'; its columns are " + header);
        double[] v = new double[rows.length];
        for (int i = 0; i < v.length; i++) v[i] = rows[i][k];
        return v;
    }

    /** The domain's coordinates, point-major; a point outside the domain is an error naming its line. */
    public double[] points(Domain d) {
        double[][] cols = new double[d.dim()][];
        for (int k = 0; k < d.dim(); k++) cols[k] = column(d.coords()[k]);
        double[] x = new double[rows.length * d.dim()];
        for (int i = 0; i < rows.length; i++) {
            for (int k = 0; k < d.dim(); k++) {
                double v = cols[k][i];
                double span = d.hi()[k] - d.lo()[k], tol = 1e-12 * span;
                if (v < d.lo()[k] - tol || v > d.hi()[k] + tol) {
                    throw new IllegalArgumentException(file + " line " + lines[i] + ": " + d.coords()[k] + " = " + v
                            + " is outside the domain [" + Domain.fmt(d.lo()[k]) + ", " + Domain.fmt(d.hi()[k]) + "]");
                }
                x[i * d.dim() + k] = v;
            }
        }
        return x;
    }
}
