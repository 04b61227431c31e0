package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.train.Checkpoint;
import dev.tangent.train.Config;
import dev.tangent.train.MetricsTable;
import dev.tangent.train.RunSummary;
import dev.tangent.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Run directories through `tangent train`: resume rules, consistency of the files, permissions, exit codes. */
class RunDirectoryTest {
    @TempDir
    Path tmp;

    static final String ADAM = """
            problem: {name: poisson1d, options: {a: 1}}
            net: {widths: [8]}
            points: {pde: 32}
            optimizer: {name: adam, lr: 0.01}
            train: {steps: 40, time: 0, eval_every: 10, checkpoint_every: 20}
            seed: 3
            """;

    private Path train(String yaml, String... extra) throws Exception {
        Path cfg = tmp.resolve("run.yaml");
        Files.writeString(cfg, yaml);
        Path base = tmp.resolve("runs");
        String[] args = Stream.concat(Stream.of("train", cfg.toString(), "--out", base.toString(), "--quiet", "--no-plots"), Stream.of(extra))
                .toArray(String[]::new);
        assertEquals(0, Subprocess.inProcess(args).code());
        try (Stream<Path> s = Files.list(base)) {
            return s.filter(p -> !p.getFileName().toString().startsWith("old")).findFirst().orElseThrow();
        }
    }

    @Test
    void resumeRefusesChangesAndTakesNewBudgetTotals() throws Exception {
        Path dir = train(ADAM);
        for (String[] flag : new String[][] {{"--seed", "99"}, {"--optimizer", "anagram"}, {"--points", "50"}, {"--problem", "heat1d"},
                {"--width", "9"}, {"--lr", "0.1"}, {"--eval-every", "5"}, {"--name", "other"}}) {
            Subprocess.Result r = Subprocess.inProcess("train", "--resume", dir.toString(), flag[0], flag[1], "--quiet");
            assertEquals(ExitCodes.BAD_INPUT, r.code(), flag[0]);
            assertTrue(r.err().contains(flag[0]) && r.err().contains("--steps and --time"), r.err());
        }
        assertEquals(0, Subprocess.inProcess("train", "--resume", dir.toString(), "--seed", "3", "--steps", "60", "--quiet", "--no-plots").code(),
                "an equal value changes nothing, and --steps is the new total");
        assertEquals(60, Checkpoint.read(dir.resolve("checkpoint")).step());
        assertEquals(60, Config.load(dir.resolve("config.yaml")).integer("train.steps", 0), "config.yaml says what ran");
        assertEquals(60L, ((Number) RunSummary.read(dir.resolve("summary.json")).get("steps")).longValue());
    }

    @Test
    void summaryLossIsTheLastMetricsRow() throws Exception {
        Path dir = train(ADAM);
        MetricsTable m = MetricsTable.read(dir.resolve("metrics.csv"));
        double last = m.rows().get(m.rows().size() - 1)[m.column("loss")];
        assertEquals(last, ((Number) RunSummary.read(dir.resolve("summary.json")).get("loss")).doubleValue(), 0.0);
    }

    @Test
    void filesHonourTheUmask() throws Exception {
        Path dir = train(ADAM);
        Path probe = Files.createFile(tmp.resolve("probe")); // created like any file: mode 0666 minus the umask
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(probe);
        for (String f : List.of("config.yaml", "metrics.csv", "summary.json", "checkpoint")) {
            assertEquals(expected, Files.getPosixFilePermissions(dir.resolve(f)), f);
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary files are left");
        }
    }

    @Test
    void aFreshRunHasACheckpointAtStepZero() {
        Config c = Config.parse(ADAM);
        Path dir = tmp.resolve("zero");
        AtomicLong seen = new AtomicLong(-1);
        Trainer.run(c, dir, false, (Trainer.Listener) p -> {
            if (seen.get() < 0) seen.set(Checkpoint.read(dir.resolve("checkpoint")).step());
        });
        assertEquals(0, seen.get(), "the checkpoint at the first logged step (10) is the one from step 0");
    }

    @Test
    void aRunKilledBeforeItsFirstCheckpointResumesFromTheStart() throws Exception {
        Path full = train(ADAM);
        Path dir = tmp.resolve("early");
        Files.createDirectories(dir);
        Files.copy(full.resolve("config.yaml"), dir.resolve("config.yaml")); // what a kill during assembly leaves
        assertEquals(0, Subprocess.inProcess("train", "--resume", dir.toString(), "--quiet", "--no-plots").code());
        KillResumeTest.assertSameRun(full, dir, "restart without a checkpoint");
    }

    @Test
    void aRejectedRunLeavesNothingBehind() throws Exception {
        Path cfg = tmp.resolve("bad.yaml");
        Files.writeString(cfg, "problem:\n  domain: {x: [0, 1]}\n  equation: \"u_xx = v\"\n");
        Path base = tmp.resolve("rejected");
        Subprocess.Result r = Subprocess.inProcess("train", cfg.toString(), "--out", base.toString());
        assertEquals(ExitCodes.BAD_INPUT, r.code());
        assertTrue(r.err().contains("problem.equation") && r.err().contains("unknown symbol 'v'"), r.err());
        if (Files.exists(base)) {
            try (Stream<Path> s = Files.list(base)) {
                assertEquals(0, s.count());
            }
        }
        // refused later, while the run is assembled (a catalog problem's point groups are known only then)
        Files.writeString(cfg, "problem: laplace2d\npoints: {boundry: 10}\n");
        Subprocess.Result late = Subprocess.inProcess("train", cfg.toString(), "--out", base.toString());
        assertEquals(ExitCodes.BAD_INPUT, late.code());
        assertTrue(late.err().contains("boundry"), late.err());
        try (Stream<Path> s = Files.list(base)) {
            assertEquals(0, s.count(), "the directory made for the run is removed again");
        }
    }

    @Test
    void errorsAndCrashesHaveTheirOwnExitCodes() {
        CommandLine cl = TangentCli.commandLine();
        java.io.StringWriter err = new java.io.StringWriter();
        cl.setErr(new java.io.PrintWriter(err, true));
        assertEquals(ExitCodes.INTERNAL, ErrorHandler.handle(new StackOverflowError(), cl));
        assertEquals(ExitCodes.OUT_OF_MEMORY, ErrorHandler.handle(new OutOfMemoryError("Java heap space"), cl));
        assertEquals(ExitCodes.INTERNAL, ErrorHandler.handle(new NullPointerException(), cl));
        assertEquals(ExitCodes.BAD_INPUT, ErrorHandler.handle(new IllegalArgumentException("x: java.io.CharConversionException: bad"), cl));
        assertTrue(ExitCodes.INTERNAL != ExitCodes.STOPPED && ExitCodes.OUT_OF_MEMORY != ExitCodes.STOPPED);
        String text = err.toString();
        assertFalse(text.contains("\tat ") || text.contains("CharConversionException") || text.contains("StackOverflowError"), text);
        assertTrue(text.contains("stack overflow") && text.contains("-Xmx"), text);
    }
}
