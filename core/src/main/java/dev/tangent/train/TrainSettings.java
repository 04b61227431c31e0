package dev.tangent.train;

/**
 * Budget and logging of a run, from the {@code train} config section.
 *
 * @param budget          steps, training-time budget and target error
 * @param evalEvery       evaluate the error metrics (a metrics row) every k steps
 * @param checkpointEvery write a checkpoint every k steps (0 = only at the end)
 */
public record TrainSettings(Budget budget, int evalEvery, int checkpointEvery) {
    public TrainSettings {
        if (evalEvery < 1) throw new IllegalArgumentException("train.eval_every must be >= 1, got " + evalEvery);
        if (checkpointEvery < 0) throw new IllegalArgumentException("train.checkpoint_every must be >= 0, got " + checkpointEvery);
    }

    /** Steps when only a time budget is given: the time budget governs. */
    public static final long UNLIMITED = Budget.UNLIMITED;

    /**
     * Budgets from the config. Without {@code train.time} the problem's default budget applies; without
     * {@code train.steps} the step count is unlimited when a time budget is set (else 2000, or 100000 for Adam/GD).
     * First-order methods evaluate every 100 steps and checkpoint every 1000 by default, the others every 10 and 100.
     */
    public static TrainSettings from(Config c, double defaultSeconds) {
        boolean firstOrder = Optimizers.kind(c.string("optimizer.name", Optimizers.DEFAULT)).firstOrder();
        double seconds = c.number("train.time", defaultSeconds);
        long steps = c.integer("train.steps", seconds > 0 ? UNLIMITED : firstOrder ? 100000 : 2000);
        return new TrainSettings(new Budget(steps, seconds, c.number("train.target_error", 0)),
                (int) c.integer("train.eval_every", firstOrder ? 100 : 10),
                (int) c.integer("train.checkpoint_every", firstOrder ? 1000 : 100));
    }
}
