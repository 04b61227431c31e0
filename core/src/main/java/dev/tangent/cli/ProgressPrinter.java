package dev.tangent.cli;

import dev.tangent.train.TrainSettings;
import dev.tangent.train.Trainer;
import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The training progress on stderr (stdout stays for the summary, so it can be piped). On a terminal one line is
 * redrawn with a carriage return at most 10 times a second; otherwise (piped, or {@code --quiet}) plain lines are
 * printed at most every 2 s (10 s with {@code --quiet}) and once at the end. A line shows step, loss, absolute RMS
 * error, rate and the ETA against whichever budget binds (time or steps), and never reaches the terminal's last
 * column (at most 79 characters in 80 columns), so it never wraps.
 */
final class ProgressPrinter implements Trainer.Listener {
    /** How the progress is shown. */
    enum Mode { REDRAW, LINES, QUIET }

    private final PrintStream out;
    private final Mode mode;
    private final int width;
    private final LongSupplier clock;
    private long lastPrint = Long.MIN_VALUE;
    private long lastStep = -1;
    private int drawn; // characters of the line currently on screen (REDRAW)

    /** For the CLI: stderr, redraw when stderr is a terminal, the width from COLUMNS (at most 80). */
    static ProgressPrinter forConsole(boolean quiet) {
        boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
        return new ProgressPrinter(System.err, quiet ? Mode.QUIET : terminal ? Mode.REDRAW : Mode.LINES,
                columns(System.getenv("COLUMNS")), System::nanoTime);
    }

    ProgressPrinter(PrintStream out, Mode mode, int width, LongSupplier nanoClock) {
        this.out = out;
        this.mode = mode;
        this.width = Math.max(20, width);
        this.clock = nanoClock;
    }

    /** Terminal width from a COLUMNS value: 80 when absent or unreadable, never more than 80. */
    static int columns(String env) {
        try {
            int c = env == null ? 80 : Integer.parseInt(env.trim());
            return c > 0 ? Math.min(c, 80) : 80;
        } catch (NumberFormatException e) {
            return 80;
        }
    }

    @Override
    public void logged(Trainer.Progress p) {
        long now = clock.getAsLong();
        long period = mode == Mode.REDRAW ? 100_000_000L : mode == Mode.LINES ? 2_000_000_000L : 10_000_000_000L;
        if (p.last() && p.step() == lastStep && mode != Mode.REDRAW) return; // that line is already out
        if (!p.last() && lastPrint != Long.MIN_VALUE && now - lastPrint < period) return;
        lastPrint = now;
        lastStep = p.step();
        String line = line(p, width - 1);
        if (mode == Mode.REDRAW) {
            StringBuilder sb = new StringBuilder("\r").append(line);
            for (int i = line.length(); i < drawn; i++) sb.append(' ');
            out.print(sb);
            drawn = line.length();
            if (p.last()) {
                out.println();
                drawn = 0;
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends a redrawn line that the run left open (an error or an interrupt before the last step). */
    void finish() {
        if (drawn > 0) out.println();
        drawn = 0;
    }

    /** The progress line, at most max characters: fields are dropped from the right, the bar fills what is left. */
    static String line(Trainer.Progress p, int max) {
        double rate = p.seconds() > 0 ? p.step() / p.seconds() : Double.NaN;
        boolean steps = p.maxSteps() != TrainSettings.UNLIMITED;
        double leftBySteps = steps && rate > 0 ? (p.maxSteps() - p.step()) / rate : Double.POSITIVE_INFINITY;
        double leftByTime = p.maxSeconds() > 0 ? Math.max(0, p.maxSeconds() - p.seconds()) : Double.POSITIVE_INFINITY;
        boolean timeBinds = leftByTime < leftBySteps;
        double fraction = timeBinds ? p.seconds() / p.maxSeconds() : steps ? (double) p.step() / p.maxSteps() : Double.NaN;
        String[] fields = {
                "step " + p.step() + (steps && !timeBinds ? "/" + p.maxSteps() : ""),
                "loss " + sci(p.loss()),
                p.errors() == null ? null : "err " + sci(p.errors().absoluteRms()),
                Double.isFinite(rate) ? rate(rate) : null,
                p.last() ? String.format(Locale.ROOT, "%.1f s", p.seconds())
                        : timeBinds ? "ETA " + clock(leftByTime) + " (time)"
                        : Double.isFinite(leftBySteps) ? "ETA " + clock(leftBySteps) : null};
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (f == null) continue;
            String sep = sb.length() == 0 ? "" : "  ";
            if (sb.length() + sep.length() + f.length() > max) break;
            sb.append(sep).append(f);
        }
        int room = max - sb.length() - 4; // "  [" + "]"
        if (Double.isFinite(fraction) && room >= MIN_BAR) {
            // the full width while it fits, so successive lines do not jump; narrower (not dropped) once the step
            // count and the "(time)" ETA take the room, as they do from 4-digit steps under a time budget
            int n = Math.min(BAR, room);
            int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * n);
            sb.append("  [").append("#".repeat(filled)).append(" ".repeat(n - filled)).append(']');
        }
        return sb.toString();
    }

    /** Characters inside the progress bar's brackets, at most and at least. */
    private static final int BAR = 12, MIN_BAR = 4;

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.2e", v);
    }

    private static String rate(double perSecond) {
        return perSecond >= 10 ? String.format(Locale.ROOT, "%.0f st/s", perSecond)
                : perSecond >= 1 ? String.format(Locale.ROOT, "%.1f st/s", perSecond)
                : String.format(Locale.ROOT, "%.1f s/st", 1 / perSecond);
    }

    /** Seconds as m:ss, or h:mm:ss from an hour on. */
    static String clock(double seconds) {
        long s = (long) Math.ceil(seconds);
        if (s >= 3600) return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
        return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
