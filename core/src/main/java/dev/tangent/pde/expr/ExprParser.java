package dev.tangent.pde.expr;

import dev.tangent.Limits;
import dev.tangent.nn.MultiIndex;
import dev.tangent.pde.expr.Expr.Func;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Recursive-descent parser for the PDE text form, e.g. {@code u_t + u*u_x - 0.01/pi*u_xx = 0}.
 *
 * <pre>
 * equation := expr ['=' expr]          (residual = lhs − rhs)
 * expr     := term (('+'|'-') term)*
 * term     := unary (('*'|'/') unary)*
 * unary    := ('-'|'+') unary | power
 * power    := primary [('^'|'**') unary]
 * primary  := number | symbol | func '(' expr ')' | '(' expr ')'
 * </pre>
 *
 * Symbols are the coordinates, the fields (default just {@code u}) and their derivatives
 * {@code <field>_<coordinates>} such as {@code u_xx} or {@code p_x} (order ≤ 4, written in any order and stored
 * canonically), declared parameters, and the constants pi and e.
 */
public final class ExprParser {
    private final String[] coords;
    private final Set<String> parameters;
    private final List<String> fields;
    private String text;
    private List<Token> tokens;
    private int pos;
    private int depth;

    /** @throws IllegalArgumentException when a parameter would shadow a coordinate, u, a derivative, a constant or a function */
    public ExprParser(String[] coords, Set<String> parameters) {
        this(coords, parameters, List.of("u"));
    }

    /** A derivative of field {@code field} (index into the declared fields). */
    public record FieldDerivative(int field, MultiIndex index) {}

    /**
     * Over the given fields (the unknowns of a system, e.g. u, v, p).
     *
     * @throws IllegalArgumentException when a field name is not a plain name, repeats, or clashes with a coordinate, a
     *                                  constant or a function, or a parameter shadows anything
     */
    public ExprParser(String[] coords, Set<String> parameters, List<String> fields) {
        this.coords = coords.clone();
        this.parameters = Set.copyOf(parameters);
        if (fields.isEmpty()) throw new IllegalArgumentException("fields: at least one field is needed");
        for (int f = 0; f < fields.size(); f++) {
            String name = fields.get(f);
            String why = name == null || !name.matches("[A-Za-z][A-Za-z0-9]*") ? "must be a letter followed by letters or digits (no '_')"
                    : Arrays.asList(coords).contains(name) ? "is a coordinate"
                    : name.equals("pi") || name.equals("e") ? "is a constant"
                    : function(name) != null ? "is a function"
                    : fields.subList(0, f).contains(name) ? "is declared twice" : null;
            if (why != null) throw new IllegalArgumentException("field '" + name + "' " + why + "; fields: " + fields);
        }
        this.fields = List.copyOf(fields);
        for (String p : parameters) {
            String clash = Arrays.asList(coords).contains(p) ? "the coordinate " + p
                    : isFieldSymbol(p) ? "the field or its derivative " + p
                    : p.equals("pi") || p.equals("e") ? "the constant " + p
                    : function(p) != null ? "the function " + p : null;
            if (clash != null) throw new IllegalArgumentException("parameter '" + p + "' shadows " + clash + "; rename the parameter");
        }
    }

    /**
     * Parses an expression or an equation ({@code lhs = rhs} becomes {@code lhs − rhs}). Length and nesting depth
     * are bounded ({@link Limits#EXPRESSION_LENGTH}, {@link Limits#EXPRESSION_DEPTH}) so that no input overflows the
     * stack here or in the symbolic derivatives; a constant part that is undefined (0/0, log(-1)) is an error.
     */
    public Expr parse(String source) {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("empty expression");
        Limits.EXPRESSION_LENGTH.check(source.length(), "expression '" + abbreviate(source) + "'");
        text = source;
        tokens = Token.split(source);
        pos = 0;
        depth = 0;
        Expr lhs = expr();
        if (peek("=")) {
            Token eq = next();
            Expr left = lhs, rhs = expr();
            lhs = build(eq, () -> Exprs.sub(left, rhs));
        }
        if (!peek("end")) {
            Token t = tokens.get(pos);
            if (t.text().equals(")")) throw error("unbalanced parentheses: unexpected ')'", t);
            throw error("unexpected '" + t.text() + "'", t);
        }
        long d = Exprs.depth(lhs);
        if (d > Limits.EXPRESSION_DEPTH.value()) Limits.EXPRESSION_DEPTH.check(d, "expression '" + abbreviate(text) + "'");
        return lhs;
    }

