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
}
