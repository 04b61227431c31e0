package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@code tangent problems}: the catalog in aligned columns, and a system's output width and per-field references. */
class ProblemsCommandTest {
    private static String run(String... args) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, TangentCli.commandLine().execute(args));
        } finally {
            System.setOut(saved);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aSystemShowsOneOutputPerFieldAndEveryFieldsReference() {
        String out = run("problems", "kovasznay");
        assertTrue(out.contains("net 2-32-32-3 tanh"), out);
        for (String f : new String[] {"u", "v", "p"}) assertTrue(out.contains("reference:  " + f + ": "), out);
        assertTrue(run("problems", "laplace2d").contains("net 2-32-1 tanh"));
    }

    @Test
    void catalogDescriptionsStartInOneColumn() {
        String[] lines = run("problems").split("\\R");
        int column = -1;
        for (String l : lines) {
            if (l.isBlank() || l.startsWith("`")) continue;
            int at = l.indexOf("  ") + 2;
            while (l.charAt(at) == ' ') at++;
            if (column < 0) column = at;
            assertEquals(column, at, "description column of: " + l);
        }
    }
}
