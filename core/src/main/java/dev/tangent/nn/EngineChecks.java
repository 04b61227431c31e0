package dev.tangent.nn;

/** Argument checks of {@link JetEngine}'s public entry points: shapes are errors that say what was expected. */
final class EngineChecks {
    private EngineChecks() {}

    /** The residual must read exactly the derivatives and fields the engine's plan was built for. */
    static void residual(PointResidual residual, JetPlan plan, int[] fields) {
        if (residual.inputDim() != plan.dim()) {
            throw new IllegalArgumentException("residual expects " + residual.inputDim()
                    + "-dimensional points but the network has " + plan.dim() + " inputs");
        }
        if (!residual.derivatives().equals(plan.derivatives()) || !java.util.Arrays.equals(residual.fields(), fields)) {
            throw new IllegalArgumentException("residual reads " + residual.derivatives() + " of fields "
                    + java.util.Arrays.toString(residual.fields()) + " but this engine was built for " + plan.derivatives()
                    + " of fields " + java.util.Arrays.toString(fields));
        }
    }

    /** One field index per derivative, each an output of the network. */
    static void fields(int[] fields, java.util.List<MultiIndex> derivatives, Mlp mlp) {
        if (fields.length != derivatives.size()) {
            throw new IllegalArgumentException(derivatives.size() + " derivatives but " + fields.length + " field indices");
        }
        for (int k = 0; k < fields.length; k++) {
            if (fields[k] < 0 || fields[k] >= mlp.fields()) {
                throw new IllegalArgumentException("derivative " + derivatives.get(k) + " reads field " + fields[k]
                        + " but network " + mlp.spec().shape() + " has " + mlp.fields() + " field(s)");
            }
        }
    }

    static void theta(double[] theta, Mlp mlp) {
        if (theta == null || theta.length != mlp.nParams()) {
            throw new IllegalArgumentException("θ must have " + mlp.nParams() + " entries for net "
                    + mlp.spec().shape() + ", got " + (theta == null ? "null" : theta.length));
        }
    }

    static void length(double[] a, long n, String what) {
        if (a == null || a.length < n) {
            throw new IllegalArgumentException(what + " buffer needs " + n + " entries, got "
                    + (a == null ? "null" : a.length));
        }
    }

    static void direction(double[] v, Mlp mlp) {
        if (v == null || v.length != mlp.nParams()) {
            throw new IllegalArgumentException("direction v must have " + mlp.nParams() + " entries, got " + (v == null ? "null" : v.length));
        }
    }

    /** At least one point, nPoints·d finite coordinates. */
    static void points(double[] x, int nPoints, int d) {
        if (nPoints < 1) throw new IllegalArgumentException("need at least one point, got " + nPoints);
        if (x == null || x.length < (long) nPoints * d) {
            throw new IllegalArgumentException("points must hold " + nPoints + "×" + d + " coordinates, got "
                    + (x == null ? "null" : x.length));
        }
        for (int i = 0; i < nPoints * d; i++) {
            if (!Double.isFinite(x[i])) {
                throw new IllegalArgumentException("point " + (i / d) + " coordinate " + (i % d) + " is not finite: " + x[i]);
            }
        }
    }
}
