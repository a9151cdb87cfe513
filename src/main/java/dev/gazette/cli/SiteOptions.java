package dev.gazette.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options of every command that reads a site: where its sources and configuration are, which
 * articles are published, how many threads work. A picocli mixin, so the commands spell them alike.
 */
final class SiteOptions {

    @CommandLine.Spec(CommandLine.Spec.Target.MIXEE)
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = "articles", description = "Articles folder (default: ${DEFAULT-VALUE}).")
    Path source;

    @Option(names = "--config", paramLabel = "FILE", description = "Configuration file (default: site.yml when present).")
    Path config;

    @Option(names = "--drafts", description = "Publish drafts too.")
    boolean drafts;

    @Option(names = "--future", description = "Publish articles dated after the reference time too.")
    boolean future;

    @Option(names = "--now", paramLabel = "TIME",
            description = "Reference time for the publishing rules, ISO 8601 with offset (default: the current time).")
    String now;

    @Option(names = "--jobs", paramLabel = "N", description = "Threads, 1 to 256 (default: the number of processors).")
    Integer jobs;

    /** The reference time: {@code --now}, or the current time. */
    Instant reference() {
        return reference(now, spec.commandLine());
    }

    /** The time {@code now} (ISO 8601 with offset) gives, or the current time when it is {@code null}. */
    static Instant reference(String now, CommandLine commandLine) {
        try {
            return now == null ? Instant.now() : OffsetDateTime.parse(now).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.ParameterException(commandLine,
                    "--now: `" + now + "` is not an ISO 8601 time with offset, e.g. 2025-09-10T12:00:00+01:00");
        }
    }

    /** More threads than this only cost memory: a build is bound by a few cores and the disk. */
    static final int MAX_JOBS = 256;

    /** The number of threads: {@code --jobs}, or the number of processors. */
    int threads() {
        int threads = jobs == null ? Math.min(Runtime.getRuntime().availableProcessors(), MAX_JOBS) : jobs;
        if (threads < 1 || threads > MAX_JOBS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--jobs must be between 1 and " + MAX_JOBS + " (got " + threads + "); the default is the number of processors.");
        }
        return threads;
    }

    /** The configuration file: {@code --config}, or {@code site.yml} in the current folder when there is one. */
    Path configFile() {
        return configFile(config);
    }

    /** {@code config}, or {@code site.yml} in the current folder when there is one. */
    static Path configFile(Path config) {
        return config != null ? config : Files.isRegularFile(Path.of("site.yml")) ? Path.of("site.yml") : null;
    }
}
