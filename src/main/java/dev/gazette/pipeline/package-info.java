/**
 * Runs the steps of a build in order — configuration, sources, index, related content, pages,
 * output — times each, and reports. The only package that knows all the others.
 */
package dev.gazette.pipeline;
