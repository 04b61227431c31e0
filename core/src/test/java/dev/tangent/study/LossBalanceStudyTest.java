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
    void gradientDescentAtOneOverLambdaMaxLowersEveryLoss() throws Exception {
        var s = new LossBalanceStudy.Settings(new double[] {4}, 32, 24, 40, 1, 1.0);
        List<LossBalanceStudy.Outcome> res = LossBalanceStudy.run(s, tmp);
        assertEquals(4, res.size());
        for (LossBalanceStudy.Outcome o : res) {
            assertEquals(1.0, o.ratio()[0]);
            assertTrue(o.ratio()[o.ratio().length - 1] < 1, o.loss() + ": final L/L0 " + o.ratio()[o.ratio().length - 1]);
        }
        assertTrue(res.get(3).lr() < res.get(2).lr() * 1.01, "weighting the boundary up cannot lower the curvature");
        LossBalanceStudy.write(tmp, s, res);
        assertTrue(Files.exists(tmp.resolve("loss_L3-ntk.png")) && Files.readString(tmp.resolve("summary.md")).contains("| 4.0 |"));
    }
}
