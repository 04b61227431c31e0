package dev.tangent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The README's CLI reference and command lines against the command tree, so neither can go stale: every leaf command
 * has a row, a row lists exactly the command's options (help and version aside), and every {@code tangent ...}
 * command line the README shows names existing subcommands and options.
 */
class ReadmeCliTest {
    private static final Pattern SPAN = Pattern.compile("`(tangent [^`]*)`");
    private static final Pattern OPTION = Pattern.compile("--[a-z][a-z0-9-]*");

    private static String readme() throws IOException {
        return Files.readString(Path.of("..", "README.md"));
    }

    /** The CLI reference rows: command path ("reproduce kovasznay") to the options its row lists. */
    static Map<String, Set<String>> referenceRows(String readme) {
        int from = readme.indexOf("\n## CLI reference");
        int to = readme.indexOf("\n## ", from + 1);
        assertTrue(from >= 0 && to > from, "README has a CLI reference section");
        Map<String, Set<String>> rows = new TreeMap<>();
        for (String line : readme.substring(from, to).split("\n")) {
            if (!line.startsWith("| `tangent")) continue;
            String first = line.split("(?<!\\\\)\\|")[1]; // the command cell; its own pipes are escaped
            Matcher m = SPAN.matcher(first);
            while (m.find()) {
                String[] tokens = m.group(1).split("\\s+");
                List<String> path = new ArrayList<>();
                int i = 1;
                for (; i < tokens.length && tokens[i].matches("[a-z][a-z0-9|\\\\-]*"); i++) path.add(tokens[i]);
                Set<String> options = new TreeSet<>();
                Matcher o = OPTION.matcher(m.group(1));
                while (o.find()) options.add(o.group());
                String prefix = String.join(" ", path.subList(0, Math.max(0, path.size() - 1)));
                String last = path.isEmpty() ? "" : path.get(path.size() - 1);
                for (String alt : last.split("\\\\\\|")) {
                    String key = (prefix.isEmpty() ? "" : prefix + " ") + alt;
                    rows.computeIfAbsent(key.strip(), k -> new TreeSet<>()).addAll(options);
                }
            }
        }
        return rows;
    }

    private static void leaves(CommandLine c, String path, Map<String, CommandSpec> out) {
        if (c.getSubcommands().isEmpty()) out.put(path, c.getCommandSpec());
        for (Map.Entry<String, CommandLine> e : c.getSubcommands().entrySet()) {
            leaves(e.getValue(), (path.isEmpty() ? "" : path + " ") + e.getKey(), out);
        }
    }

    private static Set<String> options(CommandSpec spec) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : spec.options()) {
            if (o.usageHelp() || o.versionHelp() || o.hidden()) continue;
            names.add(o.longestName());
        }
        return names;
    }

    @Test
    void referenceTableListsExactlyTheOptionsOfEveryCommand() throws IOException {
        Map<String, Set<String>> rows = referenceRows(readme());
        Map<String, CommandSpec> leaves = new TreeMap<>();
        leaves(TangentCli.commandLine(), "", leaves);
        leaves.remove("help");
        assertTrue(leaves.size() > 25, "walked the command tree: " + leaves.keySet());
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, CommandSpec> e : leaves.entrySet()) {
            Set<String> listed = rows.get(e.getKey());
            if (listed == null) {
                problems.add("no CLI reference row for `tangent " + e.getKey() + "`");
                continue;
            }
            Set<String> actual = options(e.getValue());
            for (String o : actual) if (!listed.contains(o)) problems.add("`tangent " + e.getKey() + "`: " + o + " missing from the README");
            for (String o : listed) if (!actual.contains(o)) problems.add("`tangent " + e.getKey() + "`: README lists " + o + ", which the command does not have");
        }
        for (String row : rows.keySet()) {
            if (!row.isEmpty() && !leaves.containsKey(row)) problems.add("README row `tangent " + row + "` is no command");
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyCommandLineInTheReadmeParses() throws IOException {
        String readme = readme();
        List<String> lines = new ArrayList<>();
        for (String line : readme.split("\n")) { // code blocks: ./tangent ... and tangent ... lines
            String l = line.strip();
            if (l.startsWith("./tangent ") || l.startsWith("tangent ")) lines.add(l.replaceFirst("^\\./", ""));
        }
        Matcher m = SPAN.matcher(readme); // inline: `tangent train --problem heat1d ...`
        while (m.find()) {
            if (!m.group(1).contains("[") && !m.group(1).contains("|")) lines.add(m.group(1));
        }
        assertTrue(lines.size() > 40, "found the README's command lines: " + lines.size());
        List<String> problems = new ArrayList<>();
        for (String line : lines) {
            String text = line.replaceAll("\\s+#.*$", "").replaceAll("\"\\$\\([^)]*\\)\"", "DIR").strip();
            String[] tokens = text.split("\\s+");
            String[] args = java.util.Arrays.copyOfRange(tokens, 1, tokens.length);
            CommandLine root = TangentCli.commandLine();
            // a span such as `tangent ntk: auto` is prose, not a command line
            if (args.length > 0 && !args[0].startsWith("-") && !root.getSubcommands().containsKey(args[0])) continue;
            try {
                root.parseArgs(args);
            } catch (CommandLine.UnmatchedArgumentException e) {
                problems.add("`" + line + "`: " + e.getMessage());
            } catch (CommandLine.ParameterException e) {
                // placeholders such as `--time T` or `RUN_DIR…` fail type conversion; only names are checked here
            }
        }
        assertEquals(List.of(), problems);
    }
}
