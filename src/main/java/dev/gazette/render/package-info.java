/**
 * Plans the pages of a site and renders them with FreeMarker over read-only view records.
 * Rendering returns text; it writes nothing (see {@code dev.gazette.output}).
 */
package dev.gazette.render;
