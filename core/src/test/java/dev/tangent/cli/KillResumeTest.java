package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.train.Checkpoint;
import dev.tangent.train.Config;
import dev.tangent.train.MetricsTable;
import dev.tangent.train.Optimizers;
import dev.tangent.train.RunLock;
import dev.tangent.train.RunSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults on real processes: kill -9 at random moments (from right after the run directory appears, before any
 * checkpoint, to the end) then --resume, SIGTERM, and two resumes at once. Every resumed run must end with exactly
 * the metrics, parameters and summary of an uninterrupted run. `mvn test` kills {@value #DEFAULT_KILLS} times;
 * `mvn test -Pfault` sets tangent.fault.kills (20) and cycles through every optimizer.
 */
class KillResumeTest {
    static final int DEFAULT_KILLS = 2;
    static final int KILLS = Integer.getInteger("tangent.fault.kills", DEFAULT_KILLS);
    static final List<String> OPTIMIZERS = KILLS > DEFAULT_KILLS ? Optimizers.NAMES : List.of("adam");

    @TempDir
    Path tmp;

    private final Map<String, Path> references = new HashMap<>();

    static String config(String optimizer) {
        String lr = optimizer.equals("adam") || optimizer.equals("gd") ? ", lr: 0.01" : "";
        long steps = optimizer.equals("anagram") || optimizer.equals("engd") || optimizer.equals("lm") ? 300 : 1500;
        return """
                problem: laplace2d
                net: {widths: [12]}
                points: {pde: 144, boundary: 40}
                optimizer: {name: %s%s}
                train: {steps: %d, time: 0, eval_every: 25, checkpoint_every: 250}
                seed: 7
                """.formatted(optimizer, lr, steps);
    }

    /** The uninterrupted run of an optimizer's config (in this JVM), computed once. */
    private Path reference(String optimizer) throws Exception {
        if (references.containsKey(optimizer)) return references.get(optimizer);
        Path cfg = tmp.resolve(optimizer + ".yaml");
        Files.writeString(cfg, config(optimizer));
        Path base = tmp.resolve("reference-" + optimizer);
        assertEquals(0, Subprocess.inProcess("train", cfg.toString(), "--out", base.toString(), "--quiet", "--no-plots").code());
        references.put(optimizer, Subprocess.runDir(base));
        return references.get(optimizer);
    }

    @Test
    void killNineAtRandomMomentsThenResumeIsBitIdentical() throws Exception {
        Random rng = new Random(16);
        int beforeAnyCheckpoint = 0, beforePeriodic = 0, finished = 0;
        for (int k = 0; k < KILLS; k++) {
            String optimizer = OPTIMIZERS.get(k % OPTIMIZERS.size());
            Path reference = reference(optimizer);
            Path base = tmp.resolve("kill-" + k);
            Process p = Subprocess.start(tmp.resolve("kill-" + k + ".log"), "train", tmp.resolve(optimizer + ".yaml").toString(),
                    "--out", base.toString(), "--quiet", "--no-plots");
            Subprocess.await(() -> !p.isAlive() || Subprocess.runDir(base) != null && Files.exists(Subprocess.runDir(base).resolve("config.yaml")),
                    "the run directory");
            assertTrue(Subprocess.runDir(base) != null, "the run started: " + Files.readString(tmp.resolve("kill-" + k + ".log")));
            // every third kill at once (while the run is being assembled), the others anywhere in the run
            if (k % 3 != 0) Thread.sleep(rng.nextInt(2500));
            if (!p.isAlive()) finished++;
            p.destroyForcibly().waitFor();
            Path dir = Subprocess.runDir(base);
            Path cp = dir.resolve("checkpoint");
            if (!Files.exists(cp)) beforeAnyCheckpoint++;
            else if (Checkpoint.read(cp).step() == 0) beforePeriodic++;
            Subprocess.Result r = Subprocess.inProcess("train", "--resume", dir.toString(), "--quiet", "--no-plots");
            assertEquals(0, r.code(), "resume after kill " + k + ": " + r.err());
            assertSameRun(reference, dir, optimizer + " kill " + k);
        }
        System.out.printf("kill -9 then resume: %d kills, %d before any checkpoint, %d before the first periodic one, "
                + "%d after the run had finished%n", KILLS, beforeAnyCheckpoint, beforePeriodic, finished);
        if (KILLS > DEFAULT_KILLS) assertTrue(beforeAnyCheckpoint > 0, "some kills land before the first checkpoint");
    }

    @Test
    void sigtermWritesAnInterruptedSummaryAndAConcurrentResumeIsRefused() throws Exception {
        Path reference = reference("adam");
        Path base = tmp.resolve("term");
        Process p = Subprocess.start(tmp.resolve("term.log"), "train", tmp.resolve("adam.yaml").toString(), "--out", base.toString(),
                "--quiet", "--no-plots");
        Subprocess.await(() -> !p.isAlive() || Subprocess.runDir(base) != null && checkpointStep(Subprocess.runDir(base)) > 0,
                "a periodic checkpoint");
        assertTrue(p.isAlive(), "the run is still going: " + Files.readString(tmp.resolve("term.log")));
        p.destroy(); // SIGTERM
        assertEquals(128 + 15, p.waitFor(), Files.readString(tmp.resolve("term.log")));
        Path dir = Subprocess.runDir(base);
        Map<String, Object> summary = RunSummary.read(dir.resolve("summary.json"));
        assertEquals("interrupted", summary.get("status"));
        long step = Checkpoint.read(dir.resolve("checkpoint")).step();
        assertEquals(step, ((Number) summary.get("steps")).longValue(), "the final checkpoint is at the interrupted step");
        MetricsTable m = MetricsTable.read(dir.resolve("metrics.csv"));
        assertEquals(step, (long) m.rows().get(m.rows().size() - 1)[0]);
        assertEquals(((Number) summary.get("loss")).doubleValue(), m.rows().get(m.rows().size() - 1)[m.column("loss")], 0.0);

        // a second process cannot resume a run directory that another one holds
        try (RunLock held = RunLock.acquire(dir)) {
            Process q = Subprocess.start(tmp.resolve("second.log"), "train", "--resume", dir.toString(), "--quiet", "--no-plots");
            assertEquals(ExitCodes.BAD_INPUT, q.waitFor());
            assertTrue(Files.readString(tmp.resolve("second.log")).contains("in use by another training process"));
        }
        // two resumes at once: the one that holds the lock finishes, the other is refused
        Process first = Subprocess.start(tmp.resolve("first.log"), "train", "--resume", dir.toString(), "--quiet", "--no-plots");
        String pid = Long.toString(first.pid());
        Subprocess.await(() -> lockOwner(dir).equals(pid) || !first.isAlive(), "the first resume to take the lock");
        Subprocess.Result second = Subprocess.inProcess("train", "--resume", dir.toString(), "--quiet", "--no-plots");
        int firstCode = first.waitFor();
        assertEquals(0, firstCode, Files.readString(tmp.resolve("first.log")));
        assertEquals(ExitCodes.BAD_INPUT, second.code(), "the second resume is refused while the first runs");
        assertTrue(second.err().contains("in use by another training process"), second.err());
        assertSameRun(reference, dir, "SIGTERM then resume");
        assertEquals(Config.load(dir.resolve("config.yaml")).integer("train.steps", 0),
                Checkpoint.read(dir.resolve("checkpoint")).step(), "config.yaml says what ran");
    }

    /** Ctrl-C: the same clean stop as SIGTERM, with exit code 130, and the resumed run equals an uninterrupted one. */
    @Test
    void sigintStopsCleanlyWithExitCode130() throws Exception {
        Path reference = reference("adam");
        Path base = tmp.resolve("int");
        Process p = Subprocess.start(tmp.resolve("int.log"), "train", tmp.resolve("adam.yaml").toString(), "--out", base.toString(),
                "--quiet", "--no-plots");
        Subprocess.await(() -> !p.isAlive() || Subprocess.runDir(base) != null && checkpointStep(Subprocess.runDir(base)) > 0,
                "a periodic checkpoint");
        assertTrue(p.isAlive(), "the run is still going: " + Files.readString(tmp.resolve("int.log")));
        assertEquals(0, new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor());
        assertEquals(128 + 2, p.waitFor(), Files.readString(tmp.resolve("int.log")));
        Path dir = Subprocess.runDir(base);
        assertEquals("interrupted", RunSummary.read(dir.resolve("summary.json")).get("status"));
        Subprocess.Result resumed = Subprocess.inProcess("train", "--resume", dir.toString(), "--quiet", "--no-plots");
        assertEquals(0, resumed.code(), resumed.err());
        assertSameRun(reference, dir, "SIGINT then resume");
    }

    private static long checkpointStep(Path dir) {
        try {
            return Files.exists(dir.resolve("checkpoint")) ? Checkpoint.read(dir.resolve("checkpoint")).step() : -1;
        } catch (RuntimeException e) {
            return -1; // being replaced
        }
    }

    private static String lockOwner(Path dir) {
        try {
            return Files.readString(dir.resolve(RunLock.FILE)).trim();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Same metrics (every column but seconds), parameters, optimizer state and summary loss as the reference. */
    static void assertSameRun(Path reference, Path dir, String what) {
        MetricsTable a = MetricsTable.read(reference.resolve("metrics.csv")), b = MetricsTable.read(dir.resolve("metrics.csv"));
        assertEquals(a.columns(), b.columns());
        List<String> compared = new ArrayList<>(a.columns());
        compared.remove("seconds");
        for (String c : compared) assertArrayEquals(a.series(c), b.series(c), 0.0, what + ": column " + c);
        Checkpoint ca = Checkpoint.read(reference.resolve("checkpoint")), cb = Checkpoint.read(dir.resolve("checkpoint"));
        assertEquals(ca.step(), cb.step(), what);
        assertArrayEquals(ca.theta(), cb.theta(), 0.0, what + ": parameters");
        assertEquals(ca.optimizerState().keySet(), cb.optimizerState().keySet());
        for (String k : ca.optimizerState().keySet()) assertArrayEquals(ca.optimizerState().get(k), cb.optimizerState().get(k), 0.0, k);
        assertEquals(RunSummary.read(reference.resolve("summary.json")).get("loss"), RunSummary.read(dir.resolve("summary.json")).get("loss"));
    }
}
