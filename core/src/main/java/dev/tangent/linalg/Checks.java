package dev.tangent.linalg;

/** Argument checks shared by the wrappers; they throw {@link IllegalArgumentException} naming the problem. */
final class Checks {
    private Checks() {}

    static void shape(boolean ok, String template, Object... args) {
        if (!ok) throw new IllegalArgumentException(String.format(template, args));
    }

    static void fits(double[] a, int off, long len, String name) {
        if (a == null) throw new IllegalArgumentException("matrix " + name + " is null");
        if (off < 0 || off + len > a.length) {
            throw new IllegalArgumentException(String.format(
                    "matrix %s needs %d entries from offset %d but the array has %d", name, len, off, a.length));
        }
    }
}
