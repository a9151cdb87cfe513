package dev.gazette.cli;

/** Entry point of the {@code gazette} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = GazetteCommand.commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // Large archives hold every article while building: say how to give the JVM more room.
            long maxMiB = Runtime.getRuntime().maxMemory() / (1024 * 1024);
            System.err.println("gazette: out of memory with a " + maxMiB + " MiB heap; nothing was written. "
                    + "Give the JVM more, e.g. GAZETTE_JAVA_OPTS=\"-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xmx8g\" ./gazette build");
            exit = GazetteCommand.INTERNAL_ERROR;
        } catch (StackOverflowError | RuntimeException e) {
            // Picocli hands exceptions from commands to the handler; what escapes it is a bug too.
            java.io.PrintWriter err = new java.io.PrintWriter(System.err, true);
            GazetteCommand.reportInternalError(e, err);
            exit = GazetteCommand.INTERNAL_ERROR;
        }
        System.exit(exit);
    }
}