    static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }

    /** Builds a node; an undefined or overflowing constant (0/0, log(-1), 1e300^2) is an error at the operator. */
    private Expr build(Token at, java.util.function.Supplier<Expr> node) {
        try {
            return node.get();
        } catch (ArithmeticException e) {
            throw error(e.getMessage(), at);
        }
    }

    /** Counts nesting on the way down, so deep input is an error instead of a stack overflow. */
    private void enter(Token at) {
        if (++depth > Limits.EXPRESSION_DEPTH.value()) {
            try {
                Limits.EXPRESSION_DEPTH.check(depth, "expression '" + abbreviate(text) + "'");
            } catch (IllegalArgumentException e) {
                throw error(e.getMessage(), at);
            }
        }
    }

    private boolean isFieldSymbol(String name) {
        int cut = name.indexOf('_');
        return fields.contains(cut < 0 ? name : name.substring(0, cut));
    }

    /** The declared fields, in order. */
    public List<String> fields() {
        return fields;
    }

    /** The canonical symbol of a field derivative, e.g. p_x, u_xxy (coordinates in declaration order). */
    public String symbolOf(int field, MultiIndex mi) {
        return fields.get(field) + mi.name(coords).substring(1);
    }

    /** The derivative named by a symbol such as u, u_xx or u_tx (any field), or null when the name is not a derivative. */
    public MultiIndex derivativeOf(String name) {
        FieldDerivative fd = fieldDerivativeOf(name);
        return fd == null ? null : fd.index();
    }

    /** The field and derivative named by a symbol such as v, p_x or u_xy, or null when it names none. */
    public FieldDerivative fieldDerivativeOf(String name) {
        int cut = name.indexOf('_');
        int field = fields.indexOf(cut < 0 ? name : name.substring(0, cut));
        if (field < 0) return null;
        if (cut < 0) return new FieldDerivative(field, MultiIndex.value(coords.length));
        if (cut == name.length() - 1) return null;
        int[] alpha = new int[coords.length];
        String rest = name.substring(cut + 1);
        int total = 0;
        while (!rest.isEmpty()) {
            int best = -1;
            for (int k = 0; k < coords.length; k++) {
                if (rest.startsWith(coords[k]) && (best < 0 || coords[k].length() > coords[best].length())) best = k;
            }
            if (best < 0) return null;
            alpha[best]++;
            total++;
            rest = rest.substring(coords[best].length());
        }
        if (total > MultiIndex.MAX_ORDER) {
            throw new IllegalArgumentException("derivative " + name + " has order " + total
                    + "; supported orders are 0.." + MultiIndex.MAX_ORDER);
        }
        return new FieldDerivative(field, new MultiIndex(alpha));
    }

    private Expr expr() {
        enter(tokens.get(pos));
        Expr e = term();
        while (peek("+") || peek("-")) {
            Token op = next();
            Expr l = e, r = term();
            e = build(op, () -> op.text().equals("+") ? Exprs.add(l, r) : Exprs.sub(l, r));
        }
        depth--;
        return e;
    }

    private Expr term() {
        Expr e = unary();
        while (peek("*") || peek("/")) {
            Token op = next();
            Expr l = e, r = unary();
            e = build(op, () -> op.text().equals("*") ? Exprs.mul(l, r) : Exprs.div(l, r));
        }
        return e;
    }

    private Expr unary() {
        if (peek("-") || peek("+")) {
            Token sign = next();
            enter(sign);
            Expr a = unary();
            depth--;
            return sign.text().equals("-") ? Exprs.neg(a) : a;
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (peek("^")) {
            Token op = next();
            enter(op);
            Expr exponent = unary();
            depth--;
            return build(op, () -> Exprs.pow(base, exponent));
        }
        return base;
    }

    private Expr primary() {
        Token t = next();
        switch (t.kind()) {
            case "num":
                return Exprs.num(Double.parseDouble(t.text()));
            case "(":
                Expr e = expr();
                if (!peek(")")) throw error("unbalanced parentheses: '(' at position " + (t.at() + 1) + " is not closed", tokens.get(pos));
                next();
                return e;
            case "id":
                return symbol(t);
            case "end":
                throw error("expression ends too early", t);
            default:
                if (t.text().equals(")")) throw error("unbalanced parentheses: unexpected ')'", t);
                throw error("unexpected '" + t.text() + "'", t);
        }
    }

    private Expr symbol(Token t) {
        String name = t.text();
        Func f = function(name);
        if (f != null) {
            if (!peek("(")) throw error("function " + name + " needs an argument in parentheses", t);
            next();
            Expr arg = expr();
            if (!peek(")")) throw error("unbalanced parentheses: " + name + "( is not closed", tokens.get(pos));
            next();
            return build(t, () -> Exprs.call(f, arg));
        }
        if (name.equals("pi")) return Exprs.num(Math.PI);
        if (name.equals("e") && !Arrays.asList(coords).contains("e") && !parameters.contains("e")) return Exprs.num(Math.E);
        if (Arrays.asList(coords).contains(name) || parameters.contains(name)) return Exprs.sym(name);
        FieldDerivative fd;
        try {
            fd = fieldDerivativeOf(name);
        } catch (IllegalArgumentException ex) {
            throw error(ex.getMessage(), t);
        }
        if (fd != null) return Exprs.sym(symbolOf(fd.field(), fd.index()));
        String last = coords[coords.length - 1];
        String known = fields.size() == 1 ? fields.get(0) + " and derivatives like " + fields.get(0) + "_" + last + last
                : "fields " + fields + " and derivatives like " + fields.get(0) + "_" + last + last;
        int cut = name.indexOf('_');
        String head = cut < 0 ? name : name.substring(0, cut);
        String undeclared = fields.contains(head)
                ? " ('" + head + "' is a field, but '" + name.substring(cut + 1) + "' is not made of the coordinates " + Arrays.toString(coords) + ")"
                : cut > 0 ? " ('" + head + "' is not a declared field; fields: " + fields + ")"
                : " (not a declared field, coordinate or parameter; fields: " + fields + ")";
        throw error("unknown symbol '" + name + "'" + undeclared + "; known: coordinates " + Arrays.toString(coords)
                + ", " + known + ", parameters " + parameters + ", constants [pi, e], functions " + functionNames(), t);
    }

    private static Func function(String name) {
        for (Func f : Func.values()) if (f.name().toLowerCase(Locale.ROOT).equals(name)) return f;
        return null;
    }

    private static List<String> functionNames() {
        return Arrays.stream(Func.values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList();
    }

    private boolean peek(String kind) {
        Token t = tokens.get(pos);
        return t.kind().equals(kind);
    }

    private Token next() {
        return tokens.get(pos++);
    }

    private IllegalArgumentException error(String message, Token at) {
        return new IllegalArgumentException("in '" + abbreviate(text) + "' at position " + (at.at() + 1) + ": " + message);
    }
}
