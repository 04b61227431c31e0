package dev.tangent.pde.geometry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads user point sets from CSV with a header row naming the columns: the coordinates (any order), for boundary
 * files optionally the outward normal {@code n_<coord>} of each coordinate and a {@code part} label. Every value must
 * be a finite number; an error names the file, line (1-based, the header is line 1), column and value.
 */
public final class PointCsv {
    private PointCsv() {}

    /** Columns of one file: points, normals (null when absent), labels (null when absent). */
    public record Table(double[] points, double[] normals, String[] labels) {}

    public static Table read(Path file, String[] coords, boolean boundary) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " cannot be read: " + e.getMessage());
        }
        if (lines.isEmpty()) throw new IllegalArgumentException(file + " is empty; the first line names the columns, e.g. " + String.join(",", coords));
        String[] head = split(lines.get(0));
        int d = coords.length;
        int[] at = new int[d], normalAt = new int[d];
        Arrays.fill(normalAt, -1);
        int partAt = -1;
        for (int k = 0; k < d; k++) {
            at[k] = find(head, coords[k]);
            if (at[k] < 0) {
                throw new IllegalArgumentException(file + " line 1: no column '" + coords[k] + "'; the header names the columns "
                        + (boundary ? Arrays.toString(coords) + ", optionally n_" + coords[0] + "… and part" : Arrays.toString(coords))
                        + ", got " + Arrays.toString(head));
            }
            if (boundary) normalAt[k] = find(head, "n_" + coords[k]);
        }
        if (boundary) partAt = find(head, "part");
        boolean normals = boundary && normalAt[0] >= 0;
        for (int k = 0; k < d && boundary; k++) {
            if ((normalAt[k] >= 0) != normals) {
                throw new IllegalArgumentException(file + " line 1: give a normal column for every coordinate (n_"
                        + String.join(", n_", coords) + ") or none, got " + Arrays.toString(head));
            }
        }
        for (String h : head) {
            boolean known = find(coords, h) >= 0 || h.equals("part") && boundary || boundary && h.startsWith("n_") && find(coords, h.substring(2)) >= 0;
            if (!known) throw new IllegalArgumentException(file + " line 1: unknown column '" + h + "'");
        }
        List<double[]> pts = new ArrayList<>();
        List<double[]> nrm = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int line = 1; line < lines.size(); line++) {
            if (lines.get(line).isBlank()) continue;
            String[] cells = split(lines.get(line));
            String where = file + " line " + (line + 1);
            if (cells.length != head.length) {
                throw new IllegalArgumentException(where + ": " + cells.length + " values but the header has " + head.length + " columns");
            }
            double[] p = new double[d], n = new double[d];
            for (int k = 0; k < d; k++) {
                p[k] = number(cells[at[k]], where, coords[k]);
                if (normals) n[k] = number(cells[normalAt[k]], where, "n_" + coords[k]);
            }
            if (normals) {
                double len = 0;
                for (double v : n) len += v * v;
                len = Math.sqrt(len);
                if (len == 0) throw new IllegalArgumentException(where + ": the normal (n_" + String.join(", n_", coords) + ") is zero");
                for (int k = 0; k < d; k++) n[k] /= len;
            }
            pts.add(p);
            nrm.add(n);
            labels.add(partAt >= 0 ? cells[partAt] : "boundary");
        }
        if (pts.isEmpty()) throw new IllegalArgumentException(file + " has a header but no points");
        double[] flat = new double[pts.size() * d], flatN = normals ? new double[pts.size() * d] : null;
        for (int i = 0; i < pts.size(); i++) {
            System.arraycopy(pts.get(i), 0, flat, i * d, d);
            if (normals) System.arraycopy(nrm.get(i), 0, flatN, i * d, d);
        }
        return new Table(flat, flatN, partAt >= 0 ? labels.toArray(String[]::new) : null);
    }

    private static String[] split(String line) {
        String[] s = line.split(",", -1);
        for (int i = 0; i < s.length; i++) s[i] = s[i].trim();
        return s;
    }

    private static int find(String[] names, String name) {
        for (int i = 0; i < names.length; i++) if (names[i].equals(name)) return i;
        return -1;
    }

    private static double number(String cell, String where, String column) {
        double v;
        try {
            v = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": column " + column + " must be a number, got '" + cell + "'");
        }
        if (!Double.isFinite(v)) throw new IllegalArgumentException(where + ": column " + column + " is " + cell + "; every value must be finite");
        return v;
    }
}
