/**
 * The command line (picocli): the only code that prints to the terminal or picks an exit code.
 * Exit codes: 0 success, 1 errors in the sources or templates, 2 bad usage.
 */
package dev.gazette.cli;
