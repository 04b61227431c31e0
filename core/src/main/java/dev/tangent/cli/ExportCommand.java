package dev.tangent.cli;

import dev.tangent.train.Model;
import dev.tangent.train.ModelExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent export RUN}: the trained network as model.json and NumPy .npy files. */
@Command(name = "export", description = "Write a trained run's network as model.json (shapes, activation, layer factors, parameters) and W*.npy / b*.npy.")
final class ExportCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (config.yaml and checkpoint).") Path run;
    @Option(names = "--out", paramLabel = "DIR", description = "Output directory. Default: RUN_DIR/export.") Path out;

    @Override
    public Integer call() {
        Path dir = out != null ? out : run.resolve("export");
        ModelExport.write(Model.load(run), dir);
        System.out.println("wrote " + dir.resolve("model.json") + " and W*.npy, b*.npy");
        return ExitCodes.OK;
    }
}
