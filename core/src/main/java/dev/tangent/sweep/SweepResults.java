package dev.tangent.sweep;

import dev.tangent.io.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.csv of a sweep: one row per finished point (its id, its key values, status, error, metrics),
 * rewritten atomically after every row so a killed sweep leaves a complete file.
 */
public final class SweepResults {
    private final Path file;
    private final List<Map<String, String>> rows = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();

    public SweepResults(Path file) {
        this.file = file;
        if (Files.exists(file)) load();
    }

    private void load() {
        try {
            List<String> lines = Files.readAllLines(file);
            if (lines.isEmpty()) return;
            List<String> header = Csv.split(lines.get(0));
            columns.addAll(header);
            for (int i = 1; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) continue;
                List<String> cells = Csv.split(lines.get(i));
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < header.size(); k++) row.put(header.get(k), k < cells.size() ? cells.get(k) : "");
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public synchronized boolean finished(String id) {
        return rows.stream().anyMatch(r -> id.equals(r.get("id")) && "ok".equals(r.get("status")));
    }

    public synchronized List<Map<String, String>> rows() {
        return new ArrayList<>(rows);
    }

    /** Adds (or replaces a failed row of) a point and rewrites the file. */
    public synchronized void add(Map<String, String> row) {
        rows.removeIf(r -> r.get("id").equals(row.get("id")));
        rows.add(row);
        for (String k : row.keySet()) if (!columns.contains(k)) columns.add(k);
        StringBuilder sb = new StringBuilder(Csv.join(columns)).append('\n');
        for (Map<String, String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String c : columns) cells.add(r.getOrDefault(c, ""));
            sb.append(Csv.join(cells)).append('\n');
        }
        AtomicFiles.write(file, sb.toString());
    }

    /** Minimal CSV with quoting for commas, quotes and newlines. */
    static final class Csv {
        static String join(List<String> cells) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) sb.append(',');
                String c = cells.get(i) == null ? "" : cells.get(i);
                if (c.contains(",") || c.contains("\"") || c.contains("\n")) {
                    sb.append('"').append(c.replace("\"", "\"\"").replace("\n", " ")).append('"');
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        static List<String> split(String line) {
            List<String> out = new ArrayList<>();
            StringBuilder cur = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < line.length(); i++) {
                char ch = line.charAt(i);
                if (quoted) {
                    if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else if (ch == '"') {
                        quoted = false;
                    } else {
                        cur.append(ch);
                    }
                } else if (ch == '"') {
                    quoted = true;
                } else if (ch == ',') {
                    out.add(cur.toString());
                    cur.setLength(0);
                } else {
                    cur.append(ch);
                }
            }
            out.add(cur.toString());
            return out;
        }
    }
}
