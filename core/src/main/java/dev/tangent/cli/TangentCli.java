package dev.tangent.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Root of the {@code tangent} command line. */
@Command(name = "tangent", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = TangentCli.Version.class,
        description = "Physics-informed neural networks with exact NTK analysis and second-order training.",
        subcommands = {TrainCommand.class, EvalCommand.class, ExportCommand.class, CompareCommand.class, ReportCommand.class, NtkCommand.class, ReproduceCommand.class, SweepCommand.class, ProblemsCommand.class, BenchCommand.class, CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class})
public final class TangentCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code --version}: version, commit, JDK, BLAS build, platform and cores (from the build's properties). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return dev.tangent.train.Provenance.versionLines();
        }
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new TangentCli());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExecutionStrategy(ErrorHandler.catchingErrors(cl));
        // `tangent generate-completion`: a bash/zsh script; hidden from the command list like picocli's own example
        cl.getSubcommands().get("generate-completion").getCommandSpec().usageMessage().hidden(false);
        return cl;
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable t) { // anything picocli itself lets through
            code = ErrorHandler.handle(t, new CommandLine(new TangentCli()));
        }
        System.exit(code);
    }
}
