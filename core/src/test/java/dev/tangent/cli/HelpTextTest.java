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

/**
 * Every command's help renders cleanly: no picocli format warnings (an unescaped '%'), no raw "%n", a description
 * whose first line (all the command list shows) is a whole sentence, and a help text for every option and parameter.
 */
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
                for (CommandLine.Model.OptionSpec o : c.getCommandSpec().options()) {
                    assertTrue(o.description().length > 0 && !o.description()[0].isBlank(), name + " " + o.longestName() + " has no help text");
                }
                for (CommandLine.Model.PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
                    assertTrue(p.description().length > 0 && !p.description()[0].isBlank(), name + " " + p.paramLabel() + " has no help text");
                }
                // the command list shows a description's first line only: it must not end mid-sentence
                String first = c.getCommandSpec().usageMessage().description()[0].strip();
                assertTrue(first.endsWith(".") || first.endsWith(")") || first.endsWith(":"), name + ": first description line ends mid-sentence: " + first);
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
