package dev.gazette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A static news-site generator: turns a folder of articles into a site ready for any web host.",
        subcommands = {BuildCommand.class, RelatedCommand.class, CommandLine.HelpCommand.class})
public final class GazetteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try `gazette build`.");
    }

    /** The configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GazetteCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gazette: internal error: " + e);
            return 1;
        });
        return cl;
    }
}
