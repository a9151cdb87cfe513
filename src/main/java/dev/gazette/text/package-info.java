/**
 * Text as every reader gets it: the bytes of a file decoded ({@link dev.gazette.text.TextDecoder}:
 * byte-order marks, UTF-8, Windows-1252 as a fallback) and the characters no page may carry
 * removed ({@link dev.gazette.text.ControlCharacters}, the one definition of them, also applied
 * wherever escapes are expanded later: YAML, HTML character references, JSON); and French
 * typography ({@link dev.gazette.text.FrenchTypography}), the presentation step pages, feeds and
 * JSON-LD apply to French text through {@code render}; and the percent-encoding of URL paths
 * ({@link dev.gazette.text.UrlPaths}), between a Unicode slug's folder and its links. Imports only {@code model} (and jsoup), so
 * {@code config}, {@code yaml}, {@code markup} and {@code source} may all depend on it.
 */
package dev.gazette.text;
