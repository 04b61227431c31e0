package dev.tangent.cli;

import dev.tangent.train.Config;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set KEY=VALUE} (repeatable) for every command that takes a config; parsing and errors are
 * {@link Config#setAll}, the same for every command.
 */
final class ConfigSets {
    static final String HELP = "Set any config key (repeatable), e.g. --set optimizer.damping=1e-2 --set net.widths=[16,16]; "
            + "the value is read as YAML and the key checked like a key of the file.";

    @Option(names = "--set", paramLabel = "KEY=VALUE", description = HELP)
    List<String> sets;

    /** Applies every --set in order. */
    void applyTo(Config c) {
        c.setAll(sets);
    }

    List<String> list() {
        return sets == null ? List.of() : sets;
    }
}
