package dev.gazette.cli;

/** Entry point of the {@code gazette} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(GazetteCommand.commandLine().execute(args));
    }
}
