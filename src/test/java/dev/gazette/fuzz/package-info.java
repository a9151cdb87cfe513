/**
 * Seeded fuzzing for the tests: {@link dev.gazette.fuzz.Mutator} damages real sample files the
 * way sources get damaged, and {@link dev.gazette.fuzz.Fuzzer} runs the cases, collects every
 * distinct failure with the seed that replays it, and shrinks each failing input. The fuzz tests
 * themselves sit beside the code they exercise ({@code SourceReaderFuzzTest},
 * {@code ConfigLoaderFuzzTest}, {@code BuildFuzzTest}).
 */
package dev.gazette.fuzz;
