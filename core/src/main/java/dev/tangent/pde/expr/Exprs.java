package dev.tangent.pde.expr;

import dev.tangent.pde.expr.Expr.Bin;
import dev.tangent.pde.expr.Expr.Call;
import dev.tangent.pde.expr.Expr.Func;
import dev.tangent.pde.expr.Expr.Neg;
import dev.tangent.pde.expr.Expr.Num;
import dev.tangent.pde.expr.Expr.Op;
import dev.tangent.pde.expr.Expr.Sym;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Smart constructors (with constant folding and x·1, x+0 rules), symbolic differentiation and printing. Folding
 * never hides an undefined value: a constant part that is NaN or infinite (0/0, x/0, log(-1), 1e300*1e300) throws
 * an {@link ArithmeticException} instead of being rewritten.
 */
public final class Exprs {
    private Exprs() {}

    public static final Expr ZERO = new Num(0);
    public static final Expr ONE = new Num(1);

    public static Expr num(double v) {
        return new Num(v);
    }

    public static Expr sym(String name) {
        return new Sym(name);
    }

    /** The folded constant, or an error when it is undefined or overflows. */
    private static Expr folded(double v, String what) {
        if (Double.isNaN(v)) throw new ArithmeticException(what + " is undefined");
        if (Double.isInfinite(v)) throw new ArithmeticException(what + " overflows the double range");
        return new Num(v);
    }

    public static Expr neg(Expr a) {
        if (a instanceof Num n) return num(-n.value());
        if (a instanceof Neg n) return n.arg();
        return new Neg(a);
    }

    public static Expr call(Func f, Expr a) {
        if (a instanceof Num n) return folded(Evaluator.apply(f, n.value()), f.name().toLowerCase(Locale.ROOT) + "(" + n.value() + ")");
        return new Call(f, a);
    }

    public static Expr add(Expr a, Expr b) {
        if (isZero(a)) return b;
        if (isZero(b)) return a;
        if (a instanceof Num x && b instanceof Num y) return folded(x.value() + y.value(), x.value() + " + " + y.value());
        if (b instanceof Neg n) return sub(a, n.arg());
        return new Bin(Op.ADD, a, b);
    }

    public static Expr sub(Expr a, Expr b) {
        if (isZero(b)) return a;
        if (isZero(a)) return neg(b);
        if (a instanceof Num x && b instanceof Num y) return folded(x.value() - y.value(), x.value() + " - " + y.value());
        return new Bin(Op.SUB, a, b);
    }

    public static Expr mul(Expr a, Expr b) {
        if (isZero(a) || isZero(b)) return ZERO;
        if (isOne(a)) return b;
        if (isOne(b)) return a;
        if (a instanceof Num x && b instanceof Num y) return folded(x.value() * y.value(), x.value() + " * " + y.value());
        if (b instanceof Num && !(a instanceof Num)) return mul(b, a);
        return new Bin(Op.MUL, a, b);
    }

    public static Expr div(Expr a, Expr b) {
        if (isZero(b)) throw new ArithmeticException((isZero(a) ? "0/0 is undefined" : "division by zero"));
        if (isZero(a)) return ZERO;
        if (isOne(b)) return a;
        if (a instanceof Num x && b instanceof Num y) return folded(x.value() / y.value(), x.value() + " / " + y.value());
        return new Bin(Op.DIV, a, b);
    }

    public static Expr pow(Expr a, Expr b) {
        if (isZero(b)) return ONE;
        if (isOne(b)) return a;
        if (a instanceof Num x && b instanceof Num y) return folded(Math.pow(x.value(), y.value()), x.value() + "^" + y.value());
        return new Bin(Op.POW, a, b);
    }

    static boolean isZero(Expr e) {
        return e instanceof Num n && n.value() == 0;
    }

    static boolean isOne(Expr e) {
        return e instanceof Num n && n.value() == 1;
    }

