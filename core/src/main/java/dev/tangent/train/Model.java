package dev.tangent.train;

import dev.tangent.nn.Mlp;
import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.Predictor;
import dev.tangent.pde.Domain;
import dev.tangent.pde.HardConstraints;
import dev.tangent.pde.Problem;
import dev.tangent.pde.Unknown;
import dev.tangent.pde.expr.ExprParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained network read back from a run directory (config.yaml and checkpoint): predictions and derivatives at
 * any points, and the unknown coefficients' values. Data files named by the config are not needed.
 *
 * <pre>{@code
 * Model m = Model.load(Path.of("runs/heat-20261201-120000"));
 * double[] u = m.predict(new double[] {0.5, 0.25, 1.0, 0.75});   // two points (t, x), point-major
 * double[] ux = m.derivative("u_x", new double[] {0.5, 0.25});
 * double[][] all = m.predictAll(points);                           // a system: all[f][i], fields() order
 * double[] vy = m.derivative("v_y", points);                       // the field is read from the name
 * }</pre>
 */
public final class Model {
    private final Problem problem;
    private final Mlp mlp;
    private final double[] theta;
    private final Predictor predictor;
    private final long step;
    private final HardConstraints hard;

    private Model(Problem problem, Mlp mlp, double[] theta, long step, HardConstraints hard) {
        this.problem = problem;
        this.mlp = mlp;
        this.theta = theta;
        this.hard = hard;
        this.predictor = new Predictor(mlp, hard);
        this.step = step;
    }

    /** @throws IllegalArgumentException naming the file when the directory, its config or its checkpoint is missing or unusable */
    public static Model load(Path runDir) {
        if (!Files.isDirectory(runDir)) throw new IllegalArgumentException("run directory " + runDir + " does not exist");
        Path cfg = runDir.resolve("config.yaml"), cp = runDir.resolve("checkpoint");
        if (!Files.exists(cfg)) throw new IllegalArgumentException("run directory " + runDir + " has no config.yaml: it is not a Tangent run directory");
        if (!Files.exists(cp)) {
            throw new IllegalArgumentException("run directory " + runDir + " has no checkpoint (" + cp + "): the run never reached step 0 or the file was removed");
        }
        Config config = Config.load(cfg);
        Problem problem = ProblemFactory.build(config, false);
        Mlp mlp = NetFactory.network(config, problem);
        Checkpoint c = Checkpoint.read(cp);
        if (c.theta().length != mlp.nParams()) {
            throw new IllegalArgumentException("checkpoint " + cp + " holds " + c.theta().length + " parameters but " + cfg
                    + " describes a network with " + mlp.nParams());
        }
        return new Model(problem, mlp, c.theta(), c.step(), HardConstraintConfig.from(config, problem));
    }

    public Problem problem() {
        return problem;
    }

    public Domain domain() {
        return problem.domain();
    }

    /** Coordinate names in input order. */
    public String[] coordinates() {
        return problem.domain().coords();
    }

    /** The hard constraints u = g + d·N of the run, or null (predictions include them). */
    public HardConstraints hard() {
        return hard;
    }

    public Mlp network() {
        return mlp;
    }

    /** The checkpoint's θ (network parameters, then the unknowns' internal values). */
    public double[] parameters() {
        return theta.clone();
    }

    /** Training step of the checkpoint. */
    public long step() {
        return step;
    }

    /** Final values of the unknown coefficients, in declaration order (empty for a forward problem). */
    public Map<String, Double> unknowns() {
        Map<String, Double> m = new LinkedHashMap<>();
        List<Unknown> us = problem.unknowns();
        for (int j = 0; j < us.size(); j++) m.put(us.get(j).name(), us.get(j).value(theta[mlp.networkParams() + j]));
        return m;
    }

    /** The fields in output order ([u] for a scalar problem). */
    public List<String> fields() {
        return problem.fields();
    }

    /**
     * The index of a declared field.
     *
     * @throws IllegalArgumentException naming the value and the declared fields
     */
    public int field(String name) {
        int f = problem.fields().indexOf(name == null ? null : name.trim());
        if (f < 0) throw new IllegalArgumentException(undeclared(name, problem.fields()));
        return f;
    }

    static String undeclared(String name, List<String> fields) {
        return "'" + name + "' is not a declared field; fields: " + fields;
    }

    /** u at point-major points (x[i·d + k]); for a system the first field (as {@code predict(fields().get(0), points)}). */
    public double[] predict(double[] points) {
        checkPoints(points);
        return problem.system() ? predictor.predictFields(theta, points)[0] : predictor.predict(theta, points);
    }

    /** One field at point-major points: the same bits as the run's own test-grid prediction of that field. */
    public double[] predict(String field, double[] points) {
        int f = field(field);
        return problem.system() ? predictAll(points)[f] : predict(points);
    }

    /** Every field: out[f][i] = field f at point i (fields in {@link #fields()} order). */
    public double[][] predictAll(double[] points) {
        checkPoints(points);
        return predictor.predictFields(theta, points);   // the path Discretization.errors takes (one field: predict)
    }

    /** A derivative named like the equation's symbols (u, u_x, u_xx, u_tx; any field: v_y, p), at point-major points. */
    public double[] derivative(String name, double[] points) {
        return derivatives(List.of(name), points)[0];
    }

    /**
     * out[k][i]: derivative names.get(k) at point i. A name is a field followed by _ and coordinates; the field is read
     * from it (v_y is ∂v/∂y).
     *
     * @throws IllegalArgumentException naming the value: an undeclared field (listing the fields), or coordinates that
     *                                  are not the domain's
     */
    public double[][] derivatives(List<String> names, double[] points) {
        checkPoints(points);
        ExprParser parser = new ExprParser(coordinates(), Set.of(), problem.fields());
        List<MultiIndex> ds = new ArrayList<>();
        int[] fieldOf = new int[names.size()];
        for (int k = 0; k < names.size(); k++) {
            ExprParser.FieldDerivative fd = resolve(parser, names.get(k));
            ds.add(fd.index());
            fieldOf[k] = fd.field();
        }
        return predictor.derivatives(theta, points, ds, fieldOf);
    }

    /** The field and multi-index a derivative name denotes. */
    private ExprParser.FieldDerivative resolve(ExprParser parser, String raw) {
        String n = raw == null ? "" : raw.trim();
        int cut = n.indexOf('_');
        String head = cut < 0 ? n : n.substring(0, cut);
        if (!problem.fields().contains(head)) {
            throw new IllegalArgumentException("derivative '" + raw + "': " + undeclared(head, problem.fields()));
        }
        ExprParser.FieldDerivative fd = parser.fieldDerivativeOf(n);
        if (fd == null) {
            throw new IllegalArgumentException("derivative '" + raw + "' is not " + head + " or a derivative of " + head
                    + " over the coordinates " + List.of(coordinates()) + " (e.g. " + head + "_" + coordinates()[coordinates().length - 1] + ")");
        }
        return fd;
    }

    private void checkPoints(double[] points) {
        int d = domain().dim();
        if (points == null || points.length == 0 || points.length % d != 0) {
            throw new IllegalArgumentException("points must hold n whole points of " + d + " coordinates " + List.of(coordinates())
                    + ", got " + (points == null ? "null" : points.length + " numbers"));
        }
    }
}
