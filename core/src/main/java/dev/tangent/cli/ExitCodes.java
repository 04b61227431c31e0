package dev.tangent.cli;

/** Process exit codes of the {@code tangent} command. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** A run stopped early (divergence, time budget with no result). */
    public static final int STOPPED = 1;
    /** Bad input: options, config, data. */
    public static final int BAD_INPUT = 2;
    /** A numerical failure inside the library. */
    public static final int NUMERICAL = 3;
    /** An I/O failure. */
    public static final int IO = 4;
}
