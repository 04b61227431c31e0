package dev.tangent.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LossBalanceStudyTest {
    @TempDir
    Path tmp;

    @Test
    void gradientDescentAtOneOverTheCurvatureLowersEveryLossStably() throws Exception {
        var s = new LossBalanceStudy.Settings(new double[] {4}, 32, 24, 40, 1, 1.0);
        List<LossBalanceStudy.Outcome> res = LossBalanceStudy.run(s, tmp);
        assertEquals(4, res.size());
        for (LossBalanceStudy.Outcome o : res) {
            assertEquals(1.0, o.ratio()[0]);
            double worst = java.util.Arrays.stream(o.ratio()).max().orElseThrow();
            assertTrue(worst < 1.2 && o.ratio()[o.ratio().length / 2] < 1, o.loss() + ": L/L0 " + java.util.Arrays.toString(o.ratio()));
        }
        assertTrue(res.get(3).lr() < res.get(2).lr() * 1.01, "weighting the boundary up cannot lower the curvature");
        LossBalanceStudy.write(tmp, s, res);
        assertTrue(Files.exists(tmp.resolve("loss_L3-ntk.png")) && Files.readString(tmp.resolve("summary.md")).contains("| 4.0 |"));
    }
}
