/**
 * The only code that writes the generated site. Everything goes to a staging folder beside the
 * output folder, and replaces it only when the build succeeds.
 */
package dev.gazette.output;
