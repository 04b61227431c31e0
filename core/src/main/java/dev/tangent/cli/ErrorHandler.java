package dev.tangent.cli;

import dev.tangent.ErrorText;
import dev.tangent.TangentException;
import dev.tangent.train.Provenance;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/**
 * Turns every failure, including StackOverflowError and OutOfMemoryError, into one clear line on stderr and a named
 * exit code; stack traces only with TANGENT_DEBUG=1.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        return handle(ex, cl);
    }

    /** Wraps picocli's strategy so that errors (not only exceptions) reach {@link #handle}. */
    static CommandLine.IExecutionStrategy catchingErrors(CommandLine root) {
        CommandLine.IExecutionStrategy inner = new CommandLine.RunLast();
        return parse -> {
            try {
                return inner.execute(parse);
            } catch (CommandLine.ExecutionException | CommandLine.ParameterException e) {
                throw e;
            } catch (Error e) {
                return handle(e, root);
            }
        };
    }

    /** JavaCPP found no native library for this platform (an UnsatisfiedLinkError somewhere in the causes). */
    static boolean missingNativeLibrary(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof UnsatisfiedLinkError) return true;
            String m = t.getMessage();
            if (m != null && m.contains("No native JavaCPP library")) return true;
            if (t instanceof NoClassDefFoundError && m != null && m.contains(dev.tangent.linalg.NativeBackend.NATIVE_PACKAGE)) return true;
        }
        return false;
    }

    static int handle(Throwable ex, CommandLine cl) {
        if ("1".equals(System.getenv("TANGENT_DEBUG"))) ex.printStackTrace();
        String msg = ErrorText.clean(ex.getMessage());
        if (missingNativeLibrary(ex)) {
            cl.getErr().println("error: this build has no native OpenBLAS for this machine (platform " + Provenance.platform()
                    + "); it carries " + Provenance.blas().replaceFirst(".*built in for ", "") + ". Rebuild with "
                    + "`mvn -B -DskipTests package -Djavacpp.platform=PLATFORM` (linux-x86_64, linux-arm64, macosx-x86_64, "
                    + "macosx-arm64, windows-x86_64) or -Pall-platforms for all five; bytedeco ships no OpenBLAS for others");
            return ExitCodes.NO_NATIVE_LIBRARY;
        }
        if (ex instanceof IllegalArgumentException) {
            cl.getErr().println("error: " + msg);
            return ExitCodes.BAD_INPUT;
        }
        if (ex instanceof TangentException) {
            cl.getErr().println("numerical error: " + msg);
            return ExitCodes.NUMERICAL;
        }
        if (ex instanceof IOException || ex instanceof UncheckedIOException) {
            cl.getErr().println("I/O error: " + msg);
            return ExitCodes.IO;
        }
        if (ex instanceof OutOfMemoryError) {
            long mb = Runtime.getRuntime().maxMemory() >> 20;
            cl.getErr().println("out of memory: the JVM's heap limit is " + mb + " MB; use a smaller net or fewer points, "
                    + "or give Java more memory, e.g. TANGENT_JAVA_OPTS=-Xmx" + Math.max(2, 2 * mb / 1024) + "g");
            return ExitCodes.OUT_OF_MEMORY;
        }
        String what = ex instanceof StackOverflowError ? "stack overflow" : msg.isEmpty() ? "unexpected failure" : msg;
        cl.getErr().println("internal error: " + what + " (a bug in Tangent; please report it)"
                + "\n  rerun with TANGENT_DEBUG=1 for a stack trace");
        return ExitCodes.INTERNAL;
    }
}
