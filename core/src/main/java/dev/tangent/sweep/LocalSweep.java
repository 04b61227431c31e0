package dev.tangent.sweep;

import dev.tangent.linalg.NativeBackend;
import dev.tangent.train.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs a sweep's points on a local thread pool sized to the cores. With more than one worker the native BLAS
 * runs single-threaded so workers × BLAS threads never exceeds the cores. Finished points (status ok in
 * results.csv) are skipped on a re-run; a failing point is recorded with its error and the others go on.
 */
public final class LocalSweep {
    private LocalSweep() {}

    /** Progress: done, total, seconds elapsed, estimated seconds left. */
    public record Progress(int done, int total, double elapsed, double eta, String lastId, String lastStatus) {}

    public static SweepResults run(SweepSpec spec, Path dir, int workers, Consumer<Progress> progress) throws Exception {
        if (workers < 1) throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        Files.createDirectories(dir);
        SweepResults results = new SweepResults(dir.resolve("results.csv"));
        List<Map<String, Object>> todo = new ArrayList<>();
        for (Map<String, Object> p : spec.points()) if (!results.finished(spec.id(p))) todo.add(p);
        int before = NativeBackend.threads();
        if (workers > 1) NativeBackend.setThreads(1);
        SweepUnit unit = SweepUnits.get(spec.run());
        AtomicInteger done = new AtomicInteger();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "tangent-sweep");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Map<String, Object> p : todo) {
                futures.add(pool.submit(() -> {
                    Map<String, String> row = runPoint(spec, unit, p, dir);
                    results.add(row);
                    int d = done.incrementAndGet();
                    double el = (System.nanoTime() - t0) / 1e9;
                    if (progress != null) progress.accept(new Progress(d, todo.size(), el, el / d * (todo.size() - d), row.get("id"), row.get("status")));
                }));
            }
            for (Future<?> f : futures) f.get();
        } finally {
            pool.shutdownNow();
            if (workers > 1) NativeBackend.setThreads(before);
        }
        return results;
    }

    /** Runs one point in-process; any exception becomes status "failed" with its message. */
    public static Map<String, String> runPoint(SweepSpec spec, SweepUnit unit, Map<String, Object> point, Path dir) {
        String id = spec.id(point);
        Map<String, String> row = new LinkedHashMap<>();
        row.put("id", id);
        for (String k : spec.keys()) row.put(k, String.valueOf(point.getOrDefault(k, "")));
        try {
            Config c = spec.configFor(point);
            Path work = dir.resolve("points").resolve(Integer.toHexString(id.hashCode()));
            Files.createDirectories(work);
            Map<String, Object> metrics = unit.run(c, work);
            row.put("status", "ok");
            row.put("error", "");
            List<String> wanted = spec.metrics().isEmpty() ? new ArrayList<>(metrics.keySet()) : spec.metrics();
            for (String m : wanted) {
                if (!metrics.containsKey(m)) throw new IllegalArgumentException("unit " + spec.run() + " has no metric '" + m + "'; available: " + metrics.keySet());
                // the unit's own status (e.g. converged) must not overwrite the sweep's ok/failed
                row.put(m.equals("status") ? "run_status" : m, String.valueOf(metrics.get(m)));
            }
        } catch (Exception e) {
            row.keySet().retainAll(new java.util.HashSet<>(spec.keys()) {{ add("id"); }});
            row.put("status", "failed");
            row.put("error", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        return row;
    }
}
