package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's help renders cleanly: no picocli format warnings (an unescaped '%'), no raw "%n", a description. */
class HelpTextTest {
    @Test
    void everyCommandHelpRendersWithoutWarnings() {
        List<CommandLine> all = new ArrayList<>();
        collect(TangentCli.commandLine(), all);
        assertTrue(all.size() > 20, "walked the whole command tree: " + all.size());
        PrintStream saved = System.err;
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        try {
            System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
            for (CommandLine c : all) {
                String usage = c.getUsageMessage(CommandLine.Help.Ansi.OFF);
                String name = c.getCommandSpec().qualifiedName();
                assertFalse(usage.contains("%n") || usage.contains("%%"), name + " help has a raw format code:\n" + usage);
                assertTrue(c.getCommandSpec().usageMessage().description().length > 0, name + " has no description");
            }
        } finally {
            System.setErr(saved);
        }
        assertFalse(warnings.toString(StandardCharsets.UTF_8).contains("WARN"), warnings.toString(StandardCharsets.UTF_8));
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        for (CommandLine sub : c.getSubcommands().values()) collect(sub, out);
    }
}
