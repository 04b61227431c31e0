package dev.tangent.train;

import dev.tangent.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Owns a run directory: config.yaml (when given), metrics.csv and the checkpoint. As a listener it writes a
 * checkpoint at step 0 of a fresh run (so a run killed at any moment after that can be resumed), every
 * {@code checkpointEvery} steps (metrics first, so a resume never lacks rows; 0 = only at the end) and at the end.
 */
public final class RunRecorder implements TrainingListener {
    private final Path dir;
    private final int checkpointEvery;
    private final String config;

    /**
     * @param config the run's config as YAML, written to config.yaml when the run starts (null: none)
     */
    public RunRecorder(Path dir, int checkpointEvery, String config) {
        if (checkpointEvery < 0) throw new IllegalArgumentException("train.checkpoint_every must be >= 0, got " + checkpointEvery);
        this.dir = dir;
        this.checkpointEvery = checkpointEvery;
        this.config = config;
    }

    /** A recorder without a config file, checkpointing every 100 steps. */
    public static RunRecorder at(Path dir) {
        return new RunRecorder(dir, 100, null);
    }

    public Path dir() {
        return dir;
    }

    public Path checkpointFile() {
        return dir.resolve("checkpoint");
    }

    /** The checkpoint to resume from, or null when the run never passed step 0. */
    public Checkpoint lastCheckpoint() {
        return Files.exists(checkpointFile()) ? Checkpoint.read(checkpointFile()) : null;
    }

    /**
     * The rows metrics.csv holds up to the checkpoint's step, appended to {@code into}. A row at that step that only
     * ended the earlier session (not on the evaluation grid) is not one the full run has, so it is dropped.
     */
    public void resumeMetrics(MetricsTable into, long step, int evalEvery) {
        Path m = dir.resolve("metrics.csv");
        if (!Files.exists(m)) return;
        MetricsTable old = MetricsTable.read(m);
        old.truncateAfter(step);
        List<double[]> rows = old.rows();
        if (!rows.isEmpty() && rows.get(rows.size() - 1)[0] == step && step % evalEvery != 0) rows.remove(rows.size() - 1);
        for (double[] r : rows) into.add(r);
    }

    /** A fresh run: metrics.csv (the step-0 row) before the step-0 checkpoint, as every later one. */
    @Override
    public void started(StepEvent start, boolean resumed) {
        if (!resumed) start.metrics().write(dir.resolve("metrics.csv"));
        if (config != null) AtomicFiles.write(dir.resolve("config.yaml"), config);
        if (!resumed) start.checkpoint().get().write(checkpointFile());
    }

    @Override
    public void stepped(StepEvent e) {
        if (checkpointEvery > 0 && e.step() % checkpointEvery == 0) write(e);
    }

    @Override
    public void finished(StepEvent last) {
        write(last);
    }

    private void write(StepEvent e) {
        e.metrics().write(dir.resolve("metrics.csv"));
        e.checkpoint().get().write(checkpointFile());
    }
}
