/**
 * YAML read the way a newsroom means it: {@link dev.gazette.yaml.YamlTree} keeps every scalar as
 * the text written and leaves each field to convert the text it needs. Shared by the article
 * front matter ({@code source}) and {@code site.yml} ({@code config}); imports nothing else from
 * Gazette, so both may depend on it.
 */
package dev.gazette.yaml;
