package dev.gazette.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: lists the subcommands. */
@Command(name = "gazette",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A static news-site generator: turns a folder of articles into a site ready for any web host.",
        subcommands = {BuildCommand.class, ServeCommand.class, NewCommand.class, ImportCommand.class, CheckCommand.class, RelatedCommand.class,
                CommandLine.HelpCommand.class})
public final class GazetteCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: try `gazette build`.");
    }

    /**
     * The exit code of an internal error: a bug in Gazette, never a problem with the site. It is
     * kept apart from 1 (errors in the sources) so that scripts and CI can tell the two apart.
     */
    public static final int INTERNAL_ERROR = 3;

    /** Frames of an internal error's trace worth printing: enough for a bug report, not a screenful. */
    private static final int TRACE_FRAMES = 8;

    /** The configured command line, shared by {@link Main} and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new GazetteCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            reportInternalError(e, commandLine.getErr());
            return INTERNAL_ERROR;
        });
        return cl;
    }

    /** Prints an internal error: what it was, where, and a request for a bug report. */
    static void reportInternalError(Throwable e, java.io.PrintWriter err) {
        err.println("gazette: internal error: " + e);
        StackTraceElement[] trace = e.getStackTrace();
        for (int i = 0; i < Math.min(TRACE_FRAMES, trace.length); i++) {
            err.println("    at " + trace[i]);
        }
        String version = GazetteCommand.class.getPackage().getImplementationVersion();
        err.println("This is a bug in Gazette " + (version == null ? "(dev)" : version) + ", not a problem with your site. "
                + "Please report it with the lines above and the command you ran.");
        err.flush();
    }
}
