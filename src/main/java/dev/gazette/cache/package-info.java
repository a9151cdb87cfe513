/**
 * The persistent build cache ({@code .gazette/} beside the configuration): what a build computed
 * that the next one can reuse when its inputs are the same bytes. Every entry is keyed by a hash of
 * everything it depends on, so a hit is always right, two sites can share one cache, and a damaged
 * or foreign entry is only a miss. Depends on {@code model}, {@code source} and {@code related} only.
 */
package dev.gazette.cache;
