package dev.tangent.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.nn.Activation;
import java.util.List;
import org.junit.jupiter.api.Test;

class OperatorSpectraStudyTest {
    @Test
    void reluCubedSpectraDecayByPowerLawsThatDerivativesSlowDown() {
        var s = new OperatorSpectraStudy.Settings(96, List.of(768), 1, List.of(Activation.RELU3));
        List<OperatorSpectraStudy.Spectrum> res = OperatorSpectraStudy.run(s);
        assertEquals(3, res.size());
        double[] exponent = new double[3];
        for (int o = 0; o < 3; o++) {
            OperatorSpectraStudy.Spectrum sp = res.get(o);
            for (int j = 1; j < sp.mean().length; j++) assertTrue(sp.mean()[j] <= sp.mean()[j - 1], "descending");
            assertEquals(96 * Math.ulp(1.0) * sp.mean()[0], sp.floor(), 0.0);
            exponent[o] = OperatorSpectraReport.fit(sp, true).slope();
        }
        // ReLU³: j^-6, j^-4, j^-2 in the wide limit; demand the ordering and a clear gap per derivative
        assertTrue(exponent[0] < exponent[1] - 1 && exponent[1] < exponent[2] - 1, java.util.Arrays.toString(exponent));
        assertTrue(exponent[2] < -1 && exponent[0] > -9, java.util.Arrays.toString(exponent));
    }
}
