package dev.tangent.cli;

import dev.tangent.TangentException;
import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;

/** Turns exceptions into one clear line on stderr and a named exit code; stack traces only with TANGENT_DEBUG=1. */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parse) {
        if ("1".equals(System.getenv("TANGENT_DEBUG"))) ex.printStackTrace();
        String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
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
        cl.getErr().println("internal error (" + ex.getClass().getSimpleName() + "): " + msg
                + "\n  rerun with TANGENT_DEBUG=1 for a stack trace");
        return ExitCodes.NUMERICAL;
    }
}
