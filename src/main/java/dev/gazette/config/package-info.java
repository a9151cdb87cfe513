/**
 * The site configuration: {@code site.yml} read and validated once into a {@link dev.gazette.config.SiteConfig},
 * with command-line overrides applied by the caller.
 */
package dev.gazette.config;
