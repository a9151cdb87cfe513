/**
 * Immutable records that describe a news site's content: {@link dev.gazette.model.Article},
 * {@link dev.gazette.model.Term} (a tag or a rubric), {@link dev.gazette.model.Problem}.
 * This package imports nothing else from Gazette, so every other step can depend on it.
 */
package dev.gazette.model;
