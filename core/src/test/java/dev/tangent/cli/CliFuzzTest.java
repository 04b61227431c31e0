package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tangent.pde.Domain;
import dev.tangent.pde.ExpressionResidual;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzz: malformed configs, equations and flags through the real `tangent train` command, in-process. Every case must
 * end with exit code 2 and one error line that names the field, with no exception class name or stack trace, no
 * internal error, and no run directory left behind.
 */
class CliFuzzTest {
    static final int CASES = 5000;
    private static Path dir;

    @BeforeContainer
    static void setUp() throws IOException {
        // thousands of small files: a RAM-backed directory where the machine has one (here 50x faster than /tmp)
        Path shm = Path.of("/dev/shm");
        dir = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "tangent-fuzz")
                : Files.createTempDirectory("tangent-fuzz");
    }

    @AfterContainer
    static void tearDown() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }

    /** Exit code, stdout and stderr of one in-process run of the CLI. */
    record Outcome(int code, String out, String err) {}

    private static final StringWriter OUT = new StringWriter(), ERR = new StringWriter();
    /** One command line for all cases (picocli resets every option before each parse); building one takes ~20 ms. */
    private static final picocli.CommandLine CLI = TangentCli.commandLine()
            .setOut(new PrintWriter(OUT, true)).setErr(new PrintWriter(ERR, true));

    static synchronized Outcome cli(List<String> args) {
        OUT.getBuffer().setLength(0);
        ERR.getBuffer().setLength(0);
        int code = CLI.execute(args.toArray(String[]::new));
        return new Outcome(code, OUT.toString(), ERR.toString());
    }

    @Property(tries = CASES, seed = "16")
    void malformedInputIsACleanErrorNamingTheField(@ForAll("cases") MalformedInputs.Case c) throws IOException {
        Path cfg = dir.resolve("case.yaml");
        Path out = dir.resolve("runs");
        Files.write(cfg, c.config());
        List<String> args = new ArrayList<>(List.of("train", cfg.toString(), "--out", out.toString(), "--quiet", "--no-plots"));
        // a short budget, in case an invalid input were accepted and started training
        args.addAll(c.flags().isEmpty() ? List.of("--steps", "1", "--time", "1") : c.flags());
        Outcome o = cli(args);
        String err = o.err();
        assertEquals(ExitCodes.BAD_INPUT, o.code(), "exit code for " + c + "\nstderr: " + err);
        for (String e : c.expected()) assertTrue(err.contains(e), "the error names " + e + ": " + err + "\nfor " + c);
        assertFalse(err.matches("(?s).*\\b(java|javax|com|org|sun)\\.[a-z.]*[A-Z]\\w*(Exception|Error)\\b.*"), "class name in: " + err);
        assertFalse(err.contains("\tat ") || err.contains("internal error") || err.contains("Exception:"), err);
        try (Stream<Path> left = Files.exists(out) ? Files.list(out) : Stream.empty()) {
            assertEquals(List.of(), left.toList(), "a rejected run leaves no directory behind: " + c);
        }
    }

    @Provide
    Arbitrary<MalformedInputs.Case> cases() {
        return MalformedInputs.all();
    }

    private static final Domain SPACE_TIME = Domain.spaceTime(0, 1, new String[] {"x"}, new double[] {0}, new double[] {1});

    /** Random token soup: the parser either accepts it or refuses it with a positioned message, nothing else. */
    @Property(tries = 3000, seed = "16")
    void anyEquationTextParsesOrIsRefusedCleanly(@ForAll("equations") String text) {
        try {
            ExpressionResidual r = ExpressionResidual.parse(SPACE_TIME, text, Map.of("k", 2.0));
            assertFalse(r.derivatives().isEmpty());
        } catch (IllegalArgumentException e) {
            assertTrue(e.getMessage() != null && (e.getMessage().startsWith("in '") || e.getMessage().contains("expression")),
                    text + " -> " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> equations() {
        Arbitrary<String> token = Arbitraries.of("u", "u_x", "u_xx", "u_t", "u_tx", "u_xxxxx", "x", "t", "k", "pi", "e", "v", "0", "1",
                "2.5", "1e3", "1e999", "0.0", "+", "-", "*", "/", "^", "**", "=", "(", ")", "sin(", "log(", "sqrt(", "exp(", "tanh(", ".",
                " ", "_", "&", "\u0001", "é");
        return token.list().ofMinSize(1).ofMaxSize(24).map(l -> String.join("", l));
    }
}
