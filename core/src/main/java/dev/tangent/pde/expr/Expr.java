package dev.tangent.pde.expr;

/**
 * An expression tree over numbers, named symbols (coordinates, derivatives of u such as {@code u_xx},
 * parameters, constants) and the functions sin, cos, exp, log, tanh, sqrt. Nodes are immutable records
 * with structural equality; build them through {@link Exprs} to get constant folding.
 */
public sealed interface Expr permits Expr.Num, Expr.Sym, Expr.Neg, Expr.Call, Expr.Bin {

    record Num(double value) implements Expr {}

    record Sym(String name) implements Expr {}

    record Neg(Expr arg) implements Expr {}

    record Call(Func func, Expr arg) implements Expr {}

    record Bin(Op op, Expr left, Expr right) implements Expr {}

    enum Func { SIN, COS, EXP, LOG, TANH, SQRT }

    enum Op {
        ADD("+", 1), SUB("-", 1), MUL("*", 2), DIV("/", 2), POW("^", 4);

        final String symbol;
        final int precedence;

        Op(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }
    }
}
