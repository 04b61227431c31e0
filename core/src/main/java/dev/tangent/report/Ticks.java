package dev.tangent.report;

import java.util.Locale;

/** Number formats for labels and generated text: powers of ten with superscripts. */
final class Ticks {
    private Ticks() {}

    private static final String SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /** 10ⁿ for an integer exponent, e.g. 10⁻³. */
    static String decade(int n) {
        StringBuilder sb = new StringBuilder("10");
        if (n < 0) sb.append('⁻');
        for (char c : Integer.toString(Math.abs(n)).toCharArray()) sb.append(SUPERSCRIPTS.charAt(c - '0'));
        return sb.toString();
    }

    /** A value as m·10ⁿ with two significant digits (1.2·10⁻⁵), plain between 0.01 and 10⁴. */
    static String sci(double v) {
        if (!Double.isFinite(v)) return Double.toString(v);
        if (v == 0) return "0";
        double a = Math.abs(v);
        if (a >= 1e-2 && a < 1e4) return String.format(Locale.ROOT, "%.3g", v);
        int e = (int) Math.floor(Math.log10(a));
        double m = v / Math.pow(10, e);
        if (Math.abs(m) >= 9.95) {
            m /= 10;
            e++;
        }
        return String.format(Locale.ROOT, "%.1f·", m) + decade(e);
    }
}
