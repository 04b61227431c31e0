package dev.tangent.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSweepTest {
    @TempDir
    Path tmp;

    static final String SPEC = """
            run: train
            base:
              problem: {name: poisson1d, options: {a: 1}}
              points: {pde: 16}
              optimizer: {name: adam, lr: 0.01}
              train: {steps: 5, time: 0, eval_every: 5, checkpoint_every: 0}
            grid:
              net.width: [4, 6]
              seed: "0..1"
            metrics: [absolute_rms, steps]
            """;

    @Test
    void aKilledSweepResumesWithoutRedoingFinishedPoints() throws Exception {
        SweepSpec spec = SweepSpec.parse(SPEC);
        assertEquals(4, spec.points().size());
        SweepResults first = LocalSweep.run(spec, tmp, 2, null);
        assertEquals(4, first.rows().size());
        // simulate a kill after three points: drop one row from results.csv
        Path csv = tmp.resolve("results.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(csv));
        String dropped = lines.remove(lines.size() - 1);
        Files.write(csv, lines);
        List<LocalSweep.Progress> seen = new ArrayList<>();
        SweepResults again = LocalSweep.run(spec, tmp, 2, seen::add);
        assertEquals(1, seen.size(), "only the missing point runs again");
        assertEquals(1, seen.get(0).total());
        assertEquals(4, again.rows().size());
        assertTrue(Files.readAllLines(csv).contains(dropped), "the re-run point reproduces its row exactly");
    }

    @Test
    void aFailingPointIsRecordedAndTheOthersFinish() throws Exception {
        // a point that passes every check but fails while running: its observation file vanishes after the spec was read
        Path obs = tmp.resolve("obs.csv");
        Files.writeString(obs, "x,u\n0.25,0.7\n0.5,1\n");
        String data = "{domain: {x: [0, 1]}, equation: \"u_xx = -sin(x)\", conditions: [{kind: dirichlet, value: \"0\"}, "
                + "{kind: data, file: \"" + obs.toString().replace("\\", "/") + "\"}], interior_points: 16}";
        SweepSpec spec = SweepSpec.parse(SPEC.replace("  problem: {name: poisson1d, options: {a: 1}}\n", "")
                .replace("  points: {pde: 16}\n", "").replace("net.width: [4, 6]", "problem: [poisson1d, " + data + "]"));
        Files.delete(obs);
        SweepResults r = LocalSweep.run(spec, tmp, 2, null);
        List<Map<String, String>> rows = r.rows();
        assertEquals(4, rows.size());
        long failed = rows.stream().filter(x -> x.get("status").equals("failed")).count();
        assertEquals(2, failed);
        assertTrue(rows.stream().filter(x -> x.get("status").equals("failed")).allMatch(x -> x.get("error").contains("obs.csv")), rows.toString());
        assertTrue(rows.stream().filter(x -> x.get("status").equals("ok")).allMatch(x -> Double.parseDouble(x.get("absolute_rms")) > 0));
    }

    @Test
    void badSpecsGiveClearErrors() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("metrics:", "metricz:")));
        assertTrue(unknown.getMessage().contains("'metricz'") && unknown.getMessage().contains("metrics"), unknown.getMessage());
        var key = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("net.width:", "net.widht:")));
        assertTrue(key.getMessage().contains("net.widht"), key.getMessage());
        var empty = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("net.width: [4, 6]", "net.width: []")));
        assertTrue(empty.getMessage().contains("empty grid"), empty.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse("run: train\nbase: {}\n"));
        assertTrue(none.getMessage().contains("empty grid"), none.getMessage());
        // a point the run spec refuses (an unknown problem) stops the whole sweep before any point runs
        var problem = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("net.width: [4, 6]", "problem.name: [poisson1d, nosuch]")));
        assertTrue(problem.getMessage().contains("sweep point") && problem.getMessage().contains("nosuch"), problem.getMessage());
        var causal = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("  points: {pde: 16}\n", "  points: {pde: 16}\n  causal: {epsilon: 1.0}\n")));
        assertTrue(causal.getMessage().contains("causal weights need a time-dependent problem") && causal.getMessage().contains("poisson1d"), causal.getMessage());
        var invalid = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("[4, 6]", "[4, -3]")));
        assertTrue(invalid.getMessage().contains("net.width") && invalid.getMessage().contains("-3"), invalid.getMessage());
        var huge = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("0..1", "0..2000000000")));
        assertTrue(huge.getMessage().contains("seed") && huge.getMessage().contains("tangent.limit.sweepPoints"), huge.getMessage());
        var run = assertThrows(IllegalArgumentException.class, () -> SweepSpec.parse(SPEC.replace("run: train", "run: fly")));
        assertTrue(run.getMessage().contains("'fly'") && run.getMessage().contains("ntk-width"), run.getMessage());
    }

    @Test
    void summaryGroupsOverSeeds() throws Exception {
        SweepResults r = LocalSweep.run(SweepSpec.parse(SPEC), tmp, 1, null);
        var g = SweepSummary.group(r.rows(), List.of("net.width"), "absolute_rms");
        assertEquals(2, g.size());
        g.values().forEach(s -> assertEquals(2, s.n()));
    }
}
