package dev.tangent.study;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.report.Comparison;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NaturalGradientStudyTest {
    @TempDir
    Path tmp;

    @Test
    void quickLaplaceAnagramBeatsAdamByAtLeast100x() throws Exception {
        NaturalGradientStudy.run(NaturalGradientStudy.SETUPS.get("laplace2d"), true, tmp, null);
        for (String f : new String[] {"compare_step.png", "compare_time.png", "compare.md"}) {
            assertTrue(Files.size(tmp.resolve(f)) > 0, f);
        }
        double anagram = finalError(tmp.resolve("runs/anagram"));
        double adam = finalError(tmp.resolve("runs/adam"));
        assertTrue(anagram * 100 <= adam, "ANaGRAM " + anagram + " vs Adam " + adam);
    }

    private static double finalError(Path dir) {
        var m = Comparison.load(dir).metrics();
        double[] e = m.series("abs_rms");
        return e[e.length - 1];
    }
}
