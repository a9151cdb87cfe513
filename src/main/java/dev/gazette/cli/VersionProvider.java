package dev.gazette.cli;

import picocli.CommandLine;

/** The version from the jar's manifest, or {@code dev} when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GazetteCommand.class.getPackage().getImplementationVersion();
        return new String[] {"gazette " + (v == null ? "dev" : v), "Java " + Runtime.version()};
    }
}
