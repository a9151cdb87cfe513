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
            exit = 1;
        }
        System.exit(exit);
    }
}
