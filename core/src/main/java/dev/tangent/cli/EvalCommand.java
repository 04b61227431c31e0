package dev.tangent.cli;

import dev.tangent.pde.PointTable;
import dev.tangent.train.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tangent eval RUN --points pts.csv}: a trained run's prediction (and derivatives) at new points. */
@Command(name = "eval", description = {"Predict every field (and derivatives) of a trained run at the points of a CSV file.",
        "The CSV needs a header with the run's coordinate names (other columns are ignored); the output has the coordinates,"
                + " one column per field (u, or e.g. u, v, p of a system) and one per requested derivative."})
final class EvalCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A run directory (config.yaml and checkpoint).") Path run;
    @Option(names = "--points", required = true, paramLabel = "CSV", description = "Points to evaluate at.") Path points;
    @Option(names = "--derivatives", split = ",", paramLabel = "D", description = "Derivatives of any field as in equations, e.g. u_x,u_xx,u_tx or v_y,p_x.") List<String> derivatives;
    @Option(names = "--out", paramLabel = "CSV", description = "Output file. Default: standard output.") Path out;

    @Override
    public Integer call() throws Exception {
        Model model = Model.load(run);
        double[] x = PointTable.read(points).points(model.domain());
        List<String> names = new ArrayList<>(model.fields());
        int nFields = names.size();
        if (derivatives != null) for (String d : derivatives) if (!d.isBlank() && !names.contains(d.trim())) names.add(d.trim());
        double[][] cols = new double[names.size()][];
        // the fields through the value path the run's own test grid uses, then the derivatives
        double[][] all = model.predictAll(x);
        System.arraycopy(all, 0, cols, 0, nFields);
        if (names.size() > nFields) {
            double[][] ds = model.derivatives(names.subList(nFields, names.size()), x);
            System.arraycopy(ds, 0, cols, nFields, ds.length);
        }
        int d = model.domain().dim(), n = x.length / d;
        StringBuilder sb = new StringBuilder(String.join(",", model.coordinates())).append(',').append(String.join(",", names)).append('\n');
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) sb.append(x[i * d + k]).append(',');
            for (int c = 0; c < cols.length; c++) sb.append(cols[c][i]).append(c + 1 < cols.length ? ',' : '\n');
        }
        if (out == null) {
            System.out.print(sb);
        } else {
            Files.writeString(out, sb);
            System.err.println("wrote " + n + " predictions of " + names + " to " + out);
        }
        return ExitCodes.OK;
    }
}
