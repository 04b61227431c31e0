package dev.tangent.spark;

import dev.tangent.linalg.NativeBackend;
import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.SweepEngine;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import dev.tangent.sweep.SweepUnits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Runs a sweep's unfinished points as Spark tasks, one task per point. Each task rebuilds the spec from its
 * self-contained YAML, runs the point in-process on the same Tangent code (native BLAS on one thread, since
 * Spark already runs one task per core) and returns its result row; the driver writes results.csv exactly as
 * the local engine does, so resume and summaries work unchanged.
 */
public final class SparkSweepEngine implements SweepEngine {
    @Override
    public String name() {
        return "spark";
    }

    @Override
    public SweepResults run(SweepSpec spec, Path dir, String master) throws Exception {
        Files.createDirectories(dir);
        SweepResults results = new SweepResults(dir.resolve("results.csv"));
        List<Map<String, Object>> todo = new ArrayList<>();
        for (Map<String, Object> p : spec.points()) if (!results.finished(spec.id(p))) todo.add(new LinkedHashMap<>(p));
        if (todo.isEmpty()) return results;
        String yaml = spec.toYaml();
        String work = dir.toAbsolutePath().toString();
        SparkConf conf = new SparkConf().setAppName("tangent-sweep").setIfMissing("spark.master", master)
                .setIfMissing("spark.ui.enabled", "false");
        try (JavaSparkContext sc = new JavaSparkContext(conf)) {
            List<Map<String, String>> rows = sc.parallelize(todo, todo.size()).map(point -> {
                NativeBackend.setThreads(1);
                SweepSpec s = SweepSpec.parse(yaml);
                return (Map<String, String>) new LinkedHashMap<>(LocalSweep.runPoint(s, SweepUnits.get(s.run()), point, Path.of(work)));
            }).collect();
            for (Map<String, String> row : rows) results.add(row);
        }
        return results;
    }
}
