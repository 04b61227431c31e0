package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --set KEY=VALUE} on every command that takes a config: one parser, so a bad key or value gets the same
 * message everywhere, and a setting the run spec rejects is refused before anything runs.
 */
class ConfigSetsTest {
    @TempDir
    Path tmp;

    private Path sweep() throws Exception {
        Path f = tmp.resolve("sweep.yaml");
        Files.writeString(f, """
                run: train
                base: {problem: poisson1d, optimizer: {name: lm}, train: {steps: 1, time: 0}}
                grid: {seed: [0, 1]}
                """);
        return f;
    }

    private List<String[]> commands() throws Exception {
        Path out = tmp.resolve("out");
        return List.of(
                new String[] {"train", "--problem", "poisson1d", "--out", out.toString()},
                new String[] {"ntk", "--problem", "poisson1d", "--out", out.toString()},
                new String[] {"sweep", sweep().toString(), "--out", out.resolve("sweep").toString()},
                new String[] {"reproduce", "kovasznay", "--out", out.resolve("k").toString()},
                new String[] {"reproduce", "anagram-laplace2d", "--out", out.resolve("a").toString()},
                new String[] {"reproduce", "ntk-weights-wave", "--out", out.resolve("w").toString()},
                new String[] {"reproduce", "ntk-width-kdv", "--out", out.resolve("n").toString()});
    }

    private static Subprocess.Result run(String[] command, String... extra) {
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(List.of(extra));
        return Subprocess.inProcess(args.toArray(String[]::new));
    }

    @Test
    void everyConfigCommandGivesTheSameMessageForABadSetting() throws Exception {
        for (String[] bad : List.of(new String[] {"--set", "net.widht=3"}, new String[] {"--set", "net.width"},
                new String[] {"--set", "net.width=-2"})) {
            String first = null;
            for (String[] cmd : commands()) {
                Subprocess.Result r = run(cmd, bad);
                String what = String.join(" ", cmd) + " " + String.join(" ", bad);
                assertEquals(ExitCodes.BAD_INPUT, r.code(), what + ": " + r.err());
                assertTrue(r.err().contains("--set"), what + ": " + r.err());
                assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
                String message = r.err().strip();
                message = message.substring(message.indexOf("--set"));
                if (first == null) first = message;
                assertEquals(first, message, what);
            }
            if (bad[1].startsWith("net.widht")) assertTrue(first.contains("did you mean 'width'"), first);
        }
        assertFalse(Files.exists(tmp.resolve("out").resolve("k").resolve("metrics.csv")), "a rejected run ran");
    }

    @Test
    void aSettingTheRunSpecRejectsStopsTheStudyOrSweepBeforeAnyRun() throws Exception {
        // anagram reads no damping: refused for the anagram run before lm, which would accept it, has started
        Subprocess.Result study = Subprocess.inProcess("reproduce", "anagram-laplace2d", "--set", "optimizer.damping=1e-2",
                "--out", tmp.resolve("a").toString());
        assertEquals(ExitCodes.BAD_INPUT, study.code(), study.err());
        assertTrue(study.err().contains("optimizer.damping does not apply to anagram"), study.err());
        assertFalse(Files.exists(tmp.resolve("a").resolve("runs")), "a run started");
        Subprocess.Result sweep = Subprocess.inProcess("sweep", sweep().toString(), "--set", "optimizer.cutoff=1e-3",
                "--out", tmp.resolve("s").toString());
        assertEquals(ExitCodes.BAD_INPUT, sweep.code(), sweep.err());
        assertTrue(sweep.err().contains("sweep point") && sweep.err().contains("optimizer.cutoff does not apply to lm"), sweep.err());
        assertFalse(Files.exists(tmp.resolve("s").resolve("results.csv")), "a point ran");
    }

    @Test
    void aStudyRunsAndRecordsTheSpecWithItsSettings() throws Exception {
        Path out = tmp.resolve("width");
        Subprocess.Result r = Subprocess.inProcess("reproduce", "ntk-width-kdv", "--steps", "0", "--min-width", "4", "--max-width", "16",
                "--seeds", "2", "--drift-seeds", "1", "--points", "4", "--fit-from", "4", "--set", "net.activation=sin", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        dev.tangent.sweep.SweepSpec spec = dev.tangent.sweep.SweepSpec.load(out.resolve("sweep.yaml"));
        assertEquals("sin", spec.base().string("net.activation", ""), "the setting is in the recorded spec");
        assertEquals(3 * 4, spec.points().size(), "widths 4, 8, 16 × four scalings");
        assertEquals(spec.points().size(), new dev.tangent.sweep.SweepResults(out.resolve("results.csv")).rows().size(), "every point ran");
    }

    @Test
    void theWeightsStudyWritesItsCurvesAgainstStepsAndTime() throws Exception {
        Path out = tmp.resolve("weights");
        Subprocess.Result r = Subprocess.inProcess("reproduce", "ntk-weights-poisson", "--steps", "20", "--seeds", "1", "--width", "4",
                "--workers", "1", "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        for (String f : new String[] {"error_vs_step.png", "error_vs_time.png", "weights_vs_step.png", "results.csv", "summary.md", "sweep.yaml"}) {
            assertTrue(java.nio.file.Files.size(out.resolve(f)) > 0, f);
        }
    }

    @Test
    void ntkReadsTheSameSpecAsTrain() throws Exception {
        Path out = tmp.resolve("ntk");
        Subprocess.Result r = Subprocess.inProcess("ntk", "--problem", "poisson1d", "--set", "net.widths=[6]", "--set", "points.pde=9",
                "--out", out.toString());
        assertEquals(ExitCodes.OK, r.code(), r.err());
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve("ntk.json").toFile());
        assertTrue(json.get("net").asText().contains("6"), "net " + json.get("net"));
        assertEquals(9, json.get("blocks").get(0).get("size").asInt(), json.toString());
    }

    @Test
    void ntkKernelFlagsPickTheMethodAndAgree() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        double[][] traces = new double[2][];
        String[] methods = {"dense", "structured"};
        for (int m = 0; m < 2; m++) {
            Path out = tmp.resolve("ntk-" + methods[m]);
            Subprocess.Result r = Subprocess.inProcess("ntk", "--problem", "poisson1d", "--set", "net.widths=[6]", "--set", "points.pde=9",
                    "--kernel", methods[m], "--memory-mb", "16", "--out", out.toString());
            assertEquals(ExitCodes.OK, r.code(), r.err());
            var blocks = mapper.readTree(out.resolve("ntk.json").toFile()).get("blocks");
            traces[m] = new double[blocks.size()];
            for (int b = 0; b < blocks.size(); b++) traces[m][b] = blocks.get(b).get("trace").asDouble();
        }
        assertEquals(traces[0].length, traces[1].length);
        for (int b = 0; b < traces[0].length; b++) assertEquals(traces[0][b], traces[1][b], 1e-10 * Math.abs(traces[0][b]), "block " + b);
    }
}
