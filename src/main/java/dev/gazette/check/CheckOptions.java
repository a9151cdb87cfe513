package dev.gazette.check;

import java.time.Duration;
import java.util.Objects;

/**
 * How to check a site.
 *
 * @param baseUrl     the absolute URL the site is published at, mapping links to the site's own host
 *                    to its files; {@code null} to read it from the home page's canonical link
 * @param threads     threads parsing pages, at least 1
 * @param external    whether outside (http, https) links are tried
 * @param connections outside links tried at once, at least 1
 * @param timeout     how long an outside server has to connect, and then to answer
 */
public record CheckOptions(String baseUrl, int threads, boolean external, int connections, Duration timeout) {

    /** Outside links tried at once by default: enough to be quick, few enough to be polite. */
    public static final int CONNECTIONS = 8;
    /** How long an outside server has, by default, to connect and then to answer. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    public CheckOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (threads < 1 || connections < 1) {
            throw new IllegalArgumentException("threads and connections must be at least 1");
        }
    }

    /** The default checks, without outside links, on {@code threads} threads. */
    public static CheckOptions of(String baseUrl, int threads) {
        return new CheckOptions(baseUrl, threads, false, CONNECTIONS, TIMEOUT);
    }
}
