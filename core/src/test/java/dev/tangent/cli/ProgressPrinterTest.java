package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.ErrorMetrics;
import dev.tangent.train.TrainSettings;
import dev.tangent.train.Trainer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static final ErrorMetrics ERR = new ErrorMetrics(1.234567e-3, 9.87654e-7, 2e-6);

    private static Trainer.Progress at(long step, long maxSteps, double seconds, double maxSeconds, boolean last) {
        return new Trainer.Progress(step, maxSteps, seconds, maxSeconds, 1.2345e-11, ERR, null, last);
    }

    /** Every line drawn between carriage returns and newlines, as the terminal would show it. */
    private static String[] screenLines(String raw) {
        return raw.split("[\r\n]+");
    }

    @Test
    void redrawnLineNeverReachesTheLastColumnOfAFixedWidthTerminal() {
        for (int width : new int[] {40, 60, 80}) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            AtomicLong now = new AtomicLong();
            ProgressPrinter pp = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                    ProgressPrinter.Mode.REDRAW, width, now::get);
            // the widest values: 12-digit steps, budgets of both kinds, very slow and very fast rates
            long[] steps = {1, 999, 123_456_789_012L};
            for (long s : steps) {
                now.addAndGet(1_000_000_000L);
                pp.logged(at(s, 999_999_999_999L, 0.001 * s + 1e-3, 0, false));
                now.addAndGet(1_000_000_000L);
                pp.logged(at(s, TrainSettings.UNLIMITED, 35999.5, 86400, false));
            }
            pp.logged(at(123_456_789_013L, 999_999_999_999L, 99999, 0, true));
            String raw = bytes.toString(StandardCharsets.UTF_8);
            for (String l : screenLines(raw)) {
                assertTrue(l.length() < width, "width " + width + ": " + l.length() + " chars: '" + l + "'");
            }
            assertTrue(raw.startsWith("\r"), raw);
            assertTrue(raw.endsWith(System.lineSeparator()), "the final state ends the line");
        }
    }

    @Test
    void etaFollowsWhicheverBudgetBinds() {
        // 100 steps in 10 s: 10 st/s. Steps bind: 900 steps left = 90 s; time would allow 290 s.
        String steps = ProgressPrinter.line(at(100, 1000, 10, 300, false), 79);
        assertTrue(steps.contains("step 100/1000"), steps);
        assertTrue(steps.contains("ETA 1:30") && !steps.contains("(time)"), steps);
        // the time budget binds: 50 s left, and the step count shows no misleading total
        String time = ProgressPrinter.line(at(100, 100_000, 10, 60, false), 79);
        assertTrue(time.contains("ETA 0:50 (time)"), time);
        assertTrue(time.contains("step 100 ") && !time.contains("/100000"), time);
        assertTrue(time.contains("10 st/s") && time.contains("err 9.88e-07") && time.contains("loss 1.23e-11"), time);
        String bar = time.substring(time.indexOf(" [") + 2, time.length() - 1);
        assertEquals(Math.round(bar.length() / 6.0), bar.chars().filter(c -> c == '#').count(), "a sixth of the time budget: " + time);
        assertEquals("1:01:01", ProgressPrinter.clock(3660.2));
    }

    @Test
    void pipedOutputIsPlainPeriodicLinesWithoutCarriageReturnsOrARepeatedLastLine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressPrinter pp = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ProgressPrinter.Mode.LINES, 80, now::get);
        for (int s = 1; s <= 100; s++) {
            now.addAndGet(100_000_000L); // 0.1 s per step: 10 s in all, a line every 2 s
            pp.logged(at(s, 100, 0.1 * s, 0, false));
        }
        pp.logged(at(100, 100, 10, 0, true));
        String raw = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(raw.contains("\r") && !System.lineSeparator().contains("\r"), raw);
        String[] lines = raw.strip().split("\\R");
        assertEquals(6, lines.length, raw); // steps 1, 21, 41, 61, 81, and 100; the final one not twice
        assertTrue(lines[5].startsWith("step 100/100"), lines[5]);
        pp.finish(); // no open line to end
        assertEquals(raw, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void quietPrintsRarely() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        AtomicLong now = new AtomicLong();
        ProgressPrinter pp = new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8),
                ProgressPrinter.Mode.QUIET, 80, now::get);
        for (int s = 1; s <= 100; s++) {
            now.addAndGet(100_000_000L);
            pp.logged(at(s, 100, 0.1 * s, 0, false));
        }
        pp.logged(at(100, 100, 10, 0, true));
        assertEquals(2, bytes.toString(StandardCharsets.UTF_8).strip().split("\\R").length); // step 1 and the final line
    }

    @Test
    void readmeExampleLinesAreWhatThePrinterDraws() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("..", "README.md"));
        int at = readme.indexOf("never wider than 79 columns:");
        assertTrue(at > 0, "README shows the progress lines");
        String block = readme.substring(readme.indexOf("```\n", at) + 4, readme.indexOf("\n```", at + 40));
        ErrorMetrics e1 = new ErrorMetrics(1e-5, 2.21e-5, 0), e2 = new ErrorMetrics(1e-6, 4.87e-7, 0);
        String steps = ProgressPrinter.line(new Trainer.Progress(340, 2000, 18.9, 0, 3.15e-9, e1, null, false), 79);
        String time = ProgressPrinter.line(new Trainer.Progress(1200, TrainSettings.UNLIMITED, 57, 75, 1.02e-12, e2, null, false), 79);
        assertEquals(steps + "\n" + time, block);
        for (String l : block.split("\n")) assertTrue(l.length() < 80, l.length() + ": " + l);
        assertTrue(time.endsWith("]"), "a time-budget line with 4-digit steps keeps its bar: " + time);
    }

    @Test
    void widthComesFromColumnsCappedAtEighty() {
        assertEquals(80, ProgressPrinter.columns(null));
        assertEquals(80, ProgressPrinter.columns("200"));
        assertEquals(52, ProgressPrinter.columns("52"));
        assertEquals(80, ProgressPrinter.columns("wide"));
    }
}
