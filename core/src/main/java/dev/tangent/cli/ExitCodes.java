package dev.tangent.cli;

/** Process exit codes of the {@code tangent} command; each kind of failure has its own. */
public final class ExitCodes {
    private ExitCodes() {}

    public static final int OK = 0;
    /** A run stopped early because it diverged (a sweep: some point failed). */
    public static final int STOPPED = 1;
    /** Bad input: options, config, data, a resource limit, a locked run directory. */
    public static final int BAD_INPUT = 2;
    /** A numerical failure inside the library. */
    public static final int NUMERICAL = 3;
    /** An I/O failure. */
    public static final int IO = 4;
    /** An internal error: a bug in Tangent (please report it with TANGENT_DEBUG=1 output). */
    public static final int INTERNAL = 5;
    /** The JVM ran out of memory. */
    public static final int OUT_OF_MEMORY = 6;
    /** No native BLAS library for this machine's platform in this build (the message names the platform). */
    public static final int NO_NATIVE_LIBRARY = 7;
    /** Stopped by SIGINT (128 + 2) or SIGTERM (143) after writing the checkpoint and summary.json. */
    public static final int INTERRUPTED = 130;
}
