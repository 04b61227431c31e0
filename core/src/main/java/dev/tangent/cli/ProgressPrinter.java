package dev.tangent.cli;

import dev.tangent.train.Trainer;

/**
 * One updating line on a terminal (carriage return), plain lines at most every 2 s otherwise.
 * Shows step, loss, absolute RMS error, kept rank, η and training time.
 */
final class ProgressPrinter implements Trainer.Listener {
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private long lastPrint;
    private boolean pending;

    ProgressPrinter(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void logged(Trainer.Progress p) {
        if (quiet) return;
        long now = System.nanoTime();
        if (!p.last() && !terminal && now - lastPrint < 2_000_000_000L) return;
        if (terminal && !p.last() && now - lastPrint < 100_000_000L) return;
        lastPrint = now;
        String rank = p.report() != null && p.report().rank() >= 0 ? String.format(" rank %d", p.report().rank()) : "";
        String eta = p.report() != null && Double.isFinite(p.report().eta()) ? String.format(" η %.2e", p.report().eta()) : "";
        String err = p.errors() == null ? "" : String.format(" abs RMS %.3e rel L2 %.3e", p.errors().absoluteRms(), p.errors().relativeL2());
        String of = p.maxSteps() == dev.tangent.train.TrainSettings.UNLIMITED ? "" : "/" + p.maxSteps();
        String line = String.format("step %d%s loss %.3e%s%s%s %.1fs", p.step(), of, p.loss(), err, rank, eta, p.seconds());
        if (terminal) {
            System.out.print("\r" + line + "   ");
            pending = true;
        } else {
            System.out.println(line);
        }
    }

    void finish() {
        if (pending) System.out.println();
    }
}
