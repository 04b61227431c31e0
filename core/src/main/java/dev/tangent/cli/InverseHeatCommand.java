package dev.tangent.cli;

import dev.tangent.study.InverseHeatStudy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tangent reproduce inverse-heat}: the diffusivity from exact and from noisy observations. */
@Command(name = "inverse-heat", description = "Recover the diffusivity k* = 0.2 of u_t = k·u_xx from 50 interior observations: exact, then 1%% noise (several draws) with standard errors.")
final class InverseHeatCommand implements Callable<Integer> {
    @Option(names = "--quick", description = "A small network and few steps (seconds; the accuracy bar is not expected).") boolean quick;
    @Option(names = "--noise-seeds", description = "Noise draws. Default: 5 (quick: 1).") Integer seeds;
    @Option(names = "--out", defaultValue = "reproduce/inverse-heat", description = "Output directory. Default: ${DEFAULT-VALUE}.") Path out;

    @Override
    public Integer call() throws Exception {
        var s = quick ? InverseHeatStudy.Settings.quick() : InverseHeatStudy.Settings.full();
        if (seeds != null) {
            if (seeds < 0) throw new IllegalArgumentException("--noise-seeds must be >= 0, got " + seeds);
            s = new InverseHeatStudy.Settings(s.observations(), s.noise(), seeds, s.steps(), s.widths(), s.interior());
        }
        Files.createDirectories(out);
        System.out.print(InverseHeatStudy.run(s, out));
        System.out.println("\nwrote " + out + "/summary.md, results.csv and one run directory per case (unknowns.png, summary.json)");
        return ExitCodes.OK;
    }
}
