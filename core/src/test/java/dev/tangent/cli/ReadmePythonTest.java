package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tangent.report.RunReport;
import dev.tangent.train.Config;
import dev.tangent.train.Trainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The README's NumPy snippet, cut from README.md and run as it stands (only the run path replaced) with python3 on
 * an exported run: a scalar run, and a system in both layouts with a hard constraint. It must print every field's
 * max |NumPy − Tangent| on solution.csv, each at rounding level. Skipped, saying why, without python3 and NumPy.
 */
class ReadmePythonTest {
    private static final String RUN = "run = \"runs/heat-20261201-120000\"";

    @TempDir
    Path tmp;

    @ParameterizedTest(name = "{0}")
    @CsvSource({"scalar", "shared", "separate"})
    void readmeNumpySnippetReproducesEveryField(String kind) throws Exception {
        assumeTrue(numpy(), "python3 with numpy is not available: the README's NumPy snippet is not run");
        String yaml = kind.equals("scalar") ? """
                problem:
                  equation: u_xx = -pi^2*sin(pi*x)
                  domain: {x: [0, 1]}
                  exact: sin(pi*x)
                  interior_points: 30
                  conditions: [{kind: dirichlet, value: 0, points: 2}]
                net: {widths: [8]}
                train: {steps: 3, time: 0}
                """ : SystemReuseTest.pair(kind, true);
        Path dir = tmp.resolve("run");
        RunReport.plots(dir, Trainer.run(Config.parse(yaml), dir, false, null));
        assertEquals(ExitCodes.OK, Subprocess.inProcess("export", dir.toString()).code());

        String readme = Files.readString(Path.of("..", "README.md"));
        int start = readme.indexOf("```python\n", readme.indexOf("### Reusing a trained run")) + "```python\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertTrue(block.contains(RUN), "the snippet names its run as " + RUN);
        Path script = tmp.resolve("snippet.py");
        Files.writeString(script, block.replace(RUN, "run = \"" + dir + "\""));
        Process p = new ProcessBuilder("python3", script.toString()).redirectErrorStream(true).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 finished");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        System.out.println("README NumPy snippet, " + kind + ": " + out.strip().replace("\n", "; "));
        List<String> fields = new ArrayList<>();
        for (String line : out.strip().split("\n")) {
            String[] w = line.trim().split("\\s+");
            fields.add(w[0]);
            // measured 0 to ~4e-15 (the same float64 operations in another order)
            assertTrue(Double.parseDouble(w[1]) < 1e-12, kind + ": " + line);
        }
        assertEquals(kind.equals("scalar") ? List.of("u") : List.of("u", "v"), fields, out);
    }

    private static boolean numpy() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
