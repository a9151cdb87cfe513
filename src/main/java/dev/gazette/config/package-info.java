/**
 * The site configuration: {@code site.yml} read and validated once into a {@link dev.gazette.config.SiteConfig},
 * with command-line overrides applied by the caller. Its bytes are decoded as the sources' are
 * ({@code text}); its values are read with {@code yaml}.
 */
package dev.gazette.config;
