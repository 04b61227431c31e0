package dev.tangent.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/** `tangent` in a child JVM (to kill it for real) or in this one (to resume quickly), for the fault tests. */
final class Subprocess {
    private Subprocess() {}

    /** Starts `tangent ARGS` in a new JVM on the test classpath; output goes to log. */
    static Process start(Path log, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        // a build started in the background has SIGINT ignored, and the child would inherit that: reset it (coreutils env)
        if (Files.isExecutable(Path.of("/usr/bin/env"))) cmd.addAll(List.of("/usr/bin/env", "--default-signal=INT"));
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), TangentCli.class.getName()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Exit code and stderr of `tangent ARGS` in this JVM. */
    record Result(int code, String err) {}

    static Result inProcess(String... args) {
        StringWriter err = new StringWriter();
        var cl = TangentCli.commandLine();
        cl.setErr(new PrintWriter(err, true));
        return new Result(cl.execute(args), err.toString());
    }

    /** Waits (polling every 2 ms, at most 120 s) until the condition holds. */
    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long end = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting for " + what);
            Thread.sleep(2);
        }
    }

    /** The single run directory under base, or null while there is none. */
    static Path runDir(Path base) {
        if (!Files.isDirectory(base)) return null;
        try (Stream<Path> s = Files.list(base)) {
            return s.filter(Files::isDirectory).findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }
}