    /** ∂e/∂(symbol), symbolically. Every other symbol is held constant. */
    public static Expr derivative(Expr e, String symbol) {
        if (e instanceof Num) return ZERO;
        if (e instanceof Sym s) return s.name().equals(symbol) ? ONE : ZERO;
        if (e instanceof Neg n) return neg(derivative(n.arg(), symbol));
        if (e instanceof Call c) {
            Expr a = c.arg();
            Expr da = derivative(a, symbol);
            if (isZero(da)) return ZERO;
            Expr outer = switch (c.func()) {
                case SIN -> call(Func.COS, a);
                case COS -> neg(call(Func.SIN, a));
                case EXP -> c;
                case LOG -> div(ONE, a);
                case TANH -> sub(ONE, pow(c, num(2)));
                case SQRT -> div(num(0.5), c);
            };
            return mul(outer, da);
        }
        Bin b = (Bin) e;
        Expr l = b.left(), r = b.right();
        Expr dl = derivative(l, symbol), dr = derivative(r, symbol);
        return switch (b.op()) {
            case ADD -> add(dl, dr);
            case SUB -> sub(dl, dr);
            case MUL -> add(mul(dl, r), mul(l, dr));
            case DIV -> sub(div(dl, r), div(mul(l, dr), pow(r, num(2))));
            case POW -> {
                if (r instanceof Num n) yield mul(mul(num(n.value()), pow(l, num(n.value() - 1))), dl);
                // d(l^r) = l^r (r' log l + r l'/l)
                yield mul(e, add(mul(dr, call(Func.LOG, l)), div(mul(r, dl), l)));
            }
        };
    }

    /** Nesting depth of e (a leaf has depth 1), computed without recursion so any tree is safe to measure. */
    public static long depth(Expr e) {
        java.util.ArrayDeque<Object[]> stack = new java.util.ArrayDeque<>();
        stack.push(new Object[] {e, 1L});
        long max = 0;
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Expr x = (Expr) top[0];
            long d = (Long) top[1];
            max = Math.max(max, d);
            if (x instanceof Neg n) stack.push(new Object[] {n.arg(), d + 1});
            else if (x instanceof Call c) stack.push(new Object[] {c.arg(), d + 1});
            else if (x instanceof Bin b) {
                stack.push(new Object[] {b.left(), d + 1});
                stack.push(new Object[] {b.right(), d + 1});
            }
        }
        return max;
    }

    /** Every symbol name in e, in first-seen order. */
    public static Set<String> symbols(Expr e) {
        Set<String> out = new LinkedHashSet<>();
        collect(e, out);
        return out;
    }

    private static void collect(Expr e, Set<String> out) {
        if (e instanceof Sym s) out.add(s.name());
        else if (e instanceof Neg n) collect(n.arg(), out);
        else if (e instanceof Call c) collect(c.arg(), out);
        else if (e instanceof Bin b) {
            collect(b.left(), out);
            collect(b.right(), out);
        }
    }

    /** Text that {@link ExprParser} reads back into an equal tree. */
    public static String print(Expr e) {
        StringBuilder sb = new StringBuilder();
        print(e, sb);
        return sb.toString();
    }

    private static void print(Expr e, StringBuilder sb) {
        if (e instanceof Num n) {
            double v = n.value();
            String s = v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
            if (v < 0 || s.contains("E")) sb.append('(').append(s).append(')');
            else sb.append(s);
        } else if (e instanceof Sym s) {
            sb.append(s.name());
        } else if (e instanceof Neg n) {
            sb.append("(-");
            printOperand(n.arg(), 3, false, sb);
            sb.append(')');
        } else if (e instanceof Call c) {
            sb.append(c.func().name().toLowerCase(Locale.ROOT)).append('(');
            print(c.arg(), sb);
            sb.append(')');
        } else {
            Bin b = (Bin) e;
            boolean rightAssoc = b.op() == Op.POW;
            printOperand(b.left(), b.op().precedence, rightAssoc, sb);
            sb.append(' ').append(b.op().symbol).append(' ');
            printOperand(b.right(), b.op().precedence, !rightAssoc, sb);
        }
    }

    /** Parenthesises an operand of a binary operator when precedence or associativity require it. */
    private static void printOperand(Expr e, int parentPrecedence, boolean strict, StringBuilder sb) {
        boolean paren = e instanceof Bin b
                && (b.op().precedence < parentPrecedence || (strict && b.op().precedence == parentPrecedence));
        if (paren) sb.append('(');
        print(e, sb);
        if (paren) sb.append(')');
    }
}
