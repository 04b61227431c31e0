package dev.tangent.pde.expr;

import dev.tangent.pde.expr.Expr.Bin;
import dev.tangent.pde.expr.Expr.Call;
import dev.tangent.pde.expr.Expr.Func;
import dev.tangent.pde.expr.Expr.Neg;
import dev.tangent.pde.expr.Expr.Num;
import dev.tangent.pde.expr.Expr.Sym;
import java.util.Map;

/**
 * An expression compiled against a slot table: symbols become indices into an environment array,
 * so evaluation at a point is a tree walk with no lookups or allocation.
 */
public final class Evaluator {
    private final Node root;

    private Evaluator(Node root) {
        this.root = root;
    }

    /** Compiles e; every symbol must have a slot, otherwise the error names it and the known ones. */
    public static Evaluator compile(Expr e, Map<String, Integer> slots) {
        return new Evaluator(build(e, slots));
    }

    public double evaluate(double[] env) {
        return root.eval(env);
    }

    private interface Node {
        double eval(double[] env);
    }

    private static Node build(Expr e, Map<String, Integer> slots) {
        if (e instanceof Num n) {
            double v = n.value();
            return env -> v;
        }
        if (e instanceof Sym s) {
            Integer slot = slots.get(s.name());
            if (slot == null) {
                throw new IllegalArgumentException("unknown symbol '" + s.name() + "'; known: " + slots.keySet());
            }
            int k = slot;
            return env -> env[k];
        }
        if (e instanceof Neg n) {
            Node a = build(n.arg(), slots);
            return env -> -a.eval(env);
        }
        if (e instanceof Call c) {
            Node a = build(c.arg(), slots);
            return switch (c.func()) {
                case SIN -> env -> Math.sin(a.eval(env));
                case COS -> env -> Math.cos(a.eval(env));
                case EXP -> env -> Math.exp(a.eval(env));
                case LOG -> env -> Math.log(a.eval(env));
                case TANH -> env -> Math.tanh(a.eval(env));
                case SQRT -> env -> Math.sqrt(a.eval(env));
            };
        }
        Bin b = (Bin) e;
        Node l = build(b.left(), slots);
        Node r = build(b.right(), slots);
        return switch (b.op()) {
            case ADD -> env -> l.eval(env) + r.eval(env);
            case SUB -> env -> l.eval(env) - r.eval(env);
            case MUL -> env -> l.eval(env) * r.eval(env);
            case DIV -> env -> l.eval(env) / r.eval(env);
            case POW -> {
                if (b.right() instanceof Num n && n.value() == 2) yield env -> {
                    double v = l.eval(env);
                    return v * v;
                };
                if (b.right() instanceof Num n && n.value() == 3) yield env -> {
                    double v = l.eval(env);
                    return v * v * v;
                };
                yield env -> Math.pow(l.eval(env), r.eval(env));
            }
        };
    }

    static double apply(Func f, double v) {
        return switch (f) {
            case SIN -> Math.sin(v);
            case COS -> Math.cos(v);
            case EXP -> Math.exp(v);
            case LOG -> Math.log(v);
            case TANH -> Math.tanh(v);
            case SQRT -> Math.sqrt(v);
        };
    }
}
