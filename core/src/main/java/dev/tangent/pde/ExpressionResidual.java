package dev.tangent.pde;

import dev.tangent.nn.MultiIndex;
import dev.tangent.nn.PointResidual;
import dev.tangent.pde.expr.Evaluator;
import dev.tangent.pde.expr.Expr;
import dev.tangent.pde.expr.ExprParser;
import dev.tangent.pde.expr.Exprs;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A residual stated as an expression of the coordinates, the fields (u, or e.g. u, v, p of a system) and their
 * derivatives, and parameters. The partials ∂F/∂(D_k u_f) that the Jacobian needs are derived symbolically from the
 * tree; derivative k belongs to field {@link #fields()}[k].
 */
public final class ExpressionResidual implements CoefficientResidual {
    private final String[] coords;
    private final Expr expr;
    private final List<MultiIndex> derivatives = new ArrayList<>();
    private final List<Integer> fieldOf = new ArrayList<>();
    private final Evaluator value;
    private final Evaluator[] partials;
    private final Map<String, Evaluator> parameterPartials = new LinkedHashMap<>();
    private final double[] parameterValues;
    private final Map<String, Integer> parameterIndex = new HashMap<>();
    private final int paramBase;

    /** Parses {@code text} (an expression or {@code lhs = rhs}) over the domain's coordinates. */
    public static ExpressionResidual parse(Domain domain, String text, Map<String, Double> parameters) {
        return parse(domain, text, parameters, List.of("u"));
    }

    /** Over the given fields, e.g. {@code u*u_x + v*u_y + p_x - (u_xx + u_yy)/Re} with fields [u, v, p]. */
    public static ExpressionResidual parse(Domain domain, String text, Map<String, Double> parameters, List<String> fields) {
        ExprParser parser = new ExprParser(domain.coords(), parameters.keySet(), fields);
        return new ExpressionResidual(domain.coords(), parser.parse(text), parameters, fields);
    }

    public ExpressionResidual(String[] coords, Expr expr, Map<String, Double> parameters) {
        this(coords, expr, parameters, List.of("u"));
    }

    public ExpressionResidual(String[] coords, Expr expr, Map<String, Double> parameters, List<String> fields) {
        this.coords = coords.clone();
        this.expr = expr;
        ExprParser names = new ExprParser(coords, parameters.keySet(), fields);
        Map<String, Integer> slots = new HashMap<>();
        for (int k = 0; k < coords.length; k++) slots.put(coords[k], k);
        List<String> derivativeNames = new ArrayList<>();
        for (String s : Exprs.symbols(expr)) {
            if (slots.containsKey(s) || parameters.containsKey(s)) continue;
            ExprParser.FieldDerivative fd = names.fieldDerivativeOf(s);
            if (fd == null) throw new IllegalArgumentException("unknown symbol '" + s + "' in " + Exprs.print(expr));
            derivativeNames.add(s);
            derivatives.add(fd.index());
            fieldOf.add(fd.field());
        }
        if (derivatives.isEmpty()) {
            // A residual that ignores the fields still needs one jet component; the first field enters with zero partial.
            derivativeNames.add(fields.get(0));
            derivatives.add(MultiIndex.value(coords.length));
            fieldOf.add(0);
        }
        for (int k = 0; k < derivativeNames.size(); k++) slots.put(derivativeNames.get(k), coords.length + k);
        paramBase = coords.length + derivativeNames.size();
        parameterValues = new double[parameters.size()];
        int q = 0;
        for (Map.Entry<String, Double> p : parameters.entrySet()) {
            slots.put(p.getKey(), paramBase + q);
            parameterIndex.put(p.getKey(), q);
            parameterValues[q++] = p.getValue();
        }
        value = Evaluator.compile(expr, slots);
        partials = new Evaluator[derivativeNames.size()];
        for (int k = 0; k < partials.length; k++) {
            partials[k] = Evaluator.compile(Exprs.derivative(expr, derivativeNames.get(k)), slots);
        }
        for (String p : parameters.keySet()) parameterPartials.put(p, Evaluator.compile(Exprs.derivative(expr, p), slots));
    }

    public Expr expression() {
        return expr;
    }

    public String text() {
        return Exprs.print(expr);
    }

    @Override
    public int inputDim() {
        return coords.length;
    }

    @Override
    public List<MultiIndex> derivatives() {
        return derivatives;
    }

    @Override
    public int[] fields() {
        return fieldOf.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void evaluate(int nPoints, double[] x, double[] values, double[] residual, double[] partialsOut) {
        int d = coords.length;
        int m = derivatives.size();
        double[] env = new double[paramBase + parameterValues.length];
        System.arraycopy(parameterValues, 0, env, paramBase, parameterValues.length);
        for (int i = 0; i < nPoints; i++) {
            System.arraycopy(x, i * d, env, 0, d);
            for (int k = 0; k < m; k++) env[d + k] = values[k * nPoints + i];
            residual[i] = value.evaluate(env);
            for (int k = 0; k < m; k++) partialsOut[k * nPoints + i] = partials[k].evaluate(env);
        }
    }

    /** Sets a parameter's value (an unknown coefficient's current estimate); the partials follow it. */
    @Override
    public void setParameter(String name, double v) {
        Integer q = parameterIndex.get(name);
        if (q == null) throw new IllegalArgumentException("unknown parameter '" + name + "'; declared: " + parameterIndex.keySet());
        parameterValues[q] = v;
    }

    /** Whether the expression reads this parameter. */
    public boolean reads(String name) {
        return Exprs.symbols(expr).contains(name);
    }

    /** ∂F/∂λ for an unknown scalar parameter λ, at given points and derivative values (for inverse problems). */
    @Override
    public void parameterPartial(String name, int nPoints, double[] x, double[] values, double[] out) {
        Evaluator e = parameterPartials.get(name);
        if (e == null) throw new IllegalArgumentException("unknown parameter '" + name + "'; declared: " + parameterPartials.keySet());
        int d = coords.length;
        double[] env = new double[paramBase + parameterValues.length];
        System.arraycopy(parameterValues, 0, env, paramBase, parameterValues.length);
        for (int i = 0; i < nPoints; i++) {
            System.arraycopy(x, i * d, env, 0, d);
            for (int k = 0; k < derivatives.size(); k++) env[d + k] = values[k * nPoints + i];
            out[i] = e.evaluate(env);
        }
    }
}
