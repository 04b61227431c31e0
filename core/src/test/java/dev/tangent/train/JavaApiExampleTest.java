package dev.tangent.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java API block, compiled and run as it stands: the block is cut from README.md, wrapped in a class
 * with the imports it needs, compiled with the system compiler on the test class path and run. Only the run
 * directory is moved into a temporary folder.
 */
class JavaApiExampleTest {
    private static final String DIR = "Path.of(\"runs\", \"harmonic-java\")";

    @Test
    void readmeJavaExampleCompilesRunsAndWritesARunDirectory(@TempDir Path tmp) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int section = readme.indexOf("### Java API");
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertTrue(block.contains(DIR), "the example writes to " + DIR);
        Path runDir = tmp.resolve("run");
        String body = block.replace(DIR, "Path.of(\"" + runDir.toString().replace("\\", "\\\\") + "\")");
        String source = """
                import dev.tangent.nn.*;
                import dev.tangent.optim.*;
                import dev.tangent.pde.*;
                import dev.tangent.report.*;
                import dev.tangent.sampling.*;
                import dev.tangent.train.*;
                import java.nio.file.*;
                import java.util.*;
                public class ReadmeExample {
                    public static void main(String[] args) throws Exception {
                %s
                    }
                }
                """.formatted(body);
        Path src = tmp.resolve("ReadmeExample.java");
        Files.writeString(src, source);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertNotNull(javac, "a JDK compiler");
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-classpath", classPath(), "-d", tmp.toString(), src.toString());
        assertEquals(0, rc, "README example does not compile:\n" + errors.toString(StandardCharsets.UTF_8) + "\n" + source);

        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {tmp.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            Method main = loader.loadClass("ReadmeExample").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(out);
        }
        String line = printed.toString(StandardCharsets.UTF_8);
        assertTrue(line.matches("(?s)(completed|target-reached) after \\d+ steps: rel L2 .*"), line);
        for (String f : List.of("metrics.csv", "checkpoint", "curves_step.png")) assertTrue(Files.exists(runDir.resolve(f)), f);
        MetricsTable m = MetricsTable.read(runDir.resolve("metrics.csv"));
        double[] err = m.series("absolute_rms");
        // trained: the error on the test grid fell by two orders of magnitude from the first logged row
        assertTrue(err[err.length - 1] < 1e-2 * err[0], "absolute_rms " + err[0] + " -> " + err[err.length - 1]);
        assertEquals(Checkpoint.read(runDir.resolve("checkpoint")).step(), (long) m.series("step")[m.rows().size() - 1]);
    }

    /** The test class path, with the entries of a manifest-only surefire jar spelled out. */
    private static String classPath() throws Exception {
        StringBuilder cp = new StringBuilder(System.getProperty("java.class.path"));
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!e.endsWith(".jar")) continue;
            try (var jar = new java.util.jar.JarFile(e)) {
                var mf = jar.getManifest();
                String extra = mf == null ? null : mf.getMainAttributes().getValue("Class-Path");
                if (extra == null) continue;
                for (String u : extra.trim().split("\\s+")) cp.append(File.pathSeparator).append(Path.of(new java.net.URI(u)));
            } catch (java.net.URISyntaxException | IllegalArgumentException ignored) {
                // a relative manifest entry: javac resolves those itself
            }
        }
        return cp.toString();
    }
}
