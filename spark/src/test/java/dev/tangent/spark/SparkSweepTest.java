package dev.tangent.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tangent.sweep.LocalSweep;
import dev.tangent.sweep.SweepResults;
import dev.tangent.sweep.SweepSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The same small sweep gives identical result rows on the local engine and on Spark local[2]. */
class SparkSweepTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            run: train
            base:
              problem: {name: poisson1d, options: {a: 1}}
              points: {pde: 16}
              optimizer: {name: anagram}
              train: {steps: 8, time: 0, eval_every: 4, checkpoint_every: 0}
            grid:
              net.width: [4, 6]
              seed: "0..1"
            metrics: [steps, loss, absolute_rms, relative_l2]
            """;

    @Test
    void sparkLocal2MatchesTheLocalEngineRowForRow() throws Exception {
        SweepSpec spec = SweepSpec.parse(SPEC);
        long t0 = System.nanoTime();
        SweepResults local = LocalSweep.run(spec, tmp.resolve("local"), 2, null);
        long t1 = System.nanoTime();
        SweepResults spark = new SparkSweepEngine().run(spec, tmp.resolve("spark"), "local[2]");
        long t2 = System.nanoTime();
        System.out.printf("sweep of %d points: local engine %.2f s, Spark local[2] %.2f s (includes Spark start-up)%n",
                spec.points().size(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        List<Map<String, String>> a = local.rows(), b = spark.rows();
        assertEquals(4, a.size());
        assertEquals(a.size(), b.size());
        for (Map<String, String> row : a) {
            Map<String, String> other = b.stream().filter(r -> r.get("id").equals(row.get("id"))).findFirst().orElseThrow();
            assertEquals(row, other, "row " + row.get("id"));
        }
    }
}
