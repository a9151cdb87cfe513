/**
 * YAML read the way a newsroom means it: {@link dev.gazette.yaml.YamlTree} keeps every scalar as
 * the text written and leaves each field to convert the text it needs. Shared by the article
 * front matter ({@code source}) and {@code site.yml} ({@code config}). Imports only {@code text}
 * (control characters that escapes write are removed from the tree), so both may depend on it.
 */
package dev.gazette.yaml;
